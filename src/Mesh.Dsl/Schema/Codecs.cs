using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Mesh.Dsl.Model;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Schema;

/// <summary>The codecs of the scalar and collection types the Istio model uses.</summary>
internal static class Codecs
{
    public static readonly IValueCodec<string?> String = new StringCodec();
    public static readonly IValueCodec<bool?> Bool = new BoolCodec();
    public static readonly IValueCodec<int?> Int32 = new IntegerCodec<int>(int.MinValue, int.MaxValue, v => v, v => (int)v);
    public static readonly IValueCodec<uint?> UInt32 = new IntegerCodec<uint>(0, uint.MaxValue, v => v, v => (uint)v);
    public static readonly IValueCodec<long?> Int64 = new IntegerCodec<long>(long.MinValue, long.MaxValue, v => v, v => (long)v);
    public static readonly IValueCodec<double?> Double = new DoubleCodec();
    public static readonly IValueCodec<TimeSpan?> Duration = new DurationCodec();
    public static readonly IValueCodec<byte[]?> Bytes = new BytesCodec();
    public static readonly IValueCodec<System.Text.Json.Nodes.JsonObject?> Struct = new StructCodec();
    public static readonly IValueCodec<IReadOnlyList<string>> StringList = new ListCodec<string>(NotNull(String));
    public static readonly IValueCodec<OrderedDictionary<string, string>> StringMap = new MapCodec<string, string>(NotNull(String), k => (true, k), k => k, "a string");

    public static IValueCodec<TEnum?> Enum<TEnum>() where TEnum : struct, Enum => EnumCodec<TEnum>.Instance;

    /// <summary>The Istio spelling of an enum value (<c>TLSV1_2</c>), from the same table the enum codec reads and writes with.</summary>
    public static string EnumName<TEnum>(TEnum value) where TEnum : struct, Enum
        => EnumCodec<TEnum>.Instance.TryName(value, out var name) ? name : throw new InvalidOperationException($"{value} is not a defined {typeof(TEnum).Name} value.");

    /// <summary>The enum value Istio spells <paramref name="text"/>, if there is one.</summary>
    public static bool TryParseEnum<TEnum>(ReadOnlySpan<char> text, out TEnum value) where TEnum : struct, Enum
        => EnumCodec<TEnum>.Instance.TryParse(text, out value);

    /// <summary>"one of A, B, C": the Istio spellings of an enum's values, for messages.</summary>
    public static string EnumExpectation<TEnum>() where TEnum : struct, Enum => EnumCodec<TEnum>.Instance.Expectation;

    /// <summary>The name the writer writes for a defined enum value (<c>TLSV1_2</c>), from the codec's own table; null for an undefined value.</summary>
    public static string? TryEnumName<TEnum>(TEnum value) where TEnum : struct, Enum
        => EnumCodec<TEnum>.Instance.Names.ByValue.GetValueOrDefault(Unsafe.BitCast<TEnum, int>(value));

    /// <summary>Every name the reader accepts for an enum, in declaration order.</summary>
    public static IReadOnlyCollection<string> EnumNamesOf<TEnum>() where TEnum : struct, Enum => EnumCodec<TEnum>.Instance.Names.ByName.Keys;

    /// <summary>
    /// A message field. Its schema is fetched on first use rather than when the parent's schema is
    /// built, so writing a VirtualService does not build the schemas (and compile the code) of the
    /// CORS policies, faults, redirects, ... it does not hold.
    /// </summary>
    public static IValueCodec<T?> Message<T>(Func<MessageSchema<T>> schema) where T : class => new MessageCodec<T>(schema);

    /// <summary>A list of messages.</summary>
    public static IValueCodec<IReadOnlyList<T>> MessageList<T>(Func<MessageSchema<T>> item) where T : class => new ListCodec<T>(NotNull(Message(item)));

    /// <summary>A list of numbers, enums or other value types.</summary>
    public static IValueCodec<IReadOnlyList<T>> ValueList<T>(IValueCodec<T?> item) where T : struct => new ListCodec<T>(new RequiredCodec<T>(item));

    /// <summary>A map from strings to messages (headers, query parameters), in written order.</summary>
    public static IValueCodec<OrderedDictionary<string, T>> MessageMap<T>(Func<MessageSchema<T>> value) where T : class
        => new MapCodec<string, T>(NotNull(Message(value)), k => (true, k), k => k, "a string");

    /// <summary>A map from strings to numbers or other value types, in written order.</summary>
    public static IValueCodec<OrderedDictionary<string, T>> ValueMap<T>(IValueCodec<T?> value) where T : struct
        => new MapCodec<string, T>(new RequiredCodec<T>(value), k => (true, k), k => k, "a string");

    /// <summary>A map from port numbers to messages (PeerAuthentication's portLevelMtls).</summary>
    public static IValueCodec<OrderedDictionary<uint, T>> MessagePortMap<T>(Func<MessageSchema<T>> value) where T : class
        => new MapCodec<uint, T>(
            NotNull(Message(value)),
            k => uint.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535 ? (true, port) : (false, 0u),
            k => k.ToString(CultureInfo.InvariantCulture),
            "a port number from 1 to 65535",
            k => k);

    // Nullable reference annotations are erased at run time: a codec of T? is a codec of T.
    private static IValueCodec<T> NotNull<T>(IValueCodec<T?> codec) where T : class => (IValueCodec<T>)codec;

    /// <summary>Adapts a codec of <c>T?</c> to the non-nullable elements of lists and maps.</summary>
    private sealed class RequiredCodec<T>(IValueCodec<T?> inner) : IValueCodec<T> where T : struct
    {
        public string Expectation => inner.Expectation;

        public bool IsSet(T value) => true;

        public void Write(StructuredWriter writer, T value) => inner.Write(writer, value);

        public T Read(YamlNode node, ReadContext context) => inner.Read(node, context) ?? default;

        public bool AreEqual(T left, T right) => inner.AreEqual(left, right);

        public bool CanHoldText => inner.CanHoldText;

        public bool HasLoneSurrogate(T value) => inner.HasLoneSurrogate(value);
    }

    /// <summary>A message field, written, read and compared by its schema, which is fetched on first use.</summary>
    private sealed class MessageCodec<T>(Func<MessageSchema<T>> schema) : IValueCodec<T?> where T : class
    {
        private MessageSchema<T> Schema => field ??= schema();

        public string Expectation => Schema.Expectation;

        public IMessageSchema? NestedSchema => Schema;

        // Presence is all IsSet needs: a parent's fields are all checked when it is written, set or not.
        public bool IsSet(T? value) => value is not null;

        public void Write(StructuredWriter writer, T? value) => Schema.Write(writer, value);

        public T? Read(YamlNode node, ReadContext context) => Schema.Read(node, context);

        public bool AreEqual(T? left, T? right) => Schema.AreEqual(left, right);

        // Whether the message's fields can hold text is its schema's to say, which is fetched only when a value is there.
        public bool CanHoldText => true;

        public bool HasLoneSurrogate(T? value) => value is not null && Schema.HasLoneSurrogate(value);
    }

    /// <summary>True for a scalar; otherwise reports what was expected.</summary>
    private static bool IsScalar(YamlNode node, ReadContext context, string expectation)
    {
        if (node.IsScalar)
        {
            return true;
        }

        context.ExpectedButGot(node, expectation);
        return false;
    }

    /// <summary>
    /// True when a scalar is of the YAML type <paramref name="tag"/> names: plain and untagged (its text then says
    /// what it is), or given that tag explicitly, quoted or not (<c>!!int "80"</c> is 80 to Kubernetes' reader too).
    /// A scalar tagged <c>!!str</c> is a string, whatever its text.
    /// </summary>
    private static bool IsOfType(YamlNode node, string tag) => node.Tag is { } given ? given == tag : node.IsPlain;

    private sealed class StringCodec : IValueCodec<string?>
    {
        public string Expectation => "a string";

        public bool IsSet(string? value) => value is not null;

        public void Write(StructuredWriter writer, string? value) => writer.String(value!);

        public string? Read(YamlNode node, ReadContext context)
        {
            if (!IsScalar(node, context, Expectation))
            {
                return null;
            }

            if (node.IsPlain && node.Tag is null && YamlScalars.ReadsAsNonString(node.Text))
            {
                // The Kubernetes API server reads this as a number or boolean and rejects it.
                var value = node.Value;
                context.Error(node, $"expected a string, got {value} (quote it: \"{value}\")");
                return null;
            }

            if (node.Tag is "!!int" or "!!float" or "!!bool")
            {
                context.Error(node, $"expected a string, got {node.Tag} {ReadContext.Quote(node.Value)} (the tag makes it {(node.Tag == "!!int" ? "an integer" : node.Tag == "!!bool" ? "a boolean" : "a number")}; remove the tag)");
                return null;
            }

            return node.Value;
        }

        public bool AreEqual(string? left, string? right) => string.Equals(left, right, StringComparison.Ordinal);

        public bool CanHoldText => true;

        public bool HasLoneSurrogate(string? value) => value is not null && LoneSurrogates.IndexOf(value) >= 0;
    }

    private sealed class BoolCodec : IValueCodec<bool?>
    {
        public string Expectation => "true or false";

        public bool IsSet(bool? value) => value.HasValue;

        public void Write(StructuredWriter writer, bool? value) => writer.Boolean(value!.Value);

        public bool? Read(YamlNode node, ReadContext context)
        {
            if (!IsScalar(node, context, Expectation))
            {
                return null;
            }

            if (IsOfType(node, "!!bool"))
            {
                switch (node.Text)
                {
                    case "true" or "True" or "TRUE":
                        return true;
                    case "false" or "False" or "FALSE":
                        return false;
                }
            }

            context.ExpectedButGot(node, Expectation);
            return null;
        }

        public bool AreEqual(bool? left, bool? right) => left == right;

        public bool CanHoldText => false;

        public bool HasLoneSurrogate(bool? value) => false;
    }

    private sealed class IntegerCodec<T>(long min, ulong max, Func<T, long> toLong, Func<long, T> fromLong) : IValueCodec<T?>
        where T : struct
    {
        public string Expectation => "an integer";

        public bool IsSet(T? value) => value.HasValue;

        public void Write(StructuredWriter writer, T? value) => writer.Integer(toLong(value!.Value));

        public T? Read(YamlNode node, ReadContext context)
        {
            if (!IsScalar(node, context, Expectation))
            {
                return null;
            }

            var text = node.Text;
            if (!IsOfType(node, "!!int") || !long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                context.ExpectedButGot(node, Expectation);
                return null;
            }

            if (text.TrimStart("+-") is ['0', _, ..])
            {
                // YAML 1.1 readers, Kubernetes' among them, read 010 as the octal 8.
                context.Error(node, $"expected an integer without leading zeros, got {node.Value} (YAML 1.1 reads it as octal)");
                return null;
            }

            if (number < min || (number > 0 && (ulong)number > max))
            {
                context.Error(node, $"expected an integer from {min} to {max}, got {node.Value}");
                return null;
            }

            return fromLong(number);
        }

        public bool AreEqual(T? left, T? right) => Nullable.Equals(left, right);

        public bool CanHoldText => false;

        public bool HasLoneSurrogate(T? value) => false;
    }

    private sealed class DoubleCodec : IValueCodec<double?>
    {
        public string Expectation => "a number";

        public bool IsSet(double? value) => value.HasValue;

        public void Write(StructuredWriter writer, double? value) => writer.Double(value!.Value);

        public double? Read(YamlNode node, ReadContext context)
        {
            if (!IsScalar(node, context, Expectation))
            {
                return null;
            }

            if (IsOfType(node, "!!float") || node.Tag == "!!int")
            {
                var text = node.Text;
                switch (text)
                {
                    case ".inf" or ".Inf" or ".INF" or "+.inf":
                        return double.PositiveInfinity;
                    case "-.inf" or "-.Inf" or "-.INF":
                        return double.NegativeInfinity;
                    case ".nan" or ".NaN" or ".NAN":
                        return double.NaN;
                }

                // NumberStyles.Float alone would also take "NaN", "Infinity" and surrounding blanks, which YAML does not.
                if (text is [>= '0' and <= '9' or '+' or '-' or '.', ..] && !char.IsWhiteSpace(text[^1])
                    && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
                {
                    return number;
                }
            }

            context.ExpectedButGot(node, Expectation);
            return null;
        }

        public bool AreEqual(double? left, double? right) => Nullable.Equals(left, right);

        public bool CanHoldText => false;

        public bool HasLoneSurrogate(double? value) => false;
    }

    private sealed class DurationCodec : IValueCodec<TimeSpan?>
    {
        public string Expectation => "a duration such as \"5s\", \"100ms\" or \"1m30s\"";

        public bool IsSet(TimeSpan? value) => value.HasValue;

        public void Write(StructuredWriter writer, TimeSpan? value) => writer.Duration(value!.Value);

        public TimeSpan? Read(YamlNode node, ReadContext context)
        {
            if (!IsScalar(node, context, Expectation))
            {
                return null;
            }

            if (Durations.TryParse(node.Text, out var duration))
            {
                return duration;
            }

            context.ExpectedButGot(node, Expectation);
            return null;
        }

        public bool AreEqual(TimeSpan? left, TimeSpan? right) => left == right;

        // Written as the writers format it (5s, 1m30s), never as text of the user's.
        public bool CanHoldText => false;

        public bool HasLoneSurrogate(TimeSpan? value) => false;
    }

    private sealed class BytesCodec : IValueCodec<byte[]?>
    {
        public string Expectation => "base64-encoded bytes";

        public bool IsSet(byte[]? value) => value is not null;

        public void Write(StructuredWriter writer, byte[]? value) => writer.String(Convert.ToBase64String(value!));

        public byte[]? Read(YamlNode node, ReadContext context)
        {
            if (!IsScalar(node, context, Expectation))
            {
                return null;
            }

            var text = node.Text;
            var buffer = new byte[text.Length];
            if (Convert.TryFromBase64Chars(text, buffer, out var written))
            {
                return buffer[..written];
            }

            context.ExpectedButGot(node, Expectation);
            return null;
        }

        public bool AreEqual(byte[]? left, byte[]? right)
            => left is null ? right is null : right is not null && left.AsSpan().SequenceEqual(right);

        // Written as base64.
        public bool CanHoldText => false;

        public bool HasLoneSurrogate(byte[]? value) => false;
    }

    private sealed class EnumCodec<TEnum> : IValueCodec<TEnum?> where TEnum : struct, Enum
    {
        public static readonly EnumCodec<TEnum> Instance = new();

        // Made when a value is first written or read, by code shared by all enums: an enum field that
        // is never set costs no reflection, and no enum type has the reflection compiled for it alone.
        public EnumNames Names => field ??= new EnumNames(typeof(TEnum));

        public string Expectation => Names.Expectation;

        public static string NameOf(TEnum value) => Instance.Names.ByValue[Unsafe.BitCast<TEnum, int>(value)];

        public bool TryName(TEnum value, [NotNullWhen(true)] out string? name) => Names.ByValue.TryGetValue(Unsafe.BitCast<TEnum, int>(value), out name);

        public bool TryParse(ReadOnlySpan<char> text, out TEnum value)
        {
            if (Names.ByText.TryGetValue(text, out var number))
            {
                value = Unsafe.BitCast<int, TEnum>(number);
                return true;
            }

            value = default;
            return false;
        }

        public bool IsSet(TEnum? value) => value.HasValue;

        public void Write(StructuredWriter writer, TEnum? value)
        {
            if (!Names.ByValue.TryGetValue(Unsafe.BitCast<TEnum, int>(value!.Value), out var name))
            {
                throw new InvalidOperationException($"{value.Value} is not a defined {typeof(TEnum).Name} value.");
            }

            writer.String(name);
        }

        public TEnum? Read(YamlNode node, ReadContext context)
        {
            if (!IsScalar(node, context, Expectation))
            {
                return null;
            }

            if (Names.ByText.TryGetValue(node.Text, out var value))
            {
                return Unsafe.BitCast<int, TEnum>(value);
            }

            context.Error(node, $"expected {Expectation}, got {ReadContext.Describe(node)}{ReadContext.DidYouMean(node.Value, Names.ByName.Keys)}");
            return null;
        }

        public bool AreEqual(TEnum? left, TEnum? right) => Nullable.Equals(left, right);

        // Written as its name from the enum's own table (an undefined value is the writer's to refuse).
        public bool CanHoldText => false;

        public bool HasLoneSurrogate(TEnum? value) => false;
    }

    /// <summary>The Istio names of an int-based enum's values, both ways.</summary>
    private sealed class EnumNames
    {
        // The annotation keeps NativeAOT publishes (the scale sample's measured configuration) able to
        // see that the enum's fields are read by reflection.
        public EnumNames([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] Type enumType)
        {
            if (System.Enum.GetUnderlyingType(enumType) != typeof(int))
            {
                throw new NotSupportedException($"{enumType.Name}: enum codecs support int-based enums only.");
            }

            // Reflection runs once per enum type, when the codec is first used; never per value.
            foreach (var field in enumType.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                var value = (int)field.GetValue(null)!;
                var name = field.GetCustomAttribute<IstioNameAttribute>()?.Name ?? ToUpperSnake(field.Name);
                ByValue[value] = name;
                ByName[name] = value;
            }

            Expectation = "one of " + string.Join(", ", ByName.Keys);
            ByText = ByName.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        // Keyed by the int value, not the enum: Dictionary<int, string> and Dictionary<string, int> are
        // compiled once (and precompiled in the framework), where a dictionary per enum type costs the
        // JIT about 15 methods per enum at start-up.
        public Dictionary<int, string> ByValue { get; } = new();

        public Dictionary<string, int> ByName { get; } = new(StringComparer.Ordinal);

        /// <summary><see cref="ByName"/> looked up by a scalar's text, which then needs no string.</summary>
        public Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> ByText { get; }

        public string Expectation { get; }

        private static string ToUpperSnake(string name)
        {
            var builder = new StringBuilder(name.Length + 4);
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                if (i > 0 && char.IsUpper(c) && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToUpperInvariant(c));
            }

            return builder.ToString();
        }
    }

    /// <summary>
    /// A repeated field. Read as a <see cref="OneItem{T}"/> when it has one item and as an exact-size
    /// <see cref="List{T}"/> otherwise (see <see cref="ListStorage"/>); written and compared by index, so the loops
    /// allocate nothing whichever it is.
    /// </summary>
    private sealed class ListCodec<T>(IValueCodec<T> item) : IValueCodec<IReadOnlyList<T>>
    {
        public string Expectation => "a list";

        public bool CanHoldText => item.CanHoldText;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool HasLoneSurrogate(IReadOnlyList<T> value)
        {
            if (value is null || !item.CanHoldText)
            {
                return false;
            }

            for (var i = 0; i < value.Count; i++)
            {
                // A null item is the writer's to refuse; the items after it are searched all the same.
                var element = value[i];
                if (element is not null && item.HasLoneSurrogate(element))
                {
                    return true;
                }
            }

            return false;
        }

        public IMessageSchema? NestedSchema => item.NestedSchema;

        public bool IsSet(IReadOnlyList<T> value) => value is { Count: > 0 };

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Write(StructuredWriter writer, IReadOnlyList<T> value)
        {
            writer.BeginSequence();
            if (value is List<T> list)
            {
                // A program's list (the common case of a built mesh): a span, without an interface call per item.
                foreach (var element in CollectionsMarshal.AsSpan(list))
                {
                    WriteItem(writer, element);
                }
            }
            else
            {
                for (var i = 0; i < value.Count; i++)
                {
                    WriteItem(writer, value[i]);
                }
            }

            writer.EndSequence();
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void WriteItem(StructuredWriter writer, T element)
        {
            if (element is null)
            {
                throw new InvalidOperationException("A list in the model holds null; remove it or set a value.");
            }

            item.Write(writer, element);
        }

        public IReadOnlyList<T> Read(YamlNode node, ReadContext context)
        {
            if (!node.IsSequence)
            {
                context.ExpectedButGot(node, Expectation);
                return new List<T>();
            }

            if (node.Count == 1)
            {
                foreach (var element in node.Items)
                {
                    return TryReadItem(element, 0, context, out var only) ? new OneItem<T>(only) : new List<T>();
                }
            }

            var result = new List<T>(node.Count);
            var i = 0;
            foreach (var element in node.Items)
            {
                if (TryReadItem(element, i++, context, out var value))
                {
                    result.Add(value);
                }
            }

            return result.Count == 1 ? new OneItem<T>(result[0]) : result;
        }

        private bool TryReadItem(YamlNode element, int index, ReadContext context, out T value)
        {
            context.PushIndex(index);
            value = default!;
            var ok = false;
            if (element.IsNull)
            {
                context.Error(element, $"expected {item.Expectation}, got null");
            }
            else
            {
                var errors = context.ErrorCount;
                var read = item.Read(element, context);
                if (read is not null && context.ErrorCount == errors)
                {
                    value = read;
                    ok = true;
                }
            }

            context.Pop();
            return ok;
        }

        public bool AreEqual(IReadOnlyList<T> left, IReadOnlyList<T> right)
        {
            var leftCount = left?.Count ?? 0;
            if (leftCount != (right?.Count ?? 0))
            {
                return false;
            }

            for (var i = 0; i < leftCount; i++)
            {
                if (!item.AreEqual(left![i], right![i]))
                {
                    return false;
                }
            }

            return true;
        }
    }

    private sealed class MapCodec<TKey, T>(IValueCodec<T> item, Func<string, (bool Ok, TKey Key)> parseKey, Func<TKey, string> formatKey, string keyExpectation, Func<TKey, ulong>? numberKey = null)
        : IValueCodec<OrderedDictionary<TKey, T>>
        where TKey : notnull
    {
        public IMessageSchema? NestedSchema => item.NestedSchema;

        public string Expectation => "a mapping";

        public bool IsSet(OrderedDictionary<TKey, T> value) => value is { Count: > 0 };

        // String keys are text of the user's; port numbers are not.
        public bool CanHoldText => typeof(TKey) == typeof(string) || item.CanHoldText;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool HasLoneSurrogate(OrderedDictionary<TKey, T> value)
        {
            if (value is null)
            {
                return false;
            }

            var values = item.CanHoldText;
            foreach (var (key, element) in value)
            {
                // The type test is a constant for each instantiation: port keys are never boxed or looked at.
                if (typeof(TKey) == typeof(string) && LoneSurrogates.IndexOf((string)(object)key) >= 0)
                {
                    return true;
                }

                if (values && element is not null && item.HasLoneSurrogate(element))
                {
                    return true;
                }
            }

            return false;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Write(StructuredWriter writer, OrderedDictionary<TKey, T> value)
        {
            writer.BeginMapping();
            foreach (var (key, element) in value)
            {
                if (numberKey is null)
                {
                    writer.Key(formatKey(key));
                }
                else
                {
                    writer.NumberKey(numberKey(key));
                }

                if (element is null)
                {
                    throw new InvalidOperationException($"The map entry \"{formatKey(key)}\" holds null; remove it or set a value.");
                }

                item.Write(writer, element);
            }

            writer.EndMapping();
        }

        public OrderedDictionary<TKey, T> Read(YamlNode node, ReadContext context)
        {
            var result = new OrderedDictionary<TKey, T>();
            if (!node.IsMapping)
            {
                context.ExpectedButGot(node, Expectation);
                return result;
            }

            context.ReportDuplicateKeys(node, keysAreFields: false);
            foreach (var (keyNode, valueNode) in node.Entries)
            {
                var keyText = keyNode.Value;
                context.PushKey(keyText);
                var (ok, key) = parseKey(keyText);
                if (!ok)
                {
                    context.Error(keyNode, $"expected {keyExpectation} as key, got \"{keyText}\"");
                }
                else if (valueNode.IsNull)
                {
                    context.Error(valueNode, $"expected {item.Expectation}, got null");
                }
                else
                {
                    var errors = context.ErrorCount;
                    var value = item.Read(valueNode, context);
                    if (value is not null && context.ErrorCount == errors && !result.TryAdd(key, value))
                    {
                        context.Error(keyNode, $"duplicate key \"{keyText}\"");
                    }
                }

                context.Pop();
            }

            return result;
        }

        public bool AreEqual(OrderedDictionary<TKey, T> left, OrderedDictionary<TKey, T> right)
        {
            var leftCount = left?.Count ?? 0;
            if (leftCount != (right?.Count ?? 0))
            {
                return false;
            }

            if (leftCount == 0)
            {
                return true;
            }

            // Key order is kept for output, but two maps with the same entries are the same value.
            foreach (var (key, value) in left!)
            {
                if (!right!.TryGetValue(key, out var other) || !item.AreEqual(value, other))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
