using YamlDotNet.RepresentationModel;

namespace Mesh.Dsl.Generator.Model;

/// <summary>Small helpers over YamlDotNet's representation model.</summary>
internal static class Yaml
{
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
