using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Schema;

/// <summary>
/// A free-form value (<c>google.protobuf.Struct</c>: EnvoyFilter's <c>patch.value</c>, WasmPlugin's
/// <c>pluginConfig</c>): any mapping, kept as a JSON object with its nested mappings, lists and scalars. Plain
/// YAML scalars are typed as the Kubernetes API server types them (true/false, null, numbers); quoted ones stay strings.
/// </summary>
internal sealed class StructCodec : IValueCodec<JsonObject?>
{
    public string Expectation => "a mapping";

    public bool IsSet(JsonObject? value) => value is not null;

    public void Write(StructuredWriter writer, JsonObject? value) => WriteNode(writer, value, inSequence: false);

    public JsonObject? Read(YamlNode node, ReadContext context)
    {
        if (!node.IsMapping)
        {
            context.ExpectedButGot(node, Expectation);
            return null;
        }

        return (JsonObject)ReadNode(node, context)!;
    }

    public bool AreEqual(JsonObject? left, JsonObject? right) => JsonNode.DeepEquals(left, right);

    public bool CanHoldText => true;

    public bool HasLoneSurrogate(JsonObject? value) => NodeHasLoneSurrogate(value);

    /// <summary>
    /// True when a key or string of a free-form value (also a resource's status) holds a lone UTF-16 surrogate, or a
    /// string value is of a kind the search cannot read as a string without converting it (the writers decide those).
    /// By index, not by enumerator, so that nothing is allocated.
    /// </summary>
    internal static bool NodeHasLoneSurrogate(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject mapping:
                for (var i = 0; i < mapping.Count; i++)
                {
                    var (key, value) = mapping.GetAt(i);
                    if (LoneSurrogates.IndexOf(key) >= 0 || NodeHasLoneSurrogate(value))
                    {
                        return true;
                    }
                }

                return false;
            case JsonArray list:
                for (var i = 0; i < list.Count; i++)
                {
                    if (NodeHasLoneSurrogate(list[i]))
                    {
                        return true;
                    }
                }

                return false;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return !value.TryGetValue<string>(out var text) || LoneSurrogates.IndexOf(text) >= 0;
            default:
                return false;
        }
    }

    /// <summary>Writes any free-form value (also a resource's status, see <see cref="FreeFormValues"/>).</summary>
    internal static void WriteNode(StructuredWriter writer, JsonNode? node, bool inSequence)
    {
        switch (node)
        {
            case null:
                writer.Null();
                break;
            case JsonObject { Count: 0 }:
                writer.EmptyMapping();
                break;
            case JsonObject mapping:
                writer.BeginMapping();
                foreach (var (key, value) in mapping)
                {
                    writer.Key(key);
                    WriteNode(writer, value, inSequence: false);
                }

                writer.EndMapping();
                break;
            case JsonArray list when list.Count == 0 || inSequence:
                // Block style has no empty list and no list directly in a list item.
                writer.FlowList(list);
                break;
            case JsonArray list:
                writer.BeginSequence();
                foreach (var item in list)
                {
                    WriteNode(writer, item, inSequence: true);
                }

                writer.EndSequence();
                break;
            case JsonValue value:
                WriteScalar(writer, value);
                break;
        }
    }

    private static void WriteScalar(StructuredWriter writer, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                writer.String(value.GetValue<string>());
                break;
            case JsonValueKind.True:
                writer.Boolean(true);
                break;
            case JsonValueKind.False:
                writer.Boolean(false);
                break;
            case JsonValueKind.Number when value.TryGetValue<long>(out var integer):
                writer.Integer(integer);
                break;
            case JsonValueKind.Number when value.TryGetValue<double>(out var number):
                writer.Double(number);
                break;
            case JsonValueKind.Number:
                writer.Double(double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture));
                break;
            default:
                writer.Null();
                break;
        }
    }

    /// <summary>Reads any free-form value (also a resource's status, see <see cref="FreeFormValues"/>).</summary>
    internal static JsonNode? ReadNode(YamlNode node, ReadContext context)
    {
        if (node.IsMapping)
        {
            context.ReportDuplicateKeys(node, keysAreFields: false);
            var mapping = new JsonObject();
            foreach (var (key, value) in node.Entries)
            {
                context.PushKey(key.Value);
                mapping[key.Value] = ReadNode(value, context);
                context.Pop();
            }

            return mapping;
        }

        if (node.IsSequence)
        {
            var list = new JsonArray();
            var i = 0;
            foreach (var item in node.Items)
            {
                context.PushIndex(i++);
                list.Add(ReadNode(item, context));
                context.Pop();
            }

            return list;
        }

        if (node.IsNull)
        {
            return null;
        }

        if (!node.IsPlain || node.Tag is not null)
        {
            return JsonValue.Create(node.Value);
        }

        var text = node.Text;
        switch (text)
        {
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (text.TrimStart("+-") is ['0', >= '0' and <= '9', ..])
        {
            // YAML 1.1 (the API server's YAML) reads 010 as the octal 8, YAML 1.2 as 10: kept as written, not guessed.
            return JsonValue.Create(node.Value);
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (text is [>= '0' and <= '9' or '+' or '-' or '.', ..] && !char.IsWhiteSpace(text[^1])
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(node.Value);
    }
}
