using YamlDotNet.RepresentationModel;

namespace Mesh.Dsl.Generator.Model;

/// <summary>One field of a proto message as proto-fields.yaml lists it.</summary>
internal sealed record ProtoField(string Name, string ProtoName, int Number, string Type, bool Repeated, string? OneOf, bool Deprecated);

/// <summary>A message (with fields) or an enum (with values) of istio/api, by its full proto name.</summary>
internal sealed record ProtoType(string FullName, IReadOnlyList<ProtoField>? Fields, IReadOnlyList<string>? Values)
{
    public bool IsEnum => Values is not null;

    public string ShortName => FullName[(FullName.LastIndexOf('.') + 1)..];
}

/// <summary>
/// The messages and enums of proto-fields.yaml (declaration order, field order, oneofs, deprecations), with
/// proto's scoping rules to resolve a field's type name.
/// </summary>
internal sealed class ProtoTypes
{
    private readonly Dictionary<string, ProtoType> _types = new(StringComparer.Ordinal);

    public ProtoTypes(string path)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            stream.Load(reader);
        }

        var types = (YamlMappingNode)Yaml.Child(stream.Documents[0].RootNode, "types")!;
        foreach (var (key, value) in types.Children)
        {
            var name = Yaml.Text(key);
            List<ProtoField>? fields = null;
            List<string>? values = null;
            if (Yaml.Child(value, "fields") is YamlSequenceNode fieldNodes)
            {
                fields = fieldNodes.Children.Select(f => new ProtoField(
                    Yaml.Text(Yaml.Child(f, "name")),
                    Yaml.Text(Yaml.Child(f, "proto")),
                    int.Parse(Yaml.Text(Yaml.Child(f, "number")), System.Globalization.CultureInfo.InvariantCulture),
                    Yaml.Text(Yaml.Child(f, "type")),
                    Yaml.Text(Yaml.Child(f, "repeated")) == "true",
                    Yaml.Child(f, "oneof") is { } oneOf ? Yaml.Text(oneOf) : null,
                    Yaml.Text(Yaml.Child(f, "deprecated")) == "true")).ToList();
            }
            else if (Yaml.Child(value, "values") is YamlSequenceNode valueNodes)
            {
                values = valueNodes.Children.Select(Yaml.Text).ToList();
            }
            else
            {
                fields = [];
            }

            _types.Add(name, new ProtoType(name, fields, values));
        }
    }

    public ProtoType Get(string fullName)
        => _types.TryGetValue(fullName, out var type) ? type : throw new InvalidOperationException($"proto-fields.yaml has no type {fullName}");

    /// <summary>Resolves a type name used inside <paramref name="scope"/> as protoc does: innermost scope first; null for scalars and well-known types.</summary>
    public ProtoType? Resolve(string scope, string typeName)
    {
        if (_types.TryGetValue(typeName, out var exact))
        {
            return exact;
        }

        for (var prefix = scope; prefix.Length > 0; prefix = prefix.Contains('.') ? prefix[..prefix.LastIndexOf('.')] : string.Empty)
        {
            if (_types.TryGetValue(prefix + "." + typeName, out var found))
            {
                return found;
            }
        }

        return null;
    }
}
