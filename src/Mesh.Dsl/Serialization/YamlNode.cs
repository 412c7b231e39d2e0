namespace Mesh.Dsl.Serialization;

/// <summary>A position in a source text: 1-based line and column.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{Line}:{Column}";
}

/// <summary>A node of a parsed YAML (or JSON) document, with the position it starts at.</summary>
internal abstract class YamlNode
{
    protected YamlNode(SourcePosition position) => Position = position;

    public SourcePosition Position { get; }

    /// <summary>How many nodes the value spans once aliases are expanded (saturates at long.MaxValue).</summary>
    public long ExpandedSize { get; protected set; } = 1;
}

/// <summary>A scalar; <see cref="IsPlain"/> tells whether it was written without quotes.</summary>
internal sealed class YamlScalar : YamlNode
{
    public YamlScalar(string value, bool isPlain, string? tag, SourcePosition position) : base(position)
    {
        Value = value;
        IsPlain = isPlain;
        Tag = tag;
    }

    public string Value { get; }

    public bool IsPlain { get; }

    public string? Tag { get; }

    /// <summary>A plain <c>null</c>, <c>~</c> or empty value, or one tagged <c>!!null</c>.</summary>
    public bool IsNull => Tag is "tag:yaml.org,2002:null" or "!!null"
        || (IsPlain && Tag is null && Value is "" or "~" or "null" or "Null" or "NULL");
}

/// <summary>A mapping; its keys are scalars, in source order.</summary>
internal sealed class YamlMapping : YamlNode
{
    private readonly List<KeyValuePair<YamlScalar, YamlNode>> _entries = new();
    private List<KeyValuePair<YamlScalar, YamlScalar>>? _duplicateKeys;

    public YamlMapping(SourcePosition position) : base(position)
    {
    }

    public IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries => _entries;

    /// <summary>Keys given a second time (with the first occurrence); their values are not in <see cref="Entries"/>.</summary>
    public IReadOnlyList<KeyValuePair<YamlScalar, YamlScalar>> DuplicateKeys => (IReadOnlyList<KeyValuePair<YamlScalar, YamlScalar>>?)_duplicateKeys ?? [];

    public void AddDuplicateKey(YamlScalar duplicate, YamlScalar first) => (_duplicateKeys ??= new()).Add(new(duplicate, first));

    /// <summary>Mappings this large also get an index by key, so that a hostile mapping with many keys is not quadratic to check.</summary>
    private const int IndexedFrom = 16;

    private Dictionary<string, YamlScalar>? _index;

    /// <summary>The key named <paramref name="key"/> already in the mapping, for the duplicate check.</summary>
    public YamlScalar? FindKey(string key)
    {
        if (_index is not null)
        {
            return _index.GetValueOrDefault(key);
        }

        foreach (var (k, _) in _entries)
        {
            if (k.Value == key)
            {
                return k;
            }
        }

        return null;
    }

    /// <summary>Adds an entry whose key is not yet in the mapping (see <see cref="FindKey"/>).</summary>
    public void Add(YamlScalar key, YamlNode value)
    {
        _entries.Add(new(key, value));
        if (_index is not null)
        {
            _index.Add(key.Value, key);
        }
        else if (_entries.Count == IndexedFrom)
        {
            _index = new Dictionary<string, YamlScalar>(StringComparer.Ordinal);
            foreach (var (k, _) in _entries)
            {
                _index.Add(k.Value, k);
            }
        }

        ExpandedSize = SaturatingAdd(ExpandedSize, SaturatingAdd(1, value.ExpandedSize));
    }

    public YamlNode? Get(string key)
    {
        foreach (var (k, v) in _entries)
        {
            if (k.Value == key)
            {
                return v;
            }
        }

        return null;
    }

    internal static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
}

/// <summary>A sequence, in source order.</summary>
internal sealed class YamlSequence : YamlNode
{
    private readonly List<YamlNode> _items = new();

    public YamlSequence(SourcePosition position) : base(position)
    {
    }

    public IReadOnlyList<YamlNode> Items => _items;

    public void Add(YamlNode item)
    {
        _items.Add(item);
        ExpandedSize = YamlMapping.SaturatingAdd(ExpandedSize, item.ExpandedSize);
    }
}
