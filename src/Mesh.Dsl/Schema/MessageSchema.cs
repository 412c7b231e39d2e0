using System.Runtime.CompilerServices;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Schema;

/// <summary>
/// The wire description of one Istio message: its fields in proto declaration order (which is the
/// order they are written in), how to create an instance, and its one-of groups. Reading, writing,
/// equality and the field-coverage test all work from this one description.
/// </summary>
internal sealed class MessageSchema<T> : IValueCodec<T?>, IMessageSchema where T : class
{
    private readonly Func<T> _create;
    private readonly List<FieldInfo<T>> _fields = new();
    private readonly Dictionary<string, FieldInfo<T>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FieldInfo<T>>.AlternateLookup<ReadOnlySpan<char>> _byKey;
    private readonly Dictionary<string, string> _aliases = new(StringComparer.Ordinal);
    private FieldInfo<T>[]? _textFields;

    public MessageSchema(string messageName, Func<T> create)
    {
        MessageName = messageName;
        _create = create;
        _byKey = _byName.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The Istio message name, e.g. "ServicePort".</summary>
    public string MessageName { get; }

    public IReadOnlyList<FieldInfo<T>> Fields => _fields;

    public string Expectation => "a mapping";

    /// <summary>Adds a field; fields are written in the order they are added.</summary>
    public MessageSchema<T> Field<TValue>(string name, Func<T, TValue> get, Action<T, TValue> set, IValueCodec<TValue> codec, string? oneOf = null)
    {
        var field = new FieldInfo<T, TValue>(name, get, set, codec, oneOf);
        _fields.Add(field);
        _byName.Add(name, field);
        return this;
    }

    public FieldInfo<T>? Find(string name) => _byName.GetValueOrDefault(name);

    public IMessageSchema? NestedSchema => this;

    bool IMessageSchema.TryFindField(string name, out IMessageSchema? nested)
    {
        var field = Find(name);
        nested = field?.NestedSchema;
        return field is not null;
    }

    public T Create() => _create();

    /// <summary>A message may hold text; whether this one's fields can is decided when a value is searched (<see cref="HasLoneSurrogate"/>).</summary>
    public bool CanHoldText => true;

    /// <summary>
    /// True when a string or key in the set fields of <paramref name="value"/> holds a lone UTF-16 surrogate. Only the
    /// fields that can hold text are visited (made once, when the first value is searched, so a nested schema is still
    /// built only when a value of it is there): a message of numbers, booleans, durations and enums alone costs a null
    /// check and an empty loop.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool HasLoneSurrogate(T? value)
    {
        if (value is null)
        {
            return false;
        }

        foreach (var field in _textFields ?? TextFields())
        {
            if (field.HasLoneSurrogate(value))
            {
                return true;
            }
        }

        return false;
    }

    private FieldInfo<T>[] TextFields()
    {
        var fields = new List<FieldInfo<T>>();
        foreach (var field in _fields)
        {
            if (field.CanHoldText)
            {
                fields.Add(field);
            }
        }

        // Two threads may both make it: the same fields either way, and a reader sees the whole array or none.
        return _textFields = fields.ToArray();
    }

    public bool IsSet(T? value) => value is not null;

    public void Write(StructuredWriter writer, T? value)
    {
        if (value is not null)
        {
            WriteMapping(writer, value);
        }
    }

    /// <summary>
    /// Writes the set fields as a mapping, or <c>{}</c> when none is set: presence of an empty message
    /// means something in Istio (<c>outlierDetection: {}</c> turns outlier detection on with defaults).
    /// One pass over the fields: the mapping begins at the first set one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteMapping(StructuredWriter writer, T value)
    {
        var empty = true;
        foreach (var field in _fields)
        {
            if (field.IsSet(value))
            {
                if (empty)
                {
                    writer.BeginMapping();
                    empty = false;
                }

                writer.FieldKey(field.Name);
                field.WriteValue(writer, value);
            }
        }

        if (empty)
        {
            writer.EmptyMapping();
        }
        else
        {
            writer.EndMapping();
        }
    }

    public T? Read(YamlNode node, ReadContext context)
    {
        if (!node.IsMapping)
        {
            context.ExpectedButGot(node, Expectation);
            return null;
        }

        var result = _create();
        ReadFields(result, node, context);
        return result;
    }

    /// <summary>Reads every key of <paramref name="mapping"/> into <paramref name="target"/>, strictly.</summary>
    public void ReadFields(T target, YamlNode mapping, ReadContext context)
    {
        context.ReportDuplicateKeys(mapping, keysAreFields: true);
        List<FieldInfo<T>>? oneOfSeen = null;
        foreach (var (key, value) in mapping.Entries)
        {
            // Looked up by the key's text: a known field's key never becomes a string.
            if (!_byKey.TryGetValue(key.Text, out var field))
            {
                context.UnknownField(key, MessageName, _byName.Keys);
                continue;
            }

            context.PushField(field.Name);
            if (field.OneOf is not null && !value.IsNull)
            {
                oneOfSeen ??= new();
                foreach (var other in oneOfSeen)
                {
                    if (other.OneOf == field.OneOf)
                    {
                        context.Error(key, $"only one of {OneOfMembers(field.OneOf)} may be set, but both \"{other.Name}\" and \"{field.Name}\" are");
                        break;
                    }
                }

                oneOfSeen.Add(field);
            }

            field.ReadInto(target, value, context);
            context.Pop();
        }
    }

    private string OneOfMembers(string group)
        => string.Join(", ", _fields.Where(f => f.OneOf == group).Select(f => f.Name));

    public bool AreEqual(T? left, T? right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left is null || right is null)
        {
            return false;
        }

        foreach (var field in _fields)
        {
            if (!field.AreEqual(left, right))
            {
                return false;
            }
        }

        return true;
    }
}
