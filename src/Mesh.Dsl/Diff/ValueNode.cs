using System.Text;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Diff;

/// <summary>
/// A resource as the canonical writer writes it, held as a tree: what <see cref="MeshDiff"/> compares.
/// Built through the model's field tables, so formatting, comments, quoting and field order of the input
/// are gone, and values are in their canonical spelling (durations, numbers, enum names).
/// </summary>
internal sealed class ValueNode
{
    private ValueNode(ValueNodeKind kind, string? scalar, bool quoted)
    {
        Kind = kind;
        Scalar = scalar;
        Quoted = quoted;
    }

    public ValueNodeKind Kind { get; }

    /// <summary>The scalar's canonical text.</summary>
    public string? Scalar { get; }

    /// <summary>Whether a string scalar needs quotes to read back as a string.</summary>
    public bool Quoted { get; }

    public List<KeyValuePair<string, ValueNode>> Entries { get; } = [];

    public List<ValueNode> Items { get; } = [];

    public static ValueNode Mapping() => new(ValueNodeKind.Mapping, null, false);

    public static ValueNode Sequence() => new(ValueNodeKind.Sequence, null, false);

    public static ValueNode String(string value) => new(ValueNodeKind.Scalar, value, YamlScalars.NeedsQuotes(value));

    public static ValueNode Plain(string value) => new(ValueNodeKind.Scalar, value, false);

    public ValueNode? Get(string key)
    {
        foreach (var (k, v) in Entries)
        {
            if (k == key)
            {
                return v;
            }
        }

        return null;
    }

    public bool SameAs(ValueNode other)
    {
        if (Kind != other.Kind)
        {
            return false;
        }

        switch (Kind)
        {
            case ValueNodeKind.Scalar:
                return Scalar == other.Scalar && Quoted == other.Quoted;
            case ValueNodeKind.Sequence:
                if (Items.Count != other.Items.Count)
                {
                    return false;
                }

                for (var i = 0; i < Items.Count; i++)
                {
                    if (!Items[i].SameAs(other.Items[i]))
                    {
                        return false;
                    }
                }

                return true;
            default:
                // Keys are unique: same count and every key found with the same value means the same map, in any order.
                return Entries.Count == other.Entries.Count
                    && Entries.TrueForAll(e => other.Get(e.Key) is { } value && e.Value.SameAs(value));
        }
    }

    /// <summary>The value in YAML flow style, as diffs show it.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        Append(text);
        return text.ToString();
    }

    private void Append(StringBuilder text)
    {
        switch (Kind)
        {
            case ValueNodeKind.Scalar:
                if (Quoted)
                {
                    using var writer = new StringWriter(text);
                    YamlScalars.WriteDoubleQuoted(writer, Scalar!);
                }
                else
                {
                    text.Append(Scalar);
                }

                break;
            case ValueNodeKind.Sequence:
                text.Append('[');
                for (var i = 0; i < Items.Count; i++)
                {
                    text.Append(i == 0 ? string.Empty : ", ");
                    Items[i].Append(text);
                }

                text.Append(']');
                break;
            default:
                text.Append('{');
                for (var i = 0; i < Entries.Count; i++)
                {
                    text.Append(i == 0 ? string.Empty : ", ");
                    text.Append(YamlScalars.NeedsQuotes(Entries[i].Key) ? $"\"{Entries[i].Key}\"" : Entries[i].Key).Append(": ");
                    Entries[i].Value.Append(text);
                }

                text.Append('}');
                break;
        }
    }
}
