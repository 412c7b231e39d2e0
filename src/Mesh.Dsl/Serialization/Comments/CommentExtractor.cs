using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using Token = YamlDotNet.Core.Tokens.Token;

namespace Mesh.Dsl.Serialization.Comments;

/// <summary>
/// Finds a document's comments and the field path each annotates. YamlDotNet's scanner gives the
/// comments with their positions and its parser the nodes with theirs; the comments are taken out of
/// the token stream before the parser sees them, since its grammar does not expect them everywhere
/// they can stand. Then each comment is placed by position alone:
/// <list type="bullet">
/// <item>A comment after content on its line trails what ends last before it on that line: a scalar
/// value or key (the field), the bracket of a flow collection (the collection's field), a block
/// scalar's header (its field).</item>
/// <item>A comment on a line of its own goes above the next key or list item; but when it is indented
/// deeper than that next one, it closes a mapping or list that ends there: the innermost whose entries
/// stand at or left of the comment's column. Before the document's first key it is the document's
/// head; after its last entry, at the left margin, the document's end.</item>
/// </list>
/// </summary>
internal static class CommentExtractor
{
    private sealed class Node
    {
        public required Node? Parent;
        public required bool IsKey;
        public required bool IsMapping;
        public required bool IsSequence;
        public required bool IsFlow;

        /// <summary>A block scalar: its end is its header line, as far as comments go.</summary>
        public required bool IsBlockScalar;
        public required Mark Start;
        public Mark End;

        /// <summary>A value's key in its mapping, or null; a key's is its own text.</summary>
        public string? Segment;

        /// <summary>A list item's index, or -1.</summary>
        public int Index = -1;

        /// <summary>For a key, the value it introduces (the node whose path the key's comments annotate); for a value, itself.</summary>
        public Node? Owner;

        public long AnchorIndex = -1;
        public int AnchorColumn;

        public CommentNode? Comments;

        public bool IsBlockCollection => (IsMapping || IsSequence) && !IsFlow;

        /// <summary>The position after what ends this node on its last line, for trailing comments.</summary>
        public long EndIndex => IsBlockScalar ? Start.Index + 1 : IsFlow && (IsMapping || IsSequence) ? End.Index + 1 : End.Index;

        public long EndLine => IsBlockScalar ? Start.Line : End.Line;
    }

    public static DocumentComments Extract(string text)
    {
        if (!text.Contains('#'))
        {
            return DocumentComments.None; // the cheap answer for most documents: no '#', no comment
        }

        var comments = new List<(Mark Start, string Text)>();
        var parser = new Parser(new CommentCollectingScanner(new Scanner(new StringReader(text), skipComments: false), comments));
        var nodes = ReadFirstContent(parser);
        while (parser.MoveNext())
        {
            // The rest of the text (a "...", a later document) is read only for its comments: they are the document's end.
        }

        if (comments.Count == 0)
        {
            return DocumentComments.None;
        }

        // In document order, anchors are in order of position too: a dash comes after all of the item before it.
        var anchors = nodes.FindAll(n => n.AnchorIndex >= 0);
        var root = new CommentNode();
        var head = new List<SourceComment>();
        for (var ordinal = 0; ordinal < comments.Count; ordinal++)
        {
            var (start, raw) = comments[ordinal];
            var comment = new SourceComment(RawText(text, start, raw), new SourcePosition((int)start.Line, (int)start.Column), ordinal);
            if (IsAfterContent(text, start) && TrailedNode(nodes, start) is { } trailed)
            {
                NodeOf(trailed.Owner!, root).AddTrailing(comment);
            }
            else
            {
                PlaceLine(text, comment, start, nodes, anchors, root, head);
            }
        }

        return new DocumentComments(head, root, comments.Count);
    }

    /// <summary>
    /// Reads the nodes of the text's first document that holds something, in document order, each with its path:
    /// empty documents before it (a "---" with only comments after it) give their comments to its head.
    /// </summary>
    private static List<Node> ReadFirstContent(Parser parser)
    {
        parser.Consume<StreamStart>();
        while (parser.TryConsume<DocumentStart>(out _))
        {
            var nodes = ReadDocument(parser);
            parser.Consume<DocumentEnd>();
            if (nodes is not [{ IsMapping: false, IsSequence: false, End.Index: var end, Start.Index: var start }] || end > start)
            {
                return nodes;
            }
        }

        return [];
    }

    private static List<Node> ReadDocument(Parser parser)
    {
        var nodes = new List<Node>();
        var open = new Stack<(Node Collection, Node? PendingKey, int NextIndex)>();
        while (!parser.Accept<DocumentEnd>(out _))
        {
            var current = parser.Consume<ParsingEvent>();
            if (current is MappingEnd or SequenceEnd)
            {
                var (closed, _, _) = open.Pop();
                closed.End = current.Start;
                continue;
            }

            var parent = open.Count > 0 ? open.Peek().Collection : null;
            var isKey = parent is { IsMapping: true } && open.Peek().PendingKey is null;
            var node = new Node
            {
                Parent = parent,
                IsKey = isKey,
                IsMapping = current is MappingStart,
                IsSequence = current is SequenceStart,
                IsFlow = current is MappingStart { Style: MappingStyle.Flow } or SequenceStart { Style: SequenceStyle.Flow },
                IsBlockScalar = current is Scalar { Style: ScalarStyle.Literal or ScalarStyle.Folded },
                Start = current.Start,
                End = current.End,
            };
            nodes.Add(node);
            if (parent is not null)
            {
                var (collection, pendingKey, nextIndex) = open.Pop();
                if (isKey)
                {
                    node.Segment = current is Scalar scalar ? scalar.Value : null;
                    pendingKey = node;
                }
                else if (collection.IsMapping)
                {
                    node.Segment = pendingKey!.Segment;
                    pendingKey.Owner = node;
                    pendingKey = null;
                }
                else
                {
                    node.Index = nextIndex++;
                }

                open.Push((collection, pendingKey, nextIndex));
            }

            if (!isKey)
            {
                node.Owner = node;
            }

            SetAnchor(node);
            if (node.IsMapping || node.IsSequence)
            {
                open.Push((node, null, 0));
            }
        }

        return nodes;
    }

    /// <summary>
    /// Where a comment line before this node would stand: a key's start, a block list item's dash, a
    /// mapping value's start (a comment between a key and its value). A block mapping or list that is a
    /// value has none: its first key or dash stands for it.
    /// </summary>
    private static void SetAnchor(Node node)
    {
        var parent = node.Parent;
        if (node.IsKey || !node.IsBlockCollection)
        {
            node.AnchorIndex = node.Start.Index;
            node.AnchorColumn = (int)node.Start.Column;
        }

        if (parent is { IsSequence: true, IsFlow: false })
        {
            // The dash is at the list's column, on the item's line when the item starts on it.
            var dashColumn = (int)parent.Start.Column;
            var dashIndex = node.Start.Index - node.Start.Column + dashColumn;
            node.AnchorIndex = dashIndex <= node.Start.Index ? dashIndex : node.Start.Index;
            node.AnchorColumn = dashIndex <= node.Start.Index ? dashColumn : (int)node.Start.Column;
        }
    }

    /// <summary>What a comment after content annotates: what ends last on its line before it; null when nothing does (<c>--- # c</c>, <c>- # c</c>).</summary>
    private static Node? TrailedNode(List<Node> nodes, Mark comment)
    {
        // What ends on the comment's line started on it, or is the last node started before the comment
        // (a scalar over several lines), or encloses that one (a flow collection over several lines).
        var last = FirstAtOrAfter(nodes, n => n.Start.Index, comment.Index) - 1;
        Node? best = null;
        for (var i = last; i >= 0 && (i == last || nodes[i].Start.Line >= comment.Line); i--)
        {
            best = Later(best, nodes[i], comment);
        }

        for (var parent = last >= 0 ? nodes[last].Parent : null; parent is not null; parent = parent.Parent)
        {
            best = Later(best, parent, comment);
        }

        return best;
    }

    private static Node? Later(Node? best, Node node, Mark comment)
        => node.IsBlockCollection || node.EndLine != comment.Line || node.EndIndex > comment.Index || (best is not null && best.EndIndex >= node.EndIndex)
            ? best
            : node;

    private static void PlaceLine(string text, SourceComment comment, Mark start, List<Node> nodes, List<Node> anchors, CommentNode root, List<SourceComment> head)
    {
        var previous = LastStartedBefore(nodes, start.Index);
        if (previous is null)
        {
            head.Add(comment);
            return;
        }

        var next = FirstAnchorAfter(anchors, start.Index);
        var nextColumn = next?.AnchorColumn ?? 1;
        var column = LineIndentation(text, start) + 1; // after "- " or "...", the line's indentation, not the comment's column, says where it belongs
        if (column > nextColumn)
        {
            // Deeper than what comes next: the end of a block that closes between the two.
            Node? outermost = null;
            var firstOpen = previous.IsBlockCollection ? previous : previous.Parent;
            for (var block = firstOpen; block is not null; block = block.Parent)
            {
                if (!block.IsBlockCollection || (next is not null && IsAncestor(block, next.Owner!)))
                {
                    continue;
                }

                if (block.Start.Column <= column)
                {
                    NodeOf(block, root).AddEnd(comment);
                    return;
                }

                outermost = block;
            }

            if (outermost is not null)
            {
                NodeOf(outermost, root).AddEnd(comment);
                return;
            }
        }

        if (next is null)
        {
            root.AddEnd(comment);
        }
        else
        {
            NodeOf(next.Owner!, root).AddBefore(comment);
        }
    }

    private static bool IsAncestor(Node block, Node node)
    {
        for (var parent = node.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent == block)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The last node that starts before <paramref name="index"/>; nodes are in document order, so in order of their starts.</summary>
    private static Node? LastStartedBefore(List<Node> nodes, long index)
    {
        var count = FirstAtOrAfter(nodes, n => n.Start.Index, index);
        return count > 0 ? nodes[count - 1] : null;
    }

    private static Node? FirstAnchorAfter(List<Node> anchors, long index)
    {
        var at = FirstAtOrAfter(anchors, n => n.AnchorIndex, index + 1);
        return at < anchors.Count ? anchors[at] : null;
    }

    /// <summary>The first position in <paramref name="sorted"/> whose key is at least <paramref name="index"/> (binary search).</summary>
    private static int FirstAtOrAfter(List<Node> sorted, Func<Node, long> key, long index)
    {
        var (low, high) = (0, sorted.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (key(sorted[middle]) < index)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>The comment node of a YAML node's path, made on first use.</summary>
    private static CommentNode NodeOf(Node node, CommentNode root)
    {
        if (node.Comments is not null)
        {
            return node.Comments;
        }

        if (node.Parent is null)
        {
            return node.Comments = root;
        }

        var parent = NodeOf(node.Parent, root);
        return node.Comments = node.Index >= 0 ? parent.GetOrAddItem(node.Index) : parent.GetOrAddKey(node.Segment ?? string.Empty);
    }

    private static int LineIndentation(string text, Mark comment)
    {
        var lineStart = (int)(comment.Index - comment.Column + 1);
        var i = lineStart;
        while (i < comment.Index && text[i] is ' ' or '\t')
        {
            i++;
        }

        return i - lineStart;
    }

    private static bool IsAfterContent(string text, Mark comment)
    {
        for (var i = (int)comment.Index - 1; i >= 0 && text[i] != '\n'; i--)
        {
            if (text[i] is not (' ' or '\t'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The comment as written, from its '#' to the end of its line, trailing blanks (and a CR) removed.</summary>
    private static string RawText(string text, Mark start, string value)
    {
        var from = (int)start.Index;
        if (from < text.Length && text[from] == '#')
        {
            var end = text.IndexOf('\n', from);
            return text.AsSpan(from, (end < 0 ? text.Length : end) - from).TrimEnd(" \t\r").ToString();
        }

        return ("# " + value).TrimEnd();
    }

    /// <summary>Hands the parser every token but comments, which it collects.</summary>
    private sealed class CommentCollectingScanner(Scanner inner, List<(Mark Start, string Text)> comments) : IScanner
    {
        public Mark CurrentPosition => inner.CurrentPosition;

        public Token? Current => inner.Current;

        public bool MoveNext()
        {
            while (inner.MoveNext())
            {
                if (inner.Current is not YamlDotNet.Core.Tokens.Comment comment)
                {
                    return true;
                }

                Add(comment);
            }

            return false;
        }

        public bool MoveNextWithoutConsuming()
        {
            while (inner.MoveNextWithoutConsuming())
            {
                if (inner.Current is not YamlDotNet.Core.Tokens.Comment comment)
                {
                    return true;
                }

                Add(comment);
                inner.ConsumeCurrent();
            }

            return false;
        }

        public void ConsumeCurrent() => inner.ConsumeCurrent();

        private void Add(YamlDotNet.Core.Tokens.Comment comment)
        {
            // A token is handed out once, but a comment counted twice would be written twice: guard it.
            if (comments.Count == 0 || comments[^1].Start.Index < comment.Start.Index)
            {
                comments.Add((comment.Start, comment.Value));
            }
        }
    }
}
