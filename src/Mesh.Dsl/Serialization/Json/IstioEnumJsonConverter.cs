using System.Text.Json;
using System.Text.Json.Serialization;
using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Serialization.Json;

/// <summary>
/// Writes and reads an Istio enum as Istio spells it (<c>MESH_EXTERNAL</c>, <c>TLSV1_2</c>), from the codec's name
/// table. The model puts it on each enum property: a property's converter wins over the
/// <c>JsonStringEnumConverter</c> that KubernetesClient adds to its options, where a converter on the enum type would not.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
internal sealed class IstioEnumJsonConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"expected {Codecs.EnumExpectation<TEnum>()}, got a JSON {reader.TokenType}");
        }

        var text = reader.GetString()!;
        return Codecs.TryParseEnum<TEnum>(text, out var value)
            ? value
            : throw new JsonException($"expected {Codecs.EnumExpectation<TEnum>()}, got \"{text}\"");
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
        => writer.WriteStringValue(Codecs.EnumName(value));
}
