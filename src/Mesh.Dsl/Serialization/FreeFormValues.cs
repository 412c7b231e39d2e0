using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mesh.Dsl.Serialization;

/// <summary>
/// Values without a schema (a resource's <c>status</c>, <c>managedFields[].fieldsV1</c>): read from YAML into
/// <see cref="JsonNode"/>s the way the Kubernetes API server reads them (plain <c>true</c>/<c>false</c> are
/// booleans, plain numbers numbers, everything else a string), and written back in the canonical style. As
/// everywhere in the output, nulls and empty lists are not written.
/// </summary>
internal static class FreeFormValues
{
    /// <summary>The node as a JSON value; null for a YAML null.</summary>
    public static JsonNode? Read(YamlNode node, ReadContext context)
    {
        if (node.IsMapping)
        {
            context.ReportDuplicateKeys(node, keysAreFields: false);
            var mapping = new JsonObject();
            foreach (var (key, value) in node.Entries)
            {
                context.PushKey(key.Value);
                mapping[key.Value] = Read(value, context);
                context.Pop();
            }

            return mapping;
        }

        if (node.IsSequence)
        {
            var sequence = new JsonArray();
            var i = 0;
            foreach (var item in node.Items)
            {
                context.PushIndex(i++);
                sequence.Add(Read(item, context));
                context.Pop();
            }

            return sequence;
        }

        return node.IsNull ? null : Scalar(node);
    }

    private static JsonValue Scalar(YamlNode node)
    {
        var text = node.Text;
        var tag = node.Tag;
        if (!node.IsPlain || tag is "!!str" or "tag:yaml.org,2002:str")
        {
            return JsonValue.Create(node.Value);
        }

        switch (text)
        {
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (text.TrimStart("+-") is ['0', >= '0' and <= '9', ..])
        {
            return JsonValue.Create(node.Value); // YAML 1.1 reads 010 as octal, YAML 1.2 and JSON do not: kept as written
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var unsigned))
        {
            return JsonValue.Create(unsigned);
        }

        if (IsJsonFloat(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real))
        {
            return JsonValue.Create(real);
        }

        // Anything else (YAML 1.1 octal, hexadecimal, .inf) is kept as the text it is: it cannot be a JSON number.
        return JsonValue.Create(node.Value);
    }

    /// <summary><c>-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?</c>: the numbers both YAML 1.2 and JSON read the same way.</summary>
    private static bool IsJsonFloat(ReadOnlySpan<char> text)
    {
        var i = text.Length > 0 && text[0] == '-' ? 1 : 0;
        var digits = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i == digits)
        {
            return false;
        }

        if (i < text.Length && text[i] == '.')
        {
            var fraction = ++i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == fraction)
            {
                return false;
            }
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            var exponent = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == exponent)
            {
                return false;
            }
        }

        return i == text.Length;
    }

    /// <summary>True when writing the value writes something: not null, not an empty list.</summary>
    public static bool IsSet(JsonNode? node) => node switch
    {
        null => false,
        JsonArray array => array.Any(IsSet),
        JsonValue value => value.GetValueKind() is not (JsonValueKind.Null or JsonValueKind.Undefined),
        _ => true,
    };

    /// <summary>Writes a value that <see cref="IsSet"/>: mappings in their order, <c>{}</c> for an empty one.</summary>
    public static void Write(StructuredWriter writer, JsonNode node)
    {
        switch (node)
        {
            case JsonObject mapping:
                if (!mapping.Any(entry => IsSet(entry.Value)))
                {
                    writer.EmptyMapping();
                    return;
                }

                writer.BeginMapping();
                foreach (var (key, value) in mapping)
                {
                    if (IsSet(value))
                    {
                        writer.Key(key);
                        Write(writer, value!);
                    }
                }

                writer.EndMapping();
                return;
            case JsonArray sequence:
                writer.BeginSequence();
                foreach (var item in sequence)
                {
                    if (IsSet(item))
                    {
                        Write(writer, item!);
                    }
                }

                writer.EndSequence();
                return;
            default:
                WriteValue(writer, node.AsValue());
                return;
        }
    }

    private static void WriteValue(StructuredWriter writer, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.True:
                writer.Boolean(true);
                break;
            case JsonValueKind.False:
                writer.Boolean(false);
                break;
            case JsonValueKind.Number:
                if (value.TryGetValue<long>(out var integer))
                {
                    writer.Integer(integer);
                }
                else if (value.TryGetValue<ulong>(out var unsigned))
                {
                    writer.Unsigned(unsigned);
                }
                else if (value.TryGetValue<JsonElement>(out var element) && element.TryGetInt64(out integer))
                {
                    writer.Integer(integer);
                }
                else
                {
                    writer.Double(value.TryGetValue<JsonElement>(out element) ? element.GetDouble() : value.GetValue<double>());
                }

                break;
            default:
                writer.String(value.TryGetValue<string>(out var text) ? text : value.ToJsonString());
                break;
        }
    }

    /// <summary>Whether two values are the same (mappings compared by their entries, in any order).</summary>
    public static bool AreEqual(JsonNode? left, JsonNode? right) => JsonNode.DeepEquals(left, right);

    /// <summary>Any value (a <see cref="JsonNode"/>, a <see cref="JsonElement"/>, an object KubernetesClient filled) as a JsonNode.</summary>
    public static JsonNode? From(object? value) => value switch
    {
        null => null,
        JsonNode node => node,
        JsonElement element => JsonNode.Parse(element.GetRawText()),
        _ => JsonNode.Parse(k8s.KubernetesJson.Serialize(value)),
    };
}
