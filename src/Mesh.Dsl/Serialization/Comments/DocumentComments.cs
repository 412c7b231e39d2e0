using System.Text;

namespace Mesh.Dsl.Serialization.Comments;

/// <summary>
/// The comments of one YAML document, each attached to the field path it annotates: the lines above
/// the document (<see cref="Head"/>), lines above a key or list item, comments at the end of a line, and
/// lines at the end of a mapping or list (<see cref="CommentNode"/>). The canonical writer puts each back
/// beside its field wherever the field is written; an importer can turn them into comments of its own.
/// </summary>
internal sealed class DocumentComments
{
    /// <summary>A document without comments.</summary>
    public static readonly DocumentComments None = new([], new CommentNode(), 0);

    public DocumentComments(IReadOnlyList<SourceComment> head, CommentNode root, int count)
    {
        Head = head;
        Root = root;
        Count = count;
    }

    /// <summary>Comment lines above the document's first key (for a file's first document, the file's head comment).</summary>
    public IReadOnlyList<SourceComment> Head { get; }

    /// <summary>The document's root mapping; its <see cref="CommentNode.End"/> holds the lines after the document's last entry.</summary>
    public CommentNode Root { get; }

    /// <summary>How many comments the document has; their <see cref="SourceComment.Ordinal"/>s are 0 to Count - 1.</summary>
    public int Count { get; }

    public bool IsEmpty => Count == 0;

    /// <summary>Finds the comments of the text of one document; <see cref="None"/> when it has none.</summary>
    /// <param name="documentText">The document's text: what stands between its <c>---</c> separators, the separators allowed.</param>
    public static DocumentComments Extract(string documentText) => CommentExtractor.Extract(documentText);

    /// <summary>Every comment of the document, in source order.</summary>
    public List<SourceComment> AllInSourceOrder()
    {
        var all = new List<SourceComment>(Head);
        Root.CollectAll(all);
        all.Sort((a, b) => a.Ordinal.CompareTo(b.Ordinal));
        return all;
    }

    /// <summary>
    /// The node of a field path, in the form diagnostics use (<c>spec.ports[0].name</c>,
    /// <c>metadata.labels["app"]</c>; <c>metadata.labels.app</c> too), or null when nothing at or below it has a comment.
    /// </summary>
    public CommentNode? Find(string path)
    {
        var node = Root;
        var i = 0;
        while (i < path.Length && node is not null)
        {
            if (path[i] == '.')
            {
                i++;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0)
                {
                    return null;
                }

                var token = path.AsSpan(i + 1, end - i - 1);
                node = token.Length >= 2 && token[0] == '"' && token[^1] == '"' ? node.Key(token[1..^1])
                    : int.TryParse(token, out var index) ? node.Item(index) ?? node.Key(token)
                    : node.Key(token);
                i = end + 1;
            }
            else
            {
                var end = path.AsSpan(i).IndexOfAny('.', '[');
                end = end < 0 ? path.Length : i + end;
                node = node.Key(path.AsSpan(i, end - i));
                i = end;
            }
        }

        return node;
    }

    /// <summary>
    /// Every node that has comments of its own, with its path in source order (the root, whose comments are
    /// the lines at the document's end, as the empty path). Keys that are not identifiers are written
    /// <c>["app.kubernetes.io/name"]</c>, number keys <c>[9080]</c>.
    /// </summary>
    public IEnumerable<(string Path, CommentNode Node)> Paths()
    {
        var found = new List<(string, CommentNode)>();
        Visit(Root, new StringBuilder(), found);
        return found;
    }

    private static void Visit(CommentNode node, StringBuilder path, List<(string, CommentNode)> found)
    {
        if (node.Before is not null || node.Trailing is not null || node.End is not null)
        {
            found.Add((path.ToString(), node));
        }

        foreach (var (key, index, child) in node.Children)
        {
            var length = path.Length;
            if (key is null)
            {
                path.Append('[').Append(index).Append(']');
            }
            else if (IsIdentifier(key))
            {
                (length > 0 ? path.Append('.') : path).Append(key);
            }
            else if (key.Length > 0 && key.All(char.IsAsciiDigit))
            {
                path.Append('[').Append(key).Append(']');
            }
            else
            {
                path.Append("[\"").Append(key.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append("\"]");
            }

            Visit(child, path, found);
            path.Length = length;
        }
    }

    private static bool IsIdentifier(string key)
        => key.Length > 0 && (char.IsAsciiLetter(key[0]) || key[0] == '_') && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
