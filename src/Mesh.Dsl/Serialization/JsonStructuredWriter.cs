using System.Text.Json;

namespace Mesh.Dsl.Serialization;

/// <summary>Writes the model as JSON through <see cref="Utf8JsonWriter"/>.</summary>
internal sealed class JsonStructuredWriter(Utf8JsonWriter writer) : StructuredWriter
{
    public override void BeginMapping() => writer.WriteStartObject();

    public override void EndMapping() => writer.WriteEndObject();

    public override void EmptyMapping()
    {
        writer.WriteStartObject();
        writer.WriteEndObject();
    }

    public override void BeginSequence() => writer.WriteStartArray();

    public override void EndSequence() => writer.WriteEndArray();

    public override void Key(string key)
    {
        YamlScalars.EnsureWritable(key);
        writer.WritePropertyName(key);
    }

    public override void String(string value)
    {
        YamlScalars.EnsureWritable(value);
        writer.WriteStringValue(value);
    }

    public override void Integer(long value) => writer.WriteNumberValue(value);

    public override void Unsigned(ulong value) => writer.WriteNumberValue(value);

    public override void Boolean(bool value) => writer.WriteBooleanValue(value);

    public override void Null() => writer.WriteNullValue();

    public override void FlowJson(string json) => writer.WriteRawValue(json, skipInputValidation: true);

    public override void Double(double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            throw new InvalidOperationException($"JSON cannot hold the number {value}.");
        }
    }
}
