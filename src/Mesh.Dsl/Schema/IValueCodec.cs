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

    /// <summary>
    /// Whether a value can hold text of the user's: strings, map keys, free-form values, and messages (which may hold
    /// them). False for numbers, booleans, durations, enums and bytes, whose text the writers make; the lone-surrogate
    /// search (<see cref="HasLoneSurrogate"/>) never visits those.
    /// </summary>
    bool CanHoldText { get; }

    /// <summary>
    /// True when a string or key of the value holds a lone UTF-16 surrogate (<see cref="LoneSurrogates"/>), or holds
    /// what the search cannot tell cheaply (validation then walks the resource to say where). Allocates nothing.
    /// </summary>
    bool HasLoneSurrogate(T value);
}
