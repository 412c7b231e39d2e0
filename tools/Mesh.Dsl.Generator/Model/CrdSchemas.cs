using YamlDotNet.RepresentationModel;

namespace Mesh.Dsl.Generator.Model;

/// <summary>One served version of a kind in the CRD bundle: its spec schema.</summary>
internal sealed record CrdVersion(string Group, string Kind, string Version, YamlMappingNode Spec);

/// <summary>The spec schemas of Istio's CRD bundle, per kind and served version.</summary>
internal sealed class CrdSchemas
{
    private readonly List<CrdVersion> _versions = new();

    public CrdSchemas(string path)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            stream.Load(reader);
        }

        foreach (var document in stream.Documents)
        {
            if (Yaml.Child(document.RootNode, "spec") is not YamlMappingNode spec)
            {
                continue;
            }

            var kind = Yaml.Text(Yaml.Child(Yaml.Child(spec, "names"), "kind"));
            var group = Yaml.Text(Yaml.Child(spec, "group"));
            foreach (var version in ((YamlSequenceNode)Yaml.Child(spec, "versions")!).Children)
            {
                if (Yaml.Text(Yaml.Child(version, "served")) != "true")
                {
                    continue;
                }

                var schema = Yaml.Child(Yaml.Child(Yaml.Child(Yaml.Child(version, "schema"), "openAPIV3Schema"), "properties"), "spec");
                _versions.Add(new CrdVersion(group, kind, Yaml.Text(Yaml.Child(version, "name")), (YamlMappingNode)schema!));
            }
        }
    }

    public IReadOnlyList<CrdVersion> Versions(string kind) => _versions.Where(v => v.Kind == kind).ToList();

    /// <summary>The schema of a property of an object schema, or null.</summary>
    public static YamlMappingNode? Property(YamlNode? objectSchema, string name)
        => Yaml.Child(Yaml.Child(objectSchema, "properties"), name) as YamlMappingNode;

    /// <summary>The property names of an object schema.</summary>
    public static IEnumerable<string> PropertyNames(YamlNode? objectSchema)
        => Yaml.Child(objectSchema, "properties") is YamlMappingNode properties
            ? properties.Children.Keys.Select(Yaml.Text)
            : [];

    /// <summary>The schema of a list's items or a map's values; the schema itself otherwise.</summary>
    public static YamlNode? Element(YamlNode? schema)
        => Yaml.Child(schema, "items") ?? (Yaml.Child(schema, "additionalProperties") is YamlMappingNode values ? values : schema);

    public static string? Description(YamlNode? schema) => Yaml.Child(schema, "description") is { } d ? Yaml.Text(d) : null;
}
