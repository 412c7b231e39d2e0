using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Schema;

/// <summary>
/// Reads, writes and compares one kind of value of the Istio model. Codecs are built once per type
/// and shared; nothing in them reflects per value, so they are the hot path of reading and writing.
/// </summary>
internal interface IValueCodec<T>
{
    /// <summary>True when the value is worth writing: not null, not an empty list or map.</summary>
    bool IsSet(T value);

    void Write(StructuredWriter writer, T value);

    /// <summary>Reads a value; on bad input records an error in <paramref name="context"/> and returns default.</summary>
    T Read(YamlNode node, ReadContext context);

    bool AreEqual(T left, T right);

    /// <summary>A short description of what the codec expects, used in error messages ("an integer").</summary>
    string Expectation { get; }

    /// <summary>The schema of the message the value is, or holds as list items or map values; null for scalars.</summary>
    IMessageSchema? NestedSchema => null;
}
