namespace Mesh.Dsl.Serialization;

/// <summary>Where a resource was read from: the file (null for a string) and the document's position.</summary>
public sealed class ResourceSource
{
    internal ResourceSource(string? file, YamlNode root)
    {
        File = file;
        Root = root;
    }

    /// <summary>The file name as given to the reader, or null when read from a string.</summary>
    public string? File { get; }

    /// <summary>The line and column where the document starts.</summary>
    public SourcePosition Position => Root.Position;

    internal YamlNode Root { get; }

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
