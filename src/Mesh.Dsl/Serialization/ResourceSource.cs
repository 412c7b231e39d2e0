namespace Mesh.Dsl.Serialization;

/// <summary>Where a resource was read from: the file (null for a string) and the document's position.</summary>
public sealed class ResourceSource
{
    internal ResourceSource(string? file, SourcePosition position, YamlMapping root)
    {
        File = file;
        Position = position;
        Root = root;
    }

    /// <summary>The file name as given to the reader, or null when read from a string.</summary>
    public string? File { get; }

    /// <summary>The line and column where the document starts.</summary>
    public SourcePosition Position { get; }

    internal YamlMapping Root { get; }

    /// <summary>
    /// Finds where a field path (<c>spec.ports[0].number</c>) stands in the source. Falls back to the
    /// nearest enclosing node that exists, and to the document's start.
    /// </summary>
    /// <param name="path">A field path as diagnostics write it.</param>
    /// <returns>The line and column.</returns>
    public SourcePosition Locate(string path)
    {
        YamlNode node = Root;
        var best = Root.Position;
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

                var token = path[(i + 1)..end].Trim('"');
                i = end + 1;
                next = node switch
                {
                    YamlSequence sequence when int.TryParse(token, out var index) && index >= 0 && index < sequence.Items.Length => sequence.Items[index],
                    YamlMapping mapping => mapping.Get(token),
                    _ => null,
                };
            }
            else
            {
                var end = path.IndexOfAny(['.', '['], i);
                if (end < 0)
                {
                    end = path.Length;
                }

                next = node is YamlMapping mapping ? mapping.Get(path[i..end]) : null;
                i = end;
            }

            if (next is null)
            {
                break;
            }

            node = next;
            best = node.Position;
        }

        return best;
    }
}
