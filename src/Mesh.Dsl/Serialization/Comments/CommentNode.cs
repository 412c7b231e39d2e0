namespace Mesh.Dsl.Serialization.Comments;

/// <summary>
/// The comments of one field path of a document (<c>spec.ports[0].name</c>), and the paths below it
/// that have comments: a tree with only the branches that lead to a comment, walked alongside the writer.
/// </summary>
/// <remarks>
/// Children are found by key (a mapping's key as read, so <c>"9080"</c> and <c>9080</c> are the same
/// key) or by list index in the source; they are kept in the order they were added, which is source
/// order, for those who list them (<see cref="DocumentComments.Paths"/>).
/// </remarks>
internal sealed class CommentNode
{
    private Dictionary<string, CommentNode>? _keys;
    private Dictionary<string, CommentNode>.AlternateLookup<ReadOnlySpan<char>> _keyLookup;
    private Dictionary<int, CommentNode>? _items;
    private List<(string? Key, int Index, CommentNode Node)>? _children;

    /// <summary>Comment lines above the field or list item.</summary>
    public List<SourceComment>? Before { get; private set; }

    /// <summary>Comments at the end of the field's line (<c>name: x  # why</c>); more than one only when a value spans lines.</summary>
    public List<SourceComment>? Trailing { get; private set; }

    /// <summary>Comment lines after the last entry of the field's mapping or list, at its indentation.</summary>
    public List<SourceComment>? End { get; private set; }

    /// <summary>The children, in source order: a key, or null and a list index.</summary>
    public IReadOnlyList<(string? Key, int Index, CommentNode Node)> Children
        => (IReadOnlyList<(string? Key, int Index, CommentNode Node)>?)_children ?? [];

    public CommentNode? Key(string key) => _keys?.GetValueOrDefault(key);

    public CommentNode? Key(ReadOnlySpan<char> key) => _keys is not null && _keyLookup.TryGetValue(key, out var node) ? node : null;

    public CommentNode? Item(int index) => _items?.GetValueOrDefault(index);

    public CommentNode GetOrAddKey(string key)
    {
        if (_keys is null)
        {
            _keys = new Dictionary<string, CommentNode>(StringComparer.Ordinal);
            _keyLookup = _keys.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        if (!_keys.TryGetValue(key, out var node))
        {
            node = new CommentNode();
            _keys.Add(key, node);
            (_children ??= new()).Add((key, -1, node));
        }

        return node;
    }

    public CommentNode GetOrAddItem(int index)
    {
        _items ??= new Dictionary<int, CommentNode>();
        if (!_items.TryGetValue(index, out var node))
        {
            node = new CommentNode();
            _items.Add(index, node);
            (_children ??= new()).Add((null, index, node));
        }

        return node;
    }

    public void AddBefore(SourceComment comment) => (Before ??= new()).Add(comment);

    public void AddTrailing(SourceComment comment) => (Trailing ??= new()).Add(comment);

    public void AddEnd(SourceComment comment) => (End ??= new()).Add(comment);

    /// <summary>Every comment of this node and the nodes below it, in no particular order.</summary>
    public void CollectAll(List<SourceComment> into)
    {
        if (Before is not null)
        {
            into.AddRange(Before);
        }

        if (Trailing is not null)
        {
            into.AddRange(Trailing);
        }

        if (End is not null)
        {
            into.AddRange(End);
        }

        if (_children is not null)
        {
            foreach (var child in _children)
            {
                child.Node.CollectAll(into);
            }
        }
    }
}
