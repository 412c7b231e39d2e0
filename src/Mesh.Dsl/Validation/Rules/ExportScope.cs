namespace Mesh.Dsl.Validation.Rules;

/// <summary>Which namespaces see a resource, from its exportTo (empty or <c>*</c>: all; <c>.</c>: its own; <c>~</c>: none).</summary>
internal sealed class ExportScope
{
    private static readonly ExportScope Everyone = new(null);

    private readonly HashSet<string>? _namespaces;

    private ExportScope(HashSet<string>? namespaces) => _namespaces = namespaces;

    public bool IsPublic => _namespaces is null;

    /// <summary>The namespaces that see the resource; empty when it is public (see <see cref="IsPublic"/>) or hidden.</summary>
    public IReadOnlyCollection<string> Namespaces => (IReadOnlyCollection<string>?)_namespaces ?? [];

    public static ExportScope Of(IReadOnlyList<string> exportTo, string ownNamespace)
    {
        if (exportTo.Count == 0 || exportTo.Contains("*"))
        {
            return Everyone;
        }

        return new ExportScope(exportTo.Where(e => e != "~").Select(e => e == "." ? ownNamespace : e).ToHashSet(StringComparer.Ordinal));
    }

    public bool IsVisibleTo(string @namespace) => _namespaces is null || _namespaces.Contains(@namespace);

    public bool Overlaps(ExportScope other)
        => _namespaces is null ? other._namespaces is null || other._namespaces.Count > 0
            : other._namespaces is null ? _namespaces.Count > 0 : _namespaces.Overlaps(other._namespaces);
}
