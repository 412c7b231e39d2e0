using YamlDotNet.RepresentationModel;
using YamlNode = YamlDotNet.RepresentationModel.YamlNode;

namespace Mesh.Dsl.Scenarios;

/// <summary>One legacy resource as read: its identity, metadata and spec node.</summary>
internal sealed record LegacyDocument(
    string Kind,
    string Name,
    string? Namespace,
    IReadOnlyList<KeyValuePair<string, string>> Labels,
    IReadOnlyList<KeyValuePair<string, string>> Annotations,
    YamlMappingNode Spec,
    YamlNode Node)
{
    /// <summary>"RouteRule default/details-v2", for warnings.</summary>
    public string Display => Namespace is null ? $"{Kind} {Name}" : $"{Kind} {Namespace}/{Name}";
}
