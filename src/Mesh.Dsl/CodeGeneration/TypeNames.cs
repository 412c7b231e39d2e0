// MeshCode finds the builders' methods and the model's properties by reflection, at code-generation time only;
// its public entry points carry RequiresUnreferencedCode/RequiresDynamicCode, so a trimmed or NativeAOT program
// that calls them is warned there. The reading, writing and validation paths have no reflection and stay AOT-safe.
#pragma warning disable IL2026, IL2060, IL2062, IL2067, IL2070, IL2072, IL2075, IL2080, IL3050
namespace Mesh.Dsl.CodeGeneration;

/// <summary>
/// The names of the types a generated file uses, and the <c>using</c> directives they need. A name
/// that more than one namespace of Mesh.Dsl defines is written in full, so that no set of usings can
/// make it ambiguous.
/// </summary>
internal sealed class TypeNames
{
    private static readonly Lazy<HashSet<string>> SharedNames = new(() => typeof(IstioMesh).Assembly.GetExportedTypes()
        .Where(t => !t.IsNested)
        .GroupBy(t => t.Name, StringComparer.Ordinal)
        .Where(g => g.Select(t => t.Namespace).Distinct().Count() > 1)
        .Select(g => g.Key)
        .ToHashSet(StringComparer.Ordinal));

    private readonly SortedSet<string> _namespaces = new(StringComparer.Ordinal) { "Mesh.Dsl" };

    /// <summary>The namespaces to import, sorted, <c>System</c> first.</summary>
    public IEnumerable<string> Namespaces => _namespaces.Where(n => n == "System").Concat(_namespaces.Where(n => n != "System"));

    public void Use(string @namespace) => _namespaces.Add(@namespace);

    /// <summary>The name to write for <paramref name="type"/> (a non-generic, non-nested type).</summary>
    public string Name(Type type)
    {
        if (type.Namespace is null || type.IsNested || type.IsGenericType)
        {
            throw new NotSupportedException($"Code generation cannot name the type {type}.");
        }

        if (SharedNames.Value.Contains(type.Name))
        {
            return "global::" + type.FullName;
        }

        _namespaces.Add(type.Namespace);
        return type.Name;
    }
}
