using System.Text.Json;
using System.Text.Json.Nodes;
using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Serialization;

/// <summary>
/// Values without a schema outside a spec (a resource's <c>status</c>, <c>managedFields[].fieldsV1</c>, a Kubernetes
/// object on its way to KubernetesClient): read and written as the spec's free-form fields are
/// (<see cref="StructCodec"/>), as <see cref="JsonNode"/>s typed the way the Kubernetes API server types YAML.
/// </summary>
internal static class FreeFormValues
{
    /// <summary>The node as a JSON value; null for a YAML null.</summary>
    public static JsonNode? Read(YamlNode node, ReadContext context) => StructCodec.ReadNode(node, context);

    /// <summary>True when there is a value to write.</summary>
    public static bool IsSet(JsonNode? node) => node is not null;

    /// <summary>Writes a value: mappings in their order, <c>{}</c> and <c>[]</c> for empty ones.</summary>
    public static void Write(StructuredWriter writer, JsonNode node) => StructCodec.WriteNode(writer, node, inSequence: false);

    /// <summary>Whether two values are the same (mappings compared by their entries, in any order).</summary>
    public static bool AreEqual(JsonNode? left, JsonNode? right) => JsonNode.DeepEquals(left, right);

    /// <summary>Any value (a <see cref="JsonNode"/>, a <see cref="JsonElement"/>, an object KubernetesClient filled) as a JsonNode.</summary>
    public static JsonNode? From(object? value) => value switch
    {
        null => null,
        JsonNode node => node,
        JsonElement element => JsonNode.Parse(element.GetRawText()),
        _ when KubernetesJsonSwitch.IsSupported => JsonNode.Parse(k8s.KubernetesJson.Serialize(value)),
        _ => throw new NotSupportedException(KubernetesJsonSwitch.Unsupported($"a free-form value of type {value.GetType()}")),
    };
}
