using YamlDotNet.RepresentationModel;

namespace Mesh.Dsl.Tests.Model;

/// <summary>
/// The leaf fields of a kind's spec as Istio's CRD bundle lists them (<c>servers.tls.mode</c>), and
/// the leaves a YAML document sets, so a test can show that a document sets every field the CRD has.
/// </summary>
internal static class CrdLeafPaths
{
    private static readonly Lazy<List<YamlMappingNode>> Crds = new(LoadCrds);

    /// <summary>Every leaf path of the spec of <paramref name="kind"/> in <paramref name="version"/>.</summary>
    public static SortedSet<string> OfKind(string kind, string version)
    {
        var crd = Crds.Value.Single(c => Scalar(Child(Child(Child(c, "spec"), "names"), "kind")) == kind);
        var versionNode = ((YamlSequenceNode)Child(Child(crd, "spec"), "versions")).Children
            .Cast<YamlMappingNode>()
            .Single(v => Scalar(Child(v, "name")) == version);
        var spec = Child(Child(Child(Child(versionNode, "schema"), "openAPIV3Schema"), "properties"), "spec");
        var leaves = new SortedSet<string>(StringComparer.Ordinal);
        Collect((YamlMappingNode)spec, "", leaves);
        return leaves;
    }

    /// <summary>The leaf paths that the <c>spec</c> of a YAML document sets, judged by the CRD's leaves.</summary>
    public static SortedSet<string> SetIn(string documentYaml, SortedSet<string> crdLeaves)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(documentYaml));
        var spec = Child((YamlMappingNode)stream.Documents[0].RootNode, "spec");
        var found = new SortedSet<string>(StringComparer.Ordinal);
        Walk(spec, "", crdLeaves, found);
        return found;
    }

    private static void Collect(YamlMappingNode schema, string path, SortedSet<string> leaves)
    {
        if (schema.Children.TryGetValue(new YamlScalarNode("properties"), out var properties))
        {
            foreach (var (key, value) in ((YamlMappingNode)properties).Children)
            {
                Collect((YamlMappingNode)value, Join(path, Scalar(key)), leaves);
            }
        }
        else if (schema.Children.TryGetValue(new YamlScalarNode("items"), out var items) && ((YamlMappingNode)items).Children.ContainsKey(new YamlScalarNode("properties")))
        {
            Collect((YamlMappingNode)items, path, leaves);
        }
        else
        {
            leaves.Add(path);
        }
    }

    private static void Walk(YamlNode node, string path, SortedSet<string> crdLeaves, SortedSet<string> found)
    {
        if (crdLeaves.Contains(path))
        {
            found.Add(path);
            return;
        }

        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    Walk(value, Join(path, Scalar(key)), crdLeaves, found);
                }

                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                {
                    Walk(item, path, crdLeaves, found);
                }

                break;
            default:
                found.Add("(not in the CRD) " + path);
                break;
        }
    }

    private static List<YamlMappingNode> LoadCrds()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(TestPaths.CrdBundle)));
        return stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>().ToList();
    }

    private static YamlNode Child(YamlNode node, string key) => ((YamlMappingNode)node).Children[new YamlScalarNode(key)];

    private static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value!;

    private static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;
}
