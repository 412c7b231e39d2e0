using Mesh.Dsl.Model;
using Mesh.Dsl.Validation.Rules;

namespace Mesh.Dsl.Validation;

/// <summary>
/// Silences one diagnostic code on the resources whose name matches a pattern, with the syntax and
/// meaning of <c>istioctl analyze --suppress</c>: <c>CODE=Kind name.namespace</c>, where <c>*</c> in the
/// resource part matches any run of characters (<c>IST0107=Pod *.testing</c>,
/// <c>MESH3005=PeerAuthentication *</c>). A resource without a namespace is named with the namespace it
/// lands in, <c>default</c>. Diagnostics that concern no resource (a file that cannot be read) are
/// never suppressed. The other way istioctl offers, the annotation <see cref="AnnotationName"/> on the
/// resource itself, is always honoured by <see cref="MeshValidator"/>.
/// </summary>
/// <param name="Code">The code to silence, e.g. <c>IST0101</c>; compared exactly, as istioctl does.</param>
/// <param name="ResourcePattern">The resource, as istioctl names it: <c>Kind name.namespace</c>, with <c>*</c> wildcards.</param>
public sealed record DiagnosticSuppression(string Code, string ResourcePattern)
{
    /// <summary>
    /// The annotation that silences codes on the resource carrying it: a comma-separated list of codes,
    /// or <c>*</c> for all (<c>galley.istio.io/analyze-suppress: "IST0101,MESH3005"</c>).
    /// </summary>
    public const string AnnotationName = "galley.istio.io/analyze-suppress";

    /// <summary>Parses istioctl's <c>CODE=Kind name.namespace</c> form.</summary>
    /// <param name="text">The text, e.g. <c>IST0107=Pod *.testing</c>.</param>
    /// <returns>The suppression.</returns>
    /// <exception cref="FormatException">When the text is not of that form; the message says what is expected.</exception>
    public static DiagnosticSuppression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var suppression, out var error) ? suppression : throw new FormatException(error);
    }

    /// <summary>Parses istioctl's <c>CODE=Kind name.namespace</c> form without throwing.</summary>
    /// <param name="text">The text.</param>
    /// <param name="suppression">The suppression, when the text is well formed.</param>
    /// <param name="error">Why the text is not well formed, otherwise.</param>
    /// <returns>Whether the text is well formed.</returns>
    public static bool TryParse(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DiagnosticSuppression? suppression, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        suppression = null;

        // istioctl splits on '=' and wants exactly two parts.
        var parts = text.Split('=');
        if (parts.Length != 2 || parts[0].Trim().Length == 0 || parts[1].Trim().Length == 0)
        {
            error = $"'{text}' is not a suppression: write CODE=Kind name.namespace, e.g. IST0101=VirtualService reviews.default or MESH3005=PeerAuthentication *";
            return false;
        }

        suppression = new DiagnosticSuppression(parts[0].Trim(), parts[1].Trim());
        error = null;
        return true;
    }

    /// <summary>Whether this suppression silences a diagnostic.</summary>
    /// <param name="diagnostic">The diagnostic.</param>
    /// <returns>True when the code is the same and the diagnostic's resource matches <see cref="ResourcePattern"/>.</returns>
    public bool Matches(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return diagnostic.Kind.Length > 0
            && string.Equals(diagnostic.Code, Code, StringComparison.Ordinal)
            && Glob(ResourcePattern, FriendlyName(diagnostic.Kind, diagnostic.Namespace, diagnostic.Name));
    }

    /// <summary>istioctl's name of a resource: <c>Kind name.namespace</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="namespace">The namespace, or null for <c>default</c>.</param>
    /// <param name="name">The name.</param>
    /// <returns>The name suppressions are matched against.</returns>
    internal static string FriendlyName(string kind, string? @namespace, string? name)
        => $"{kind} {name}.{(@namespace is { Length: > 0 } ns ? ns : "default")}";

    /// <summary>
    /// The codes a resource's <see cref="AnnotationName"/> annotation silences (empty when it has none);
    /// <c>*</c> stands for every code.
    /// </summary>
    /// <param name="resource">The resource.</param>
    /// <returns>The codes, trimmed.</returns>
    internal static IReadOnlyList<string> AnnotatedCodes(IstioResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (resource.MetadataAnnotations is not { } annotations || !annotations.TryGetValue(AnnotationName, out var value) || string.IsNullOrWhiteSpace(value))
        {
            return [];
        }

        return value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>
    /// Drops the diagnostics that the resources' annotations or the given suppressions silence, keeping
    /// the order of the others.
    /// </summary>
    /// <param name="diagnostics">The diagnostics of a validation.</param>
    /// <param name="resources">The resources validated, whose annotations are read.</param>
    /// <param name="suppressions">Suppressions given from outside (the command line, a program).</param>
    /// <returns>The diagnostics left.</returns>
    internal static IReadOnlyList<Diagnostic> Apply(IReadOnlyList<Diagnostic> diagnostics, IEnumerable<IstioResource> resources, IReadOnlyCollection<DiagnosticSuppression> suppressions)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(suppressions);
        if (diagnostics.Count == 0)
        {
            return diagnostics;
        }

        // Only resources that carry the annotation are indexed: in most meshes none do, and nothing is built.
        Dictionary<(string Kind, string Namespace, string? Name), IReadOnlyList<string>>? annotated = null;
        foreach (var resource in resources)
        {
            var codes = AnnotatedCodes(resource);
            if (codes.Count > 0)
            {
                (annotated ??= [])[(resource.Kind, CommonRules.ResourceNamespace(resource), resource.MetadataName)] = codes;
            }
        }

        if (annotated is null && suppressions.Count == 0)
        {
            return diagnostics;
        }

        var kept = new List<Diagnostic>(diagnostics.Count);
        foreach (var diagnostic in diagnostics)
        {
            if (!IsSuppressed(diagnostic, annotated, suppressions))
            {
                kept.Add(diagnostic);
            }
        }

        return kept;
    }

    private static bool IsSuppressed(Diagnostic diagnostic, Dictionary<(string, string, string?), IReadOnlyList<string>>? annotated, IReadOnlyCollection<DiagnosticSuppression> suppressions)
    {
        if (diagnostic.Kind.Length == 0)
        {
            return false;
        }

        if (annotated is not null
            && annotated.TryGetValue((diagnostic.Kind, diagnostic.Namespace is { Length: > 0 } ns ? ns : "default", diagnostic.Name), out var codes)
            && codes.Any(code => code == "*" || code == diagnostic.Code))
        {
            return true;
        }

        foreach (var suppression in suppressions)
        {
            if (suppression.Matches(diagnostic))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whole-text match where <c>*</c> stands for any run of characters (also none), as istioctl's glob.</summary>
    private static bool Glob(string pattern, string text)
    {
        var pieces = pattern.Split('*');
        if (pieces.Length == 1)
        {
            return string.Equals(pattern, text, StringComparison.Ordinal);
        }

        if (!text.StartsWith(pieces[0], StringComparison.Ordinal))
        {
            return false;
        }

        var at = pieces[0].Length;
        for (var i = 1; i < pieces.Length - 1; i++)
        {
            var found = text.IndexOf(pieces[i], at, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            at = found + pieces[i].Length;
        }

        var last = pieces[^1];
        return text.Length - at >= last.Length && text.EndsWith(last, StringComparison.Ordinal);
    }
}
