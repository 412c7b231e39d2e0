using YamlDotNet.RepresentationModel;

namespace Mesh.Dsl.Tests.Model;

/// <summary>One served version of a kind in Istio's CRD bundle, with the OpenAPI schema of its spec.</summary>
internal sealed record CrdVersion(string Kind, string Group, string Version, YamlMappingNode Spec)
{
    public string ApiVersion => Group + "/" + Version;
}

/// <summary>Istio's CRD bundle (vendored at <c>tools/Mesh.Dsl.Generator/Istio/customresourcedefinitions.gen.yaml</c>), parsed once.</summary>
internal static class CrdBundle
{
    private static readonly Lazy<IReadOnlyList<CrdVersion>> Versions = new(Load);

    /// <summary>Every served version of every kind in the bundle, in file order.</summary>
    public static IReadOnlyList<CrdVersion> All => Versions.Value;

    public static IReadOnlyList<CrdVersion> ServedVersions(string kind) => All.Where(v => v.Kind == kind).ToList();

    private static IReadOnlyList<CrdVersion> Load()
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(TestPaths.CrdBundle))
        {
            stream.Load(reader);
        }

        var versions = new List<CrdVersion>();
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is not YamlMappingNode crd || Child(crd, "spec") is not YamlMappingNode spec)
            {
                continue;
            }

            var kind = Text(Child(Child(spec, "names"), "kind"));
            var group = Text(Child(spec, "group"));
            foreach (var version in ((YamlSequenceNode)Child(spec, "versions")!).Children.OfType<YamlMappingNode>())
            {
                if (Text(Child(version, "served")) != "true")
                {
                    continue;
                }

                var schema = Child(Child(Child(Child(version, "schema"), "openAPIV3Schema"), "properties"), "spec");
                versions.Add(new CrdVersion(kind, group, Text(Child(version, "name")), (YamlMappingNode)schema!));
            }
        }

        return versions;
    }

    /// <summary>The value of <paramref name="key"/> in a mapping, or null (also when <paramref name="node"/> is not a mapping).</summary>
    public static YamlNode? Child(YamlNode? node, string key)
    {
        if (node is not YamlMappingNode mapping)
        {
            return null;
        }

        foreach (var (k, v) in mapping.Children)
        {
            if (k is YamlScalarNode { Value: var name } && name == key)
            {
                return v;
            }
        }

        return null;
    }

    public static string Text(YamlNode? node) => (node as YamlScalarNode)?.Value ?? string.Empty;
}
