namespace Mesh.Dsl.Serialization.Comments;

/// <summary>
/// Writes a document as <see cref="YamlStructuredWriter"/> does and puts the source's comments back
/// beside the fields they annotate, wherever the canonical order puts those fields. It follows the
/// writer's walk down <see cref="DocumentComments"/>' tree (map keys by key, list items by index), so
/// it only runs for documents that have comments; the writer itself only holds the comment to end a
/// line with. A comment whose field is not written (unset, empty, gone) is written at the end of the
/// nearest enclosing mapping or list that is, in source order, so no comment is lost.
/// </summary>
internal sealed class CommentingYamlWriter : StructuredWriter
{
    private readonly YamlStructuredWriter _yaml;
    private readonly DocumentComments _comments;
    private readonly bool[] _written;

    // The open mappings and lists and the comment node of each (null below where no comment is).
    private readonly List<(CommentNode? Node, bool IsSequence, int NextIndex)> _open = new();

    // The comment node of the value the last key introduced.
    private CommentNode? _value;

    // A mapping that is a list item waits for its first key: comments above that key go above the "- ".
    private bool _itemMappingPending;

    public CommentingYamlWriter(YamlStructuredWriter yaml, DocumentComments comments)
    {
        _yaml = yaml;
        _comments = comments;
        _written = new bool[comments.Count];
    }

    public override void BeginMapping()
    {
        if (_open.Count == 0)
        {
            WriteLines(_comments.Head);
            _yaml.BeginMapping();
            _open.Add((_comments.Root, false, 0));
            return;
        }

        var node = NextValue();
        if (_open[^1].IsSequence)
        {
            // "- " and the first key come together; the item's comments go above them (see Key).
            _itemMappingPending = true;
        }
        else
        {
            EndLineWith(node);
            _yaml.BeginMapping();
        }

        _open.Add((node, false, 0));
    }

    public override void EndMapping()
    {
        if (_itemMappingPending)
        {
            StartPendingItem(null);
        }

        Close();
        _yaml.EndMapping();
    }

    public override void EmptyMapping()
    {
        BeforeScalar();
        _yaml.EmptyMapping();
    }

    public override void BeginSequence()
    {
        var node = NextValue();
        EndLineWith(node);
        _yaml.BeginSequence();
        _open.Add((node, true, 0));
    }

    public override void EndSequence()
    {
        Close();
        _yaml.EndSequence();
    }

    public override void Key(string key)
    {
        BeforeKey(_open[^1].Node?.Key(key));
        _yaml.Key(key);
    }

    public override void FieldKey(string name)
    {
        BeforeKey(_open[^1].Node?.Key(name));
        _yaml.FieldKey(name);
    }

    public override void NumberKey(ulong key)
    {
        var parent = _open[^1].Node;
        BeforeKey(parent is null ? null : parent.Key(key.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        _yaml.NumberKey(key);
    }

    public override void String(string value)
    {
        BeforeScalar();
        _yaml.String(value);
    }

    public override void Duration(TimeSpan value)
    {
        BeforeScalar();
        _yaml.Duration(value);
    }

    public override void Integer(long value)
    {
        BeforeScalar();
        _yaml.Integer(value);
    }

    public override void Unsigned(ulong value)
    {
        BeforeScalar();
        _yaml.Unsigned(value);
    }

    public override void Boolean(bool value)
    {
        BeforeScalar();
        _yaml.Boolean(value);
    }

    public override void Double(double value)
    {
        BeforeScalar();
        _yaml.Double(value);
    }

    public override void Null()
    {
        BeforeScalar();
        _yaml.Null();
    }

    public override void FlowJson(string json)
    {
        BeforeScalar();
        _yaml.FlowJson(json);
    }

    private void BeforeScalar() => EndLineWith(NextValue());

    /// <summary>The comment node of the value about to be written; for a list item, its comment lines are written first.</summary>
    private CommentNode? NextValue()
    {
        var (parent, isSequence, nextIndex) = _open[^1];
        if (!isSequence)
        {
            return _value;
        }

        _open[^1] = (parent, true, nextIndex + 1);
        var item = parent?.Item(nextIndex);
        if (item is not null)
        {
            WriteAbove(item);
        }

        return item;
    }

    private void BeforeKey(CommentNode? key)
    {
        if (_itemMappingPending)
        {
            StartPendingItem(key);
        }
        else if (key is not null)
        {
            WriteAbove(key);
        }

        _value = key;
    }

    private void StartPendingItem(CommentNode? firstKey)
    {
        _itemMappingPending = false;
        var item = _open[^1].Node;
        if (item is not null)
        {
            // A mapping item has no line of its own to end with a comment: its trailing comments go above it too.
            WriteAbove(item);
            WriteLines(item.Trailing);
        }

        if (firstKey is not null)
        {
            WriteAbove(firstKey);
        }

        _yaml.BeginMapping();
    }

    /// <summary>The lines above a field or item; trailing comments too when there are several (a value spanning lines), as one line cannot hold them.</summary>
    private void WriteAbove(CommentNode node)
    {
        WriteLines(node.Before);
        if (node.Trailing is { Count: > 1 })
        {
            WriteLines(node.Trailing);
        }
    }

    private void EndLineWith(CommentNode? node)
    {
        if (node?.Trailing is { Count: 1 } trailing && !_written[trailing[0].Ordinal])
        {
            _written[trailing[0].Ordinal] = true;
            _yaml.EndNextLineWith(trailing[0].Text);
        }
    }

    /// <summary>Before a mapping or list closes: its end comments and every comment below it not yet written, in source order.</summary>
    private void Close()
    {
        var (node, _, _) = _open[^1];
        _open.RemoveAt(_open.Count - 1);
        if (node is null)
        {
            return;
        }

        var left = new List<SourceComment>();
        node.CollectAll(left);
        left.Sort((a, b) => a.Ordinal.CompareTo(b.Ordinal));
        WriteLines(left);
    }

    private void WriteLines(IReadOnlyList<SourceComment>? comments)
    {
        if (comments is null)
        {
            return;
        }

        foreach (var comment in comments)
        {
            if (!_written[comment.Ordinal])
            {
                _written[comment.Ordinal] = true;
                _yaml.CommentLine(comment.Text);
            }
        }
    }
}
