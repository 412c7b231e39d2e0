namespace Mesh.Dsl.Serialization;

/// <summary>Where a resource was read from: the file (null for a string) and the document's position.</summary>
public sealed class ResourceSource
{
    // What the fast path read is not kept as a tree: the text and where the document starts are
    // enough to parse it again, which happens when a position is asked for (a diagnostic).
    private readonly SourceText? _text;
    private readonly SimpleYamlParser.DocumentStart _start;
    private readonly int _root;
    private readonly YamlTree? _tree;

    // The tree's lines are counted from the start of the text parsed (a part of the file); this makes them the file's.
    private readonly int _lineOffset;

    /// <summary>A source whose tree is kept (YamlDotNet's).</summary>
    internal ResourceSource(string? file, YamlNode root, int lineOffset = 0)
    {
        File = file;
        Position = Shift(root.Position, lineOffset);
        _tree = root.Tree;
        _root = root.Index;
        _lineOffset = lineOffset;
    }

    /// <summary>A source whose tree is parsed again when needed: <paramref name="root"/> is in a tree that is about to be reused.</summary>
    internal ResourceSource(string? file, YamlNode root, SourceText text, SimpleYamlParser.DocumentStart start, int lineOffset = 0)
    {
        File = file;
        Position = Shift(root.Position, lineOffset);
        _root = root.Index;
        _text = text;
        _start = start;
        _lineOffset = lineOffset;
    }

    private static SourcePosition Shift(SourcePosition position, int lineOffset) => position with { Line = position.Line + lineOffset };

    /// <summary>The file name as given to the reader, or null when read from a string.</summary>
    public string? File { get; }

    /// <summary>The line and column where the document starts.</summary>
    public SourcePosition Position { get; }

    /// <summary>
    /// Finds where a field path (<c>spec.ports[0].number</c>) stands in the source. Falls back to the
    /// nearest enclosing node that exists, and to the document's start.
    /// </summary>
    /// <param name="path">A field path as diagnostics write it.</param>
    /// <returns>The line and column.</returns>
    public SourcePosition Locate(string path)
        => Shift(_tree is not null ? Find(new YamlNode(_tree, _root), path) : _text!.Locate(_start, _root, path), _lineOffset);

    /// <summary>Where <paramref name="path"/> stands below <paramref name="node"/> (see <see cref="Locate"/>).</summary>
    internal static SourcePosition Find(YamlNode node, string path)
    {
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                i++;
                continue;
            }

            YamlNode? next;
            if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0)
                {
                    break;
                }

                var token = path.AsSpan(i + 1, end - i - 1).Trim('"');
                i = end + 1;
                next = node.IsSequence && int.TryParse(token, out var index) && index >= 0 ? node.ItemAt(index)
                    : node.IsMapping ? node.Get(token)
                    : null;
            }
            else
            {
                var end = path.AsSpan(i).IndexOfAny('.', '[');
                end = end < 0 ? path.Length : i + end;
                next = node.IsMapping ? node.Get(path.AsSpan(i, end - i)) : null;
                i = end;
            }

            if (next is not { } found)
            {
                break;
            }

            node = found;
        }

        return node.Position;
    }
}

/// <summary>
/// A chunk of text the fast path read, shared by the sources of its resources, which parse their documents again to
/// locate paths. It is kept as UTF-8, half the memory of the string (a large validation holds every chunk of every
/// file until its diagnostics are located), and decoded again when a path in it is asked for. One chunk at a time is
/// decoded, with its parser and last tree, for all chunks: a resource's diagnostics are located one after another,
/// and resources in file order, so the chunk asked for is nearly always the one decoded last. With a warning on each
/// of the scale sample's 10,000 DestinationRules, a tree of its own per document (kept by each source, as before) was
/// most of the memory a validation held, and allocating them was most of what locating cost.
/// </summary>
internal sealed class SourceText(string text)
{
    // Threads locating at the same time take turns: the decoded chunk, its parser and its tree are one at a time.
    private static readonly Lock s_lock = new();
    private static SourceText? s_decodedFor;
    private static SimpleYamlParser? s_parser;
    private static YamlTree? s_tree;
    private static SimpleYamlParser.DocumentStart s_treeStart;

    private readonly byte[] _utf8 = MeshYaml.Utf8.GetBytes(text);

    /// <summary>Where <paramref name="path"/> stands in the resource at node <paramref name="root"/> of the document at <paramref name="start"/>.</summary>
    public SourcePosition Locate(SimpleYamlParser.DocumentStart start, int root, string path)
    {
        lock (s_lock)
        {
            if (s_decodedFor != this || s_tree is null || s_treeStart != start)
            {
                s_tree = null;
                var parser = s_decodedFor == this ? s_parser! : SimpleYamlParser.ForParsingAgain(MeshYaml.Utf8.GetString(_utf8));
                (s_decodedFor, s_parser) = (null, null); // not used again if parsing throws
                s_tree = parser.ParseAgainReused(start);
                (s_decodedFor, s_parser, s_treeStart) = (this, parser, start);
            }

            return ResourceSource.Find(new YamlNode(s_tree, root), path);
        }
    }
}
