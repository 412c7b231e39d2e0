using Mesh.Dsl.Model;
using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>Rules shared by several kinds: metadata (G-26, G-27), selectors (G-15, G-16), labels (G-14), exportTo (G-17).</summary>
internal static class CommonRules
{
    /// <summary>G-26, G-27: the metadata rules of every kind.</summary>
    internal sealed class MetadataRule() : FieldRule(null, new RuleMetadata(
        "resource.metadata",
        "Every resource has a lowercase DNS-1123 name (G-27) and namespace, and no annotation Istio rejects (G-26).",
        [],
        [DiagnosticCodes.InvalidResourceName, DiagnosticCodes.ForbiddenAnnotation]))
    {
        public override void Check(IstioResource resource, RuleContext context) => CheckMetadata(context);
    }

    private static readonly string[] ForbiddenAnnotations =
    [
        "istio.io/dry-run",
        "internal.istio.io/webhook-always-reject",
        "internal.istio.io/parent-namespace",
        "internal.istio.io/parents",
    ];

    /// <summary>G-27 (name), namespace syntax and G-26 (annotations).</summary>
    public static void CheckMetadata(RuleContext context)
    {
        var resource = context.Resource;
        var name = resource.MetadataName;
        if (!IstioSyntax.IsDnsSubdomain(name))
        {
            context.Error(
                DiagnosticCodes.InvalidResourceName,
                FieldPath.Metadata.Name,
                name is null
                    ? "metadata.name is missing; give the resource a lowercase DNS-1123 name such as 'my-service'."
                    : $"'{name}' is not a valid resource name; use lowercase letters, digits, '-' and '.', at most 253 characters, starting and ending with a letter or digit.");
        }

        // kubectl and the API server read an empty namespace as none (the default namespace), as ResourceNamespace does.
        if (resource.MetadataNamespace is { Length: > 0 } ns && !IstioSyntax.IsLowercaseDnsLabel(ns))
        {
            context.Error(DiagnosticCodes.InvalidResourceName, FieldPath.Metadata.Namespace, $"'{ns}' is not a valid namespace; use a lowercase DNS-1123 label (letters, digits and '-', at most 63 characters).");
        }

        if (resource.MetadataAnnotations is { } annotations)
        {
            foreach (var key in annotations.Keys)
            {
                // AuthorizationPolicy takes istio.io/dry-run (with ALLOW or DENY): AuthorizationPolicyDryRun checks it there.
                if (ForbiddenAnnotations.Contains(key) && !(key == AuthorizationPolicyDryRun.Annotation && context.Resource is Mesh.Dsl.Model.Security.AuthorizationPolicy))
                {
                    context.Error(DiagnosticCodes.ForbiddenAnnotation, FieldPath.Metadata.Annotation(key), $"annotation '{key}' is not allowed on {context.Resource.Kind}; remove it.");
                }
            }
        }
    }

    /// <summary>
    /// G-15 / G-16. <paramref name="maxEntries"/> is 4096 for <c>matchLabels</c> selectors (DR, PA) and
    /// 256 for networking <c>labels</c> selectors (SE, Sidecar).
    /// </summary>
    public static void CheckSelector(RuleContext context, IReadOnlyDictionary<string, string> labels, string path, int maxEntries)
    {
        if (labels.Count == 0)
        {
            context.Warning(DiagnosticCodes.EmptyWorkloadSelector, path, "the workload selector has no labels, so it applies to every workload in the namespace; add labels or remove the selector.");
            return;
        }

        if (labels.Count > maxEntries)
        {
            context.Error(DiagnosticCodes.InvalidWorkloadSelector, path, $"the selector has {labels.Count} labels; at most {maxEntries} are allowed.");
        }

        foreach (var (key, value) in labels)
        {
            // The entry path is made only for a wrong label.
            if (key.Length == 0)
            {
                context.Error(DiagnosticCodes.InvalidWorkloadSelector, $"{path}[{key}]", "a selector label key is empty; name the label to match.");
            }
            else if (key.Contains('*'))
            {
                context.Error(DiagnosticCodes.InvalidWorkloadSelector, $"{path}[{key}]", $"selector label key '{key}' contains '*'; wildcards are not allowed, use the exact label key.");
            }

            if (value.Contains('*'))
            {
                context.Error(DiagnosticCodes.InvalidWorkloadSelector, $"{path}[{key}]", $"selector label value '{value}' contains '*'; wildcards are not allowed, use the exact label value.");
            }
            else if (value.Length > 63)
            {
                context.Error(DiagnosticCodes.InvalidWorkloadSelector, $"{path}[{key}]", $"selector label value for '{key}' is {value.Length} characters long; at most 63 are allowed.");
            }
        }
    }

    /// <summary>G-14: label maps of subsets, sourceLabels and endpoints; the path (<paramref name="path"/> + <paramref name="field"/>) is made only for a wrong label.</summary>
    public static void CheckLabels(RuleContext context, IReadOnlyDictionary<string, string> labels, string path, string field = "")
    {
        if (labels.Count == 0)
        {
            return;
        }

        foreach (var (key, value) in labels)
        {
            if (!IstioSyntax.IsLabelKey(key) || !IstioSyntax.IsLabelValue(value))
            {
                context.Error(
                    DiagnosticCodes.InvalidLabels,
                    $"{path}{field}[{key}]",
                    $"invalid label '{key}={value}'; keys are an optional DNS prefix and '/' plus a name of letters, digits, '-', '_' and '.' (at most 63, alphanumeric at both ends), values use the same characters.");
            }
        }
    }

    /// <summary>G-17. <paramref name="allowTilde"/> only for ServiceEntry.</summary>
    public static void CheckExportTo(RuleContext context, Items<string> exportTo, string path, bool allowTilde)
    {
        // Only several entries can repeat one; the paths are made only for a wrong entry.
        var seen = exportTo.Count > 1 ? new HashSet<string>(StringComparer.Ordinal) : null;
        for (var i = 0; i < exportTo.Count; i++)
        {
            var entry = exportTo[i];
            if (entry == "~")
            {
                if (!allowTilde)
                {
                    context.Error(DiagnosticCodes.InvalidExportTo, $"{path}[{i}]", $"exportTo '~' is not allowed on {context.Resource.Kind}; only a ServiceEntry can hide itself from every namespace.");
                }
                else if (exportTo.Count > 1)
                {
                    context.Error(DiagnosticCodes.InvalidExportTo, $"{path}[{i}]", "exportTo '~' must be the only entry; remove the other entries.");
                }
            }
            else if (entry == "*")
            {
                if (exportTo.Count > 1)
                {
                    context.Error(DiagnosticCodes.InvalidExportTo, $"{path}[{i}]", "exportTo '*' already exports to every namespace and must be the only entry; remove the other entries.");
                }
            }
            else if (entry != "." && !IstioSyntax.IsDnsLabel(entry))
            {
                context.Error(DiagnosticCodes.InvalidExportTo, $"{path}[{i}]", $"exportTo '{entry}' is not '.', '*' or a namespace name.");
            }

            var normalised = entry == "." ? context.Namespace : entry;
            if (seen is not null && !seen.Add(normalised))
            {
                context.Error(DiagnosticCodes.InvalidExportTo, $"{path}[{i}]", $"exportTo lists '{entry}' twice ('.' is the resource's own namespace {context.Namespace}); remove the duplicate.");
            }
        }
    }

    public static bool IsDefined<TEnum>(TEnum? value)
        where TEnum : struct, Enum
        => value is not { } v || Enum.IsDefined(v);

    /// <summary>As the other overload, with the path made (<paramref name="path"/> + <paramref name="field"/>) only when the value is wrong.</summary>
    public static void CheckEnum<TEnum>(RuleContext context, TEnum? value, string path, string field)
        where TEnum : struct, Enum
    {
        if (!IsDefined(value))
        {
            CheckEnum(context, value, path + field);
        }
    }

    public static void CheckEnum<TEnum>(RuleContext context, TEnum? value, string path)
        where TEnum : struct, Enum
    {
        if (!IsDefined(value))
        {
            context.Error(DiagnosticCodes.InvalidEnumValue, path, $"{Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)} is not a valid value; use one of {string.Join(", ", Codecs.EnumNamesOf<TEnum>())}.");
        }
    }

    /// <summary>How Istio spells an enum value in messages: the name the writer writes, from the codec's table.</summary>
    public static string EnumName<TEnum>(TEnum value)
        where TEnum : struct, Enum
        => Codecs.TryEnumName(value) ?? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string ResourceNamespace(IstioResource resource)
        => resource.MetadataNamespace is { Length: > 0 } ns ? ns : "default";
}
