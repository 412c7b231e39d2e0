using Mesh.Dsl.Model;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>Which namespaces see a resource, from its exportTo (empty or <c>*</c>: all; <c>.</c>: its own; <c>~</c>: none).</summary>
internal sealed class ExportScope
{
    private static readonly ExportScope Everyone = new(null);

    private static readonly HashSet<string> NoNamespaces = [];

    private readonly HashSet<string>? _namespaces;

    private ExportScope(HashSet<string>? namespaces) => _namespaces = namespaces;

    public bool IsPublic => _namespaces is null;

    /// <summary>The namespaces that see the resource; empty when it is public (see <see cref="IsPublic"/>) or hidden.</summary>
    /// <remarks>A set (not an interface) so that <c>foreach</c> needs no enumerator object; callers only read it.</remarks>
    public HashSet<string> Namespaces => _namespaces ?? NoNamespaces;

    public static ExportScope Of(Items<string> exportTo, string ownNamespace)
    {
        if (exportTo.Count == 0 || exportTo.Contains("*"))
        {
            return Everyone;
        }

        // A loop, not a lambda: a lambda capturing ownNamespace would cost an object on every call, public ones too.
        var namespaces = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < exportTo.Count; i++)
        {
            if (exportTo[i] != "~")
            {
                namespaces.Add(exportTo[i] == "." ? ownNamespace : exportTo[i]);
            }
        }

        return new ExportScope(namespaces);
    }

    public bool IsVisibleTo(string @namespace) => _namespaces is null || _namespaces.Contains(@namespace);

    /// <summary>As <c>Of(exportTo, ownNamespace).IsVisibleTo(@namespace)</c>, without building the scope.</summary>
    public static bool IsVisibleTo(Items<string> exportTo, string ownNamespace, string @namespace)
    {
        if (exportTo.Count == 0)
        {
            return true;
        }

        for (var i = 0; i < exportTo.Count; i++)
        {
            var entry = exportTo[i];
            if (entry == "*" || (entry != "~" && (entry == "." ? ownNamespace : entry) == @namespace))
            {
                return true;
            }
        }

        return false;
    }

    public bool Overlaps(ExportScope other)
        => _namespaces is null ? other._namespaces is null || other._namespaces.Count > 0
            : other._namespaces is null ? _namespaces.Count > 0 : _namespaces.Overlaps(other._namespaces);
}
