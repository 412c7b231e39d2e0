using Mesh.Dsl.Tests.Model;
using YamlDotNet.RepresentationModel;

namespace Mesh.Dsl.Tests;

/// <summary>
/// The leaf fields of a kind's spec as Istio's CRD bundle defines them (<c>spec.trafficPolicy.tls.sni</c>,
/// <c>spec.subsets[].labels</c>), and the leaf fields a YAML text sets, to check field coverage.
/// Objects with properties, and lists and maps of them (<c>spec.http[].match[].headers{}.exact</c>), are
/// walked into; scalars, scalar lists and maps such as labels are one leaf each, as the CRD counts them.
/// </summary>
internal static class CrdLeafFields
{
    /// <summary>Every leaf field of the kind's v1 spec.</summary>
    public static SortedSet<string> Of(string kind)
    {
        var leaves = new SortedSet<string>(StringComparer.Ordinal);
        CollectSchema(SpecSchema(kind), "spec", leaves);
        return leaves;
    }

    /// <summary>The leaf fields set by the documents of <paramref name="yaml"/>; throws on a field the CRD does not have.</summary>
    public static SortedSet<string> SetBy(string kind, string yaml)
    {
        var schema = SpecSchema(kind);
        var leaves = new SortedSet<string>(StringComparer.Ordinal);
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        foreach (var document in stream.Documents)
        {
            if (CrdBundle.Child(document.RootNode, "spec") is { } spec)
            {
                CollectDocument(spec, schema, "spec", leaves);
            }
        }

        return leaves;
    }

    // The bundle is parsed once (CrdBundle caches it); the v1 spec schema is the same in every served version.
    private static YamlMappingNode SpecSchema(string kind)
        => CrdBundle.ServedVersions(kind).SingleOrDefault(v => v.Version == "v1")?.Spec
           ?? throw new InvalidOperationException($"{kind} is not in the CRD bundle.");

    private static void CollectSchema(YamlNode schema, string path, ISet<string> leaves)
    {
        if (CrdBundle.Child(schema, "properties") is YamlMappingNode properties)
        {
            foreach (var (key, value) in properties.Children)
            {
                CollectSchema(value, path + "." + ((YamlScalarNode)key).Value, leaves);
            }
        }
        else if (CrdBundle.Child(CrdBundle.Child(schema, "items"), "properties") is not null)
        {
            CollectSchema(CrdBundle.Child(schema, "items")!, path + "[]", leaves);
        }
        else if (CrdBundle.Child(CrdBundle.Child(schema, "additionalProperties"), "properties") is not null)
        {
            CollectSchema(CrdBundle.Child(schema, "additionalProperties")!, path + "{}", leaves);
        }
        else
        {
            leaves.Add(path);
        }
    }

    private static void CollectDocument(YamlNode node, YamlNode schema, string path, ISet<string> leaves)
    {
        if (CrdBundle.Child(schema, "properties") is YamlMappingNode properties)
        {
            foreach (var (key, value) in ((YamlMappingNode)node).Children)
            {
                var name = ((YamlScalarNode)key).Value!;
                var field = CrdBundle.Child(properties, name) ?? throw new InvalidOperationException($"{path}.{name} is not in the CRD.");
                CollectDocument(value, field, path + "." + name, leaves);
            }
        }
        else if (CrdBundle.Child(CrdBundle.Child(schema, "items"), "properties") is not null)
        {
            foreach (var item in ((YamlSequenceNode)node).Children)
            {
                CollectDocument(item, CrdBundle.Child(schema, "items")!, path + "[]", leaves);
            }
        }
        else if (CrdBundle.Child(CrdBundle.Child(schema, "additionalProperties"), "properties") is not null)
        {
            foreach (var value in ((YamlMappingNode)node).Children.Values)
            {
                CollectDocument(value, CrdBundle.Child(schema, "additionalProperties")!, path + "{}", leaves);
            }
        }
        else
        {
            leaves.Add(path);
        }
    }
}
