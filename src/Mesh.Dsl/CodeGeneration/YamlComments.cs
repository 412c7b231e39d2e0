using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Mesh.Dsl.CodeGeneration;

/// <summary>
/// The comments of a YAML text, per document, each keyed by the field path of the node it stands above
/// (or, for a comment at the end of a line, of the node on that line). A seam: the loader's own comment
/// extraction replaces it when it lands.
/// </summary>
internal static class YamlComments
{
    /// <summary>For each document, the line its root mapping starts on and its comments.</summary>
    public static List<(int Line, List<(string Path, string Text)> Comments)> Read(string text)
    {
        var documents = new List<(int Line, List<(string Path, string Text)> Comments)>();
        var pending = new List<string>();
        var frames = new Stack<Frame>();
        List<(string Path, string Text)>? current = null;
        var lastPath = string.Empty;
        try
        {
            var parser = new Parser(new Scanner(new StringReader(text), skipComments: false));
            while (parser.MoveNext())
            {
                var parsed = parser.Current!;
                if (parsed is Comment comment)
                {
                    var line = comment.Value.StartsWith(' ') ? comment.Value[1..] : comment.Value;
                    if (comment.IsInline && current is not null)
                    {
                        current.Add((lastPath, line));
                    }
                    else
                    {
                        pending.Add(line);
                    }

                    continue;
                }

                if (parsed is DocumentStart)
                {
                    frames.Clear();
                    current = null;
                    continue;
                }

                if (parsed is DocumentEnd)
                {
                    continue;
                }

                if (parsed is MappingEnd or SequenceEnd)
                {
                    frames.Pop();
                    if (frames.TryPeek(out var parent))
                    {
                        parent.ValueDone();
                    }

                    continue;
                }

                if (parsed is not NodeEvent node)
                {
                    continue;
                }

                if (frames.Count == 0)
                {
                    current = new List<(string, string)>();
                    documents.Add(((int)node.Start.Line, current));
                }

                string path;
                if (!frames.TryPeek(out var frame))
                {
                    path = string.Empty;
                }
                else if (frame.IsMapping && frame.ExpectingKey)
                {
                    var key = (node as Scalar)?.Value ?? "?";
                    frame.Key(key);
                    lastPath = frame.ChildPath;
                    Flush(pending, current!, lastPath);
                    continue;
                }
                else
                {
                    path = frame.IsMapping ? frame.ChildPath : frame.NextItemPath();
                    if (!frame.IsMapping)
                    {
                        Flush(pending, current!, path);
                    }
                }

                lastPath = path;
                if (node is MappingStart)
                {
                    frames.Push(new Frame(path, isMapping: true));
                }
                else if (node is SequenceStart)
                {
                    frames.Push(new Frame(path, isMapping: false));
                }
                else if (frames.TryPeek(out var owner))
                {
                    owner.ValueDone();
                }
            }
        }
        catch (YamlException)
        {
            // The strict reader reports what is wrong with the text; its comments are only lost from the code.
        }

        if (pending.Count > 0 && documents.Count > 0)
        {
            Flush(pending, documents[^1].Comments, string.Empty);
        }

        return documents;
    }

    private static void Flush(List<string> pending, List<(string Path, string Text)> into, string path)
    {
        foreach (var line in pending)
        {
            into.Add((path, line));
        }

        pending.Clear();
    }

    private sealed class Frame(string path, bool isMapping)
    {
        private int _index;
        private string _key = string.Empty;

        public bool IsMapping { get; } = isMapping;

        public bool ExpectingKey { get; private set; } = true;

        public string ChildPath => path.Length == 0 ? _key : path + "." + _key;

        public void Key(string key)
        {
            _key = key;
            ExpectingKey = false;
        }

        public void ValueDone() => ExpectingKey = true;

        public string NextItemPath() => path + "[" + (_index++).ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
    }
}
