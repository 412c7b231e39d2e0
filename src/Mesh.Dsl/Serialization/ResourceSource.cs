namespace Mesh.Dsl.Serialization;

/// <summary>Where a resource was read from: the file (null for a string) and the document's position.</summary>
public sealed class ResourceSource
{
    // What was read is not kept as a tree: the text it came from (or where that text is in its file) and where the
    // document starts are enough to parse it again, which happens when a position is asked for (a diagnostic).
    // A large validation holds one source per resource, so it is a few numbers and a reference to a shared text.
    private readonly SourceText _text;
    private readonly int _document;
    private readonly int _documentLine;
    private readonly int _root;

    /// <summary>
    /// The source of the resource at <paramref name="root"/>: in the fast path's document that starts at index
    /// <paramref name="document"/> and line <paramref name="documentLine"/> of <paramref name="text"/>, or in
    /// YamlDotNet's document number <paramref name="document"/> of it.
    /// </summary>
    internal ResourceSource(SourceText text, YamlNode root, int document, int documentLine)
    {
        _text = text;
        _document = document;
        _documentLine = documentLine;
        _root = root.Index;
        Position = root.Position with { Line = root.Position.Line + text.LineOffset };
    }

    /// <summary>The file name as given to the reader, or null when read from a string.</summary>
    public string? File => _text.File;

    /// <summary>The text the resource was read from, shared with the other resources of its chunk.</summary>
    internal SourceText Text => _text;

    /// <summary>The line and column where the document starts.</summary>
    public SourcePosition Position { get; }

    /// <summary>
    /// Finds where a field path (<c>spec.ports[0].number</c>) stands in the source. Falls back to the
    /// nearest enclosing node that exists, and to the document's start (also when the file it was read from has
    /// changed since, or is gone: a file's text is not kept, but read again to locate a path).
    /// </summary>
    /// <param name="path">A field path as diagnostics write it.</param>
    /// <returns>The line and column.</returns>
    public SourcePosition Locate(string path) => _text.Locate(_document, _documentLine, _root, path) ?? Position;

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
