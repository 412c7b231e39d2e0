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
            if (Child(document.RootNode, "spec") is { } spec)
            {
                CollectDocument(spec, schema, "spec", leaves);
            }
        }

        return leaves;
    }

    private static YamlMappingNode SpecSchema(string kind)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(TestPaths.CrdBundle))
        {
            stream.Load(reader);
        }

        foreach (var document in stream.Documents)
        {
            if (Child(Child(Child(document.RootNode, "spec"), "names"), "kind") is YamlScalarNode { Value: var name } && name == kind)
            {
                var versions = (YamlSequenceNode)Child(Child(document.RootNode, "spec"), "versions")!;
                var v1 = versions.Children.Single(v => Child(v, "name") is YamlScalarNode { Value: "v1" });
                return (YamlMappingNode)Child(Child(Child(Child(v1, "schema"), "openAPIV3Schema"), "properties"), "spec")!;
            }
        }

        throw new InvalidOperationException($"{kind} is not in the CRD bundle.");
    }

    private static YamlNode? Child(YamlNode? node, string key)
        => node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static void CollectSchema(YamlNode schema, string path, ISet<string> leaves)
    {
        if (Child(schema, "properties") is YamlMappingNode properties)
        {
            foreach (var (key, value) in properties.Children)
            {
                CollectSchema(value, path + "." + ((YamlScalarNode)key).Value, leaves);
            }
        }
        else if (Child(Child(schema, "items"), "properties") is not null)
        {
            CollectSchema(Child(schema, "items")!, path + "[]", leaves);
        }
        else if (Child(Child(schema, "additionalProperties"), "properties") is not null)
        {
            CollectSchema(Child(schema, "additionalProperties")!, path + "{}", leaves);
        }
        else
        {
            leaves.Add(path);
        }
    }

    private static void CollectDocument(YamlNode node, YamlNode schema, string path, ISet<string> leaves)
    {
        if (Child(schema, "properties") is YamlMappingNode properties)
        {
            foreach (var (key, value) in ((YamlMappingNode)node).Children)
            {
                var name = ((YamlScalarNode)key).Value!;
                var field = Child(properties, name) ?? throw new InvalidOperationException($"{path}.{name} is not in the CRD.");
                CollectDocument(value, field, path + "." + name, leaves);
            }
        }
        else if (Child(Child(schema, "items"), "properties") is not null)
        {
            foreach (var item in ((YamlSequenceNode)node).Children)
            {
                CollectDocument(item, Child(schema, "items")!, path + "[]", leaves);
            }
        }
        else if (Child(Child(schema, "additionalProperties"), "properties") is not null)
        {
            foreach (var value in ((YamlMappingNode)node).Children.Values)
            {
                CollectDocument(value, Child(schema, "additionalProperties")!, path + "{}", leaves);
            }
        }
        else
        {
            leaves.Add(path);
        }
    }
}
