using Mesh.Dsl.Model;

namespace Mesh.Dsl.Validation;

/// <summary>
/// Sentences appended to the message of a resource's diagnostics of one code: how a recipe that knowingly
/// produces a warning (because an option asked for it) says which option settles it. Kept by the mesh, not
/// written anywhere; a hint applies while its resource is in the mesh.
/// </summary>
internal sealed class DiagnosticHints
{
    private readonly List<(IstioResource Resource, string Code, string Hint)> _hints = new();

    /// <summary>Appends <paramref name="hint"/> to <paramref name="resource"/>'s diagnostics with <paramref name="code"/>.</summary>
    public void Add(IstioResource resource, string code, string hint) => _hints.Add((resource, code, hint));

    /// <summary>The diagnostics with the hints of the resources in <paramref name="resources"/> appended; the same list when none applies.</summary>
    public IReadOnlyList<Diagnostic> AppendTo(IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<IstioResource> resources)
    {
        if (_hints.Count == 0 || diagnostics.Count == 0)
        {
            return diagnostics;
        }

        var present = new HashSet<IstioResource>(resources, ReferenceEqualityComparer.Instance);
        var hints = new Dictionary<(string Kind, string? Namespace, string? Name, string Code), string>();
        foreach (var (resource, code, hint) in _hints)
        {
            if (present.Contains(resource))
            {
                var key = (resource.Kind, resource.MetadataNamespace, resource.MetadataName, code);
                hints[key] = hints.TryGetValue(key, out var earlier) ? earlier + " " + hint : hint;
            }
        }

        if (hints.Count == 0)
        {
            return diagnostics;
        }

        var result = new List<Diagnostic>(diagnostics.Count);
        foreach (var diagnostic in diagnostics)
        {
            result.Add(hints.TryGetValue((diagnostic.Kind, diagnostic.Namespace, diagnostic.Name, diagnostic.Code), out var hint)
                ? diagnostic with { Message = diagnostic.Message + " " + hint }
                : diagnostic);
        }

        return result;
    }
}
