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

    /// <summary>A source whose tree is kept (YamlDotNet's).</summary>
    internal ResourceSource(string? file, YamlNode root)
    {
        File = file;
        Position = root.Position;
        _tree = root.Tree;
        _root = root.Index;
    }

    /// <summary>A source whose tree is parsed again when needed: <paramref name="root"/> is in a tree that is about to be reused.</summary>
    internal ResourceSource(string? file, YamlNode root, SourceText text, SimpleYamlParser.DocumentStart start)
    {
        File = file;
        Position = root.Position;
        _root = root.Index;
        _text = text;
        _start = start;
    }

    /// <summary>The file name as given to the reader, or null when read from a string.</summary>
    public string? File { get; }

    /// <summary>The line and column where the document starts.</summary>
    public SourcePosition Position { get; }

    /// <summary>The resource's mapping; parsing the document again if its tree was not kept.</summary>
    internal YamlNode Root => new(_tree ?? _text!.Parse(_start), _root);

    /// <summary>
    /// Finds where a field path (<c>spec.ports[0].number</c>) stands in the source. Falls back to the
    /// nearest enclosing node that exists, and to the document's start.
    /// </summary>
    /// <param name="path">A field path as diagnostics write it.</param>
    /// <returns>The line and column.</returns>
    public SourcePosition Locate(string path)
    {
        var node = Root;
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
/// A text the fast path read, shared by the sources of its resources, with the document that was parsed
/// again last: the diagnostics of one resource are located one after another, so its document is parsed
/// once for them. One tree per text rather than one per resource: with a warning on every resource of a
/// large file, the trees kept by the resources were most of the memory a validation held.
/// </summary>
internal sealed class SourceText(string text)
{
    // Swapped whole, so threads locating at the same time at worst parse a document again.
    private ParsedDocument? _last;

    /// <summary>The tree of the document at <paramref name="start"/>.</summary>
    public YamlTree Parse(SimpleYamlParser.DocumentStart start)
    {
        var last = Volatile.Read(ref _last);
        if (last is null || last.Start != start)
        {
            last = new ParsedDocument(start, SimpleYamlParser.ParseAgain(text, start));
            Volatile.Write(ref _last, last);
        }

        return last.Tree;
    }

    private sealed record ParsedDocument(SimpleYamlParser.DocumentStart Start, YamlTree Tree);
}
