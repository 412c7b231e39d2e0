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
    public abstract long ExpandedSize { get; }
}

/// <summary>
/// The entries of a collection node. Its own array rather than a <see cref="List{T}"/> saves an
/// object per collection (a read keeps hundreds of thousands of them for diagnostics' positions),
/// and readers iterate a span, which allocates no enumerator.
/// </summary>
internal struct NodeItems<T>
{
    private T[] _items;
    private int _count;

    public readonly ReadOnlySpan<T> Span => _items.AsSpan(0, _count);

    public void Add(T item)
    {
        if (_items is null || _count == _items.Length)
        {
            // Most Kubernetes mappings have 1 to 4 entries, and most lists 1 or 2 items.
            Array.Resize(ref _items, _items is null ? 2 : _items.Length * 2);
        }

        _items[_count++] = item;
    }
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

    public override long ExpandedSize => 1;

    /// <summary>A plain <c>null</c>, <c>~</c> or empty value, or one tagged <c>!!null</c>.</summary>
    public bool IsNull => Tag is "tag:yaml.org,2002:null" or "!!null"
        || (IsPlain && Tag is null && Value is "" or "~" or "null" or "Null" or "NULL");
}

/// <summary>
/// A mapping's key: its text and position. A struct in the entry rather than a <see cref="YamlScalar"/>
/// node, because keys are half of all nodes and nothing reads their style.
/// </summary>
internal readonly record struct YamlKey(string Value, SourcePosition Position);

/// <summary>A mapping; its keys are scalars, in source order.</summary>
internal sealed class YamlMapping : YamlNode
{
    private NodeItems<KeyValuePair<YamlKey, YamlNode>> _entries;
    private List<KeyValuePair<YamlKey, YamlKey>>? _duplicateKeys;
    private long _expandedSize = 1;

    public YamlMapping(SourcePosition position) : base(position)
    {
    }

    public ReadOnlySpan<KeyValuePair<YamlKey, YamlNode>> Entries => _entries.Span;

    public override long ExpandedSize => _expandedSize;

    /// <summary>Keys given a second time (with the first occurrence); their values are not in <see cref="Entries"/>.</summary>
    public ReadOnlySpan<KeyValuePair<YamlKey, YamlKey>> DuplicateKeys => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_duplicateKeys);

    public void AddDuplicateKey(YamlKey duplicate, YamlKey first) => (_duplicateKeys ??= new()).Add(new(duplicate, first));

    /// <summary>Mappings this large also get an index by key, so that a hostile mapping with many keys is not quadratic to check.</summary>
    private const int IndexedFrom = 16;

    private Dictionary<string, YamlKey>? _index;

    /// <summary>The key named <paramref name="key"/> already in the mapping, for the duplicate check.</summary>
    public YamlKey? FindKey(string key)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(key, out var indexed) ? indexed : null;
        }

        foreach (var (k, _) in _entries.Span)
        {
            if (k.Value == key)
            {
                return k;
            }
        }

        return null;
    }

    /// <summary>Adds an entry whose key is not yet in the mapping (see <see cref="FindKey"/>).</summary>
    public void Add(YamlKey key, YamlNode value)
    {
        _entries.Add(new(key, value));
        if (_index is not null)
        {
            _index.Add(key.Value, key);
        }
        else if (_entries.Span.Length == IndexedFrom)
        {
            _index = new Dictionary<string, YamlKey>(StringComparer.Ordinal);
            foreach (var (k, _) in _entries.Span)
            {
                _index.Add(k.Value, k);
            }
        }

        _expandedSize = SaturatingAdd(_expandedSize, SaturatingAdd(1, value.ExpandedSize));
    }

    public YamlNode? Get(string key)
    {
        foreach (var (k, v) in _entries.Span)
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
    private NodeItems<YamlNode> _items;
    private long _expandedSize = 1;

    public YamlSequence(SourcePosition position) : base(position)
    {
    }

    public ReadOnlySpan<YamlNode> Items => _items.Span;

    public override long ExpandedSize => _expandedSize;

    public void Add(YamlNode item)
    {
        _items.Add(item);
        _expandedSize = YamlMapping.SaturatingAdd(_expandedSize, item.ExpandedSize);
    }
}
