namespace Mesh.Dsl.Serialization;

/// <summary>
/// The few operations the model needs to write itself: mappings, sequences, keys and scalars.
/// One implementation writes canonical block YAML, the other JSON.
/// </summary>
internal abstract class StructuredWriter
{
    public abstract void BeginMapping();

    public abstract void EndMapping();

    /// <summary>Writes <c>{}</c>: a message that is present but has no field set.</summary>
    public abstract void EmptyMapping();

    public abstract void BeginSequence();

    public abstract void EndSequence();

    public abstract void Key(string key);

    /// <summary>
    /// Writes a key that is a field name of the model (<c>apiVersion</c>, <c>hosts</c>, <c>mirror_percent</c>):
    /// an identifier that no YAML reader mistakes for anything but a string, so YAML writes it without
    /// the checks <see cref="Key"/> makes.
    /// </summary>
    public virtual void FieldKey(string name) => Key(name);

    /// <summary>
    /// Writes a key that is a number (PeerAuthentication's portLevelMtls ports). YAML writes it
    /// plain, as Istio's docs do (<c>9080:</c>); JSON, whose keys are strings, as <c>"9080"</c>.
    /// </summary>
    public virtual void NumberKey(ulong key) => Key(key.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public abstract void String(string value);

    /// <summary>Writes an Istio duration (<c>5s</c>, <c>1m30s</c>) as a string.</summary>
    public virtual void Duration(TimeSpan value) => String(Durations.Format(value));

    public abstract void Integer(long value);

    public abstract void Unsigned(ulong value);

    public abstract void Boolean(bool value);

    public abstract void Double(double value);

    /// <summary>An explicit null, which only free-form values (google.protobuf.Struct) hold.</summary>
    public abstract void Null();

    /// <summary>
    /// A whole value given as compact JSON, written in flow style in YAML (JSON is YAML): what the block style
    /// cannot write, a list directly inside a list or an empty list, in free-form values.
    /// </summary>
    public abstract void FlowJson(string json);

    /// <summary>
    /// A free-form list written in flow style (<see cref="FlowJson"/>): an empty one, or one directly inside a list. Its
    /// strings are checked first, as <see cref="String"/> checks a string, since the JSON text would hide a lone surrogate.
    /// </summary>
    public virtual void FlowList(System.Text.Json.Nodes.JsonArray list)
    {
        if (LoneSurrogates.Find(list) is { } found)
        {
            throw LoneSurrogates.CannotWrite(found.Text, found.Index);
        }

        FlowJson(list.ToJsonString());
    }
}
