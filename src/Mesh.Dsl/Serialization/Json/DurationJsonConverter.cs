using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mesh.Dsl.Serialization.Json;

/// <summary>
/// Writes and reads a duration as Istio writes it (<c>5s</c>, <c>250ms</c>, <c>1m30s</c>), not as the ISO 8601
/// <c>PT5S</c> of KubernetesClient's TimeSpan converter, which the API server rejects for Istio's fields.
/// </summary>
internal sealed class DurationJsonConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && Durations.TryParse(reader.GetString()!, out var value))
        {
            return value;
        }

        throw new JsonException("expected a duration such as \"5s\", \"100ms\" or \"1m30s\"");
    }

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options)
        => writer.WriteStringValue(Durations.Format(value));
}
