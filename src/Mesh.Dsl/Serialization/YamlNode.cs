using System.Runtime.InteropServices;

namespace Mesh.Dsl.Serialization;

/// <summary>A position in a source text: 1-based line and column.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{Line}:{Column}";
}

/// <summary>
/// The nodes of one parsed YAML (or JSON) document in one array, each node followed by its
/// children (a mapping's children are key, value, key, value, ...). Scalars the fast path read are
/// slices of the source text: their string is made only when a reader asks for it, and keys, which
/// are compared with field names, never need one.
/// </summary>
/// <remarks>
/// One array of small structs rather than an object per node: on a large file the node objects were
/// most of what a read allocated, and what every garbage collection had to trace. The fast path
/// goes further and builds each document in the same reused arrays (<see cref="YamlTreeBuilder.FinishReused"/>);
/// trees of their own are made for YamlDotNet's documents, which resources keep for positions, and
/// when a document is parsed again for a position (<see cref="ResourceSource"/>).
/// </remarks>
internal sealed class YamlTree
{
    private readonly NodeData[] _nodes;
    private readonly string _source;
    private readonly string?[] _strings;
    private readonly string?[]? _recentValues;

    /// <summary>A tree; <paramref name="recentValues"/>, if given, shares the strings of values that repeat (see <see cref="Value"/>).</summary>
    internal YamlTree(NodeData[] nodes, string source, string?[] strings, string?[]? recentValues = null)
    {
        _nodes = nodes;
        _source = source;
        _strings = strings;
        _recentValues = recentValues;
    }

    /// <summary>Values up to this long are looked up in the recent values first.</summary>
    private const int MaxSharedLength = 64;

    public YamlNode Root => new(this, 0);

    internal string?[]? RecentValues => _recentValues;

    /// <summary>True when the tree is a view of these buffers (see <see cref="YamlTreeBuilder.FinishReused"/>).</summary>
    internal bool Uses(NodeData[] nodes, string?[] strings) => ReferenceEquals(nodes, _nodes) && ReferenceEquals(strings, _strings);

    [Flags]
    internal enum NodeFlags
    {
        Scalar = 0,
        Mapping = 1,
        Sequence = 2,

        /// <summary>An alias: <see cref="NodeData.Start"/> is the index of the anchored node it stands for.</summary>
        Alias = 3,
        KindMask = 3,

        /// <summary>A scalar written without quotes.</summary>
        Plain = 4,

        /// <summary>A scalar whose value (<see cref="NodeData.Start"/>) and tag (<see cref="NodeData.Length"/>, or -1) are in the string table, not slices of the text.</summary>
        Stored = 8,

        /// <summary>A mapping key given a second time: it and its value are skipped, and reported by the mapping's reader.</summary>
        DuplicateKey = 16,

        /// <summary>A mapping with at least one <see cref="DuplicateKey"/>.</summary>
        HasDuplicateKeys = 32,

        /// <summary>
        /// A merge key (<c>&lt;&lt;</c>): it and its value are skipped; the entries it merges follow the mapping's own
        /// entries as aliases of the merged mapping's keys and values.
        /// </summary>
        MergeKey = 64,

        /// <summary>Keys that readers skip with the value after them.</summary>
        Skipped = DuplicateKey | MergeKey,
    }

    /// <summary>
    /// One node. A scalar's text is <see cref="Length"/> characters at <see cref="Start"/> in the source,
    /// or a <see cref="NodeFlags.Stored"/> string; a collection's <see cref="Start"/> is the index after
    /// its last descendant and <see cref="Length"/> its number of entries or items.
    /// </summary>
    [StructLayout(LayoutKind.Auto)]
    internal struct NodeData
    {
        public NodeFlags Flags;
        public SourcePosition Position;
        public int Start;
        public int Length;

        public readonly NodeFlags Kind => Flags & NodeFlags.KindMask;
    }

    internal ref readonly NodeData this[int index] => ref _nodes[index];

    private NodeTable Table => new(_nodes, _source, _strings);

    internal int Resolve(int index) => Table.Resolve(index);

    internal int End(int index) => Table.End(index);

    internal ReadOnlySpan<char> Text(int index) => Table.Text(index);

    internal int FindKey(int mapping, ReadOnlySpan<char> key, int before) => Table.FindKey(mapping, key, before);

    internal string Value(int index)
    {
        ref readonly var node = ref _nodes[index];
        if ((node.Flags & NodeFlags.Stored) != 0)
        {
            return _strings[node.Start]!;
        }

        if (node.Length == 0)
        {
            return string.Empty;
        }

        if (_recentValues is null || node.Length > MaxSharedLength)
        {
            return _source.Substring(node.Start, node.Length);
        }

        // Values repeat in nearby documents (a service's host in its ServiceEntry, DestinationRule and
        // VirtualService; port names everywhere): the last string made for each hash is reused when
        // its text is the same, so they are one string, not one per occurrence. A fixed table: no
        // growth, and hostile input can only make it miss.
        var text = _source.AsSpan(node.Start, node.Length);
        ref var recent = ref _recentValues[string.GetHashCode(text) & (_recentValues.Length - 1)];
        if (recent is null || !text.SequenceEqual(recent))
        {
            recent = text.ToString();
        }

        return recent;
    }

    internal string? Tag(int index)
    {
        ref readonly var node = ref _nodes[index];
        return (node.Flags & NodeFlags.Stored) != 0 && node.Length >= 0 ? _strings[node.Length] : null;
    }

    /// <summary>The queries both a finished tree and the builder's open one answer.</summary>
    internal readonly ref struct NodeTable(ReadOnlySpan<NodeData> nodes, string source, ReadOnlySpan<string?> strings)
    {
        private readonly ReadOnlySpan<NodeData> _nodes = nodes;
        private readonly ReadOnlySpan<string?> _strings = strings;

        /// <summary>The node an alias stands for; any other node itself.</summary>
        public int Resolve(int index) => _nodes[index].Kind == NodeFlags.Alias ? _nodes[index].Start : index;

        /// <summary>The index just after the node and its descendants (for a closed collection).</summary>
        public int End(int index) => _nodes[index].Kind is NodeFlags.Mapping or NodeFlags.Sequence ? _nodes[index].Start : index + 1;

        public ReadOnlySpan<char> Text(int index)
        {
            ref readonly var node = ref _nodes[index];
            return (node.Flags & NodeFlags.Stored) != 0 ? _strings[node.Start] : source.AsSpan(node.Start, node.Length);
        }

        /// <summary>The first key of <paramref name="mapping"/> before index <paramref name="before"/> whose text is <paramref name="key"/>, else -1.</summary>
        public int FindKey(int mapping, ReadOnlySpan<char> key, int before)
        {
            for (var i = mapping + 1; i < before; i = End(i + 1))
            {
                if ((_nodes[i].Flags & NodeFlags.Skipped) == 0 && Text(Resolve(i)).SequenceEqual(key))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}

/// <summary>A node of a parsed document: a scalar, mapping or sequence, with the position it starts at.</summary>
internal readonly struct YamlNode
{
    private readonly YamlTree _tree;
    private readonly int _index;

    internal YamlNode(YamlTree tree, int index)
    {
        _tree = tree;
        _index = tree.Resolve(index);
    }

    private ref readonly YamlTree.NodeData Data => ref _tree[_index];

    internal YamlTree Tree => _tree;

    /// <summary>The node's index in its tree: the same node in the same document parsed again.</summary>
    internal int Index => _index;

    public SourcePosition Position => Data.Position;

    public bool IsScalar => Data.Kind == YamlTree.NodeFlags.Scalar;

    public bool IsMapping => Data.Kind == YamlTree.NodeFlags.Mapping;

    public bool IsSequence => Data.Kind == YamlTree.NodeFlags.Sequence;

    /// <summary>A scalar's text, without making a string of it.</summary>
    public ReadOnlySpan<char> Text => _tree.Text(_index);

    /// <summary>A scalar's text as a string: made when asked for (or shared with an equal value read shortly before).</summary>
    public string Value => _tree.Value(_index);

    /// <summary>True for a scalar written without quotes.</summary>
    public bool IsPlain => (Data.Flags & YamlTree.NodeFlags.Plain) != 0;

    /// <summary>A scalar's explicit tag, or null.</summary>
    public string? Tag => _tree.Tag(_index);

    /// <summary>A plain <c>null</c>, <c>~</c> or empty scalar, or one tagged <c>!!null</c>.</summary>
    public bool IsNull
    {
        get
        {
            if (!IsScalar)
            {
                return false;
            }

            var tag = Tag;
            return tag is "tag:yaml.org,2002:null" or "!!null"
                || (IsPlain && tag is null && Text is "" or "~" or "null" or "Null" or "NULL");
        }
    }

    /// <summary>How many entries a mapping, or items a sequence, has.</summary>
    public int Count => Data.Length;

    /// <summary>A mapping's entries in source order, without the duplicate keys.</summary>
    public MappingEntries Entries => new(_tree, _index);

    /// <summary>A sequence's items in source order.</summary>
    public SequenceItems Items => new(_tree, _index);

    /// <summary>True when a mapping had keys given twice; see <see cref="DuplicateKeys"/>.</summary>
    public bool HasDuplicateKeys => (Data.Flags & YamlTree.NodeFlags.HasDuplicateKeys) != 0;

    /// <summary>The keys of a mapping given a second time, with their first occurrence; their values are not in <see cref="Entries"/>.</summary>
    public List<(YamlKey Duplicate, YamlKey First)> DuplicateKeys()
    {
        // Only for an error, so it may allocate; one pass with an index of the first keys, so that
        // a hostile mapping with many duplicates is not quadratic.
        var duplicates = new List<(YamlKey, YamlKey)>();
        var firstKeys = new Dictionary<string, int>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = _index + 1; i < Data.Start; i = _tree.End(i + 1))
        {
            var key = new YamlNode(_tree, i);
            if ((_tree[i].Flags & YamlTree.NodeFlags.MergeKey) != 0)
            {
                continue;
            }

            if ((_tree[i].Flags & YamlTree.NodeFlags.DuplicateKey) == 0)
            {
                firstKeys.TryAdd(key.Text, i);
            }
            else
            {
                duplicates.Add((new YamlKey(key), new YamlKey(new YamlNode(_tree, firstKeys[key.Text]))));
            }
        }

        return duplicates;
    }

    /// <summary>A mapping's value for <paramref name="key"/>, or null.</summary>
    public YamlNode? Get(ReadOnlySpan<char> key)
    {
        var found = _tree.FindKey(_index, key, Data.Start);
        return found < 0 ? null : new YamlNode(_tree, found + 1);
    }

    /// <summary>A sequence's item at <paramref name="index"/>, or null when there is none.</summary>
    public YamlNode? ItemAt(int index)
    {
        foreach (var item in Items)
        {
            if (index-- == 0)
            {
                return item;
            }
        }

        return null;
    }
}

/// <summary>A mapping's key: a scalar's text and position, and nothing else (an alias used as a key stands for its anchored scalar).</summary>
internal readonly struct YamlKey(YamlNode scalar)
{
    public SourcePosition Position => scalar.Position;

    /// <summary>The key's text, without making a string of it: compare it with field names.</summary>
    public ReadOnlySpan<char> Text => scalar.Text;

    /// <summary>The key's text as a string, for messages and map keys.</summary>
    public string Value => scalar.Value;
}

/// <summary>A mapping entry; deconstructs to its key and value.</summary>
internal readonly record struct YamlEntry(YamlKey Key, YamlNode Value);

/// <summary>Walks a collection's children: a sequence's items, or a mapping's keys (skipping keys given twice and their values).</summary>
internal struct ChildCursor(YamlTree tree, int collection)
{
    private readonly int _end = tree[collection].Start;
    private readonly bool _isMapping = tree[collection].Kind == YamlTree.NodeFlags.Mapping;
    private int _next = collection + 1;

    /// <summary>The index of the current item, or key (its value is the next node).</summary>
    public int Current { get; private set; } = -1;

    public bool MoveNext()
    {
        while (_next < _end)
        {
            Current = _next;
            if (!_isMapping)
            {
                _next = tree.End(Current);
                return true;
            }

            _next = tree.End(Current + 1);
            if ((tree[Current].Flags & YamlTree.NodeFlags.Skipped) == 0)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Enumerates a mapping's entries without allocating.</summary>
internal struct MappingEntries(YamlTree tree, int mapping)
{
    private ChildCursor _cursor = new(tree, mapping);

    public readonly MappingEntries GetEnumerator() => this;

    public readonly YamlEntry Current => new(new YamlKey(new YamlNode(tree, _cursor.Current)), new YamlNode(tree, _cursor.Current + 1));

    public bool MoveNext() => _cursor.MoveNext();
}

/// <summary>Enumerates a sequence's items without allocating.</summary>
internal struct SequenceItems(YamlTree tree, int sequence)
{
    private ChildCursor _cursor = new(tree, sequence);

    public readonly SequenceItems GetEnumerator() => this;

    public readonly YamlNode Current => new(tree, _cursor.Current);

    public bool MoveNext() => _cursor.MoveNext();
}

/// <summary>
/// Builds <see cref="YamlTree"/>s, one document at a time, in buffers reused from one document to
/// the next: each tree is then one array of exactly its nodes. Both parsers build through it, so
/// they give the same representation, duplicate keys included.
/// </summary>
internal sealed class YamlTreeBuilder(string source, string?[]? recentValues = null)
{
    /// <summary>Mappings this large also get an index by key, so that a hostile mapping with many keys is not quadratic to check.</summary>
    private const int IndexedFrom = 16;

    private YamlTree.NodeData[] _nodes = new YamlTree.NodeData[64];
    private int _count;
    private string?[] _strings = [];
    private int _stringCount;
    private YamlTree? _reused;

    /// <summary>The size of the table of recent values that the documents of one read share (a power of two).</summary>
    private const int RecentValues = 512;

    /// <summary>
    /// A table of recent values (see <see cref="YamlTree.Value"/>) for a read to share across its chunks, so that a
    /// namespace, a host or a label's value read in every chunk of a large file is one string, not one per chunk.
    /// </summary>
    public static string?[] NewRecentValues() => new string?[RecentValues];

    /// <summary>The number of nodes of the current document so far: the index the next node gets.</summary>
    public int Count => _count;

    /// <summary>What a parser keeps of an open mapping to find duplicate keys.</summary>
    public struct MappingKeys(int mapping)
    {
        public readonly int Mapping = mapping;
        public int Count;
        public Dictionary<string, int>? Index;
    }

    private YamlTree.NodeTable Table => new(_nodes.AsSpan(0, _count), source, _strings.AsSpan(0, _stringCount));

    /// <summary>Where the node at <paramref name="index"/> is, an alias resolved.</summary>
    public SourcePosition PositionOf(int index) => _nodes[Table.Resolve(index)].Position;

    /// <summary>The kind of the node at <paramref name="index"/>, an alias resolved.</summary>
    public YamlTree.NodeFlags KindOf(int index) => _nodes[Table.Resolve(index)].Kind;

    /// <summary>A scalar that is a slice of the source text.</summary>
    public int AddScalar(SourcePosition position, int start, int length, bool isPlain)
        => Add(new YamlTree.NodeData { Flags = isPlain ? YamlTree.NodeFlags.Plain : YamlTree.NodeFlags.Scalar, Position = position, Start = start, Length = length });

    /// <summary>A scalar whose value is not a slice of the source: unescaped, or given by YamlDotNet.</summary>
    public int AddScalar(SourcePosition position, string value, bool isPlain, string? tag)
    {
        var flags = YamlTree.NodeFlags.Stored | (isPlain ? YamlTree.NodeFlags.Plain : 0);
        var valueIndex = Store(value);
        return Add(new YamlTree.NodeData { Flags = flags, Position = position, Start = valueIndex, Length = tag is null ? -1 : Store(tag) });
    }

    /// <summary>An alias of the node at <paramref name="target"/>: readers see that node in its place.</summary>
    public int AddAlias(int target)
        => Add(new YamlTree.NodeData { Flags = YamlTree.NodeFlags.Alias, Position = _nodes[target].Position, Start = Table.Resolve(target) });

    /// <summary>Opens a mapping or sequence; its children are the nodes added until it is ended.</summary>
    public int BeginCollection(bool isMapping, SourcePosition position)
        => Add(new YamlTree.NodeData { Flags = isMapping ? YamlTree.NodeFlags.Mapping : YamlTree.NodeFlags.Sequence, Position = position, Start = -1 });

    /// <summary>Closes the sequence at <paramref name="sequence"/> after its <paramref name="count"/> items.</summary>
    public void EndSequence(int sequence, int count) => EndCollection(sequence, count);

    public void EndMapping(in MappingKeys keys) => EndCollection(keys.Mapping, keys.Count);

    private void EndCollection(int index, int count)
    {
        _nodes[index].Start = _count;
        _nodes[index].Length = count;
    }

    /// <summary>True for a plain, untagged <c>&lt;&lt;</c> key (not an alias): YAML's merge key.</summary>
    public bool IsMergeKey(int key)
    {
        ref readonly var node = ref _nodes[key];
        return node.Kind == YamlTree.NodeFlags.Scalar && (node.Flags & YamlTree.NodeFlags.Plain) != 0
            && !((node.Flags & YamlTree.NodeFlags.Stored) != 0 && node.Length >= 0) && Table.Text(key) is "<<";
    }

    /// <summary>Marks <paramref name="key"/> a merge key: readers skip it and its value.</summary>
    public void MarkMergeKey(int key) => _nodes[key].Flags |= YamlTree.NodeFlags.MergeKey;

    /// <summary>True while the collection at <paramref name="index"/> (an alias resolved) is not ended yet.</summary>
    public bool IsOpen(int index) => _nodes[Table.Resolve(index)].Start < 0;

    /// <summary>The items of a closed sequence, aliases not resolved.</summary>
    public List<int> ItemsOf(int sequence)
    {
        var table = Table;
        var resolved = table.Resolve(sequence);
        var items = new List<int>();
        for (var i = resolved + 1; i < _nodes[resolved].Start; i = table.End(i))
        {
            items.Add(i);
        }

        return items;
    }

    /// <summary>The keys and values of a closed mapping's entries (duplicate and merge keys left out).</summary>
    public List<(int Key, int Value)> EntriesOf(int mapping)
    {
        var table = Table;
        var resolved = table.Resolve(mapping);
        var entries = new List<(int, int)>();
        for (var i = resolved + 1; i < _nodes[resolved].Start; i = table.End(i + 1))
        {
            if ((_nodes[i].Flags & YamlTree.NodeFlags.Skipped) == 0)
            {
                entries.Add((i, i + 1));
            }
        }

        return entries;
    }

    /// <summary>True when the open mapping of <paramref name="keys"/> has the key whose text is that of <paramref name="key"/>.</summary>
    public bool HasKey(in MappingKeys keys, int key)
    {
        var table = Table;
        var text = table.Text(table.Resolve(key));
        return keys.Index is not null
            ? keys.Index.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(text)
            : table.FindKey(keys.Mapping, text, _count) >= 0;
    }

    /// <summary>
    /// Takes the scalar at <paramref name="key"/> as the next key of a mapping. Returns false when the
    /// mapping has it already: the key is marked a duplicate, and readers skip it and the value that follows.
    /// </summary>
    public bool AddKey(ref MappingKeys keys, int key)
    {
        var table = Table;
        var text = table.Text(table.Resolve(key));
        var isDuplicate = keys.Index is not null
            ? keys.Index.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(text)
            : table.FindKey(keys.Mapping, text, key) >= 0;
        if (isDuplicate)
        {
            _nodes[key].Flags |= YamlTree.NodeFlags.DuplicateKey;
            _nodes[keys.Mapping].Flags |= YamlTree.NodeFlags.HasDuplicateKeys;
            return false;
        }

        keys.Count++;
        if (keys.Index is null && keys.Count == IndexedFrom)
        {
            keys.Index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = keys.Mapping + 1; i < key; i = table.End(i + 1))
            {
                if ((_nodes[i].Flags & YamlTree.NodeFlags.Skipped) == 0)
                {
                    keys.Index.Add(table.Text(table.Resolve(i)).ToString(), i);
                }
            }
        }

        keys.Index?.Add(text.ToString(), key);

        return true;
    }

    /// <summary>Ends the document: a tree of its own of the nodes added since the last one, and empty buffers for the next.</summary>
    public YamlTree Finish()
    {
        var tree = new YamlTree(_nodes.AsSpan(0, _count).ToArray(), source, _strings.AsSpan(0, _stringCount).ToArray());
        _count = 0;
        _stringCount = 0;
        return tree;
    }

    /// <summary>
    /// Ends the document: a tree over the buffers themselves, valid only until the next document is
    /// added. No copy, and the same tree object as long as the buffers did not have to grow.
    /// </summary>
    public YamlTree FinishReused()
    {
        if (_reused is null || !_reused.Uses(_nodes, _strings))
        {
            _reused = new YamlTree(_nodes, source, _strings, _reused?.RecentValues ?? recentValues ?? NewRecentValues());
        }

        _count = 0;
        _stringCount = 0;
        return _reused;
    }

    private int Store(string value)
    {
        if (_stringCount == _strings.Length)
        {
            Array.Resize(ref _strings, Math.Max(4, _stringCount * 2));
        }

        _strings[_stringCount] = value;
        return _stringCount++;
    }

    private int Add(in YamlTree.NodeData node)
    {
        if (_count == _nodes.Length)
        {
            Array.Resize(ref _nodes, _count * 2);
        }

        _nodes[_count] = node;
        return _count++;
    }
}
