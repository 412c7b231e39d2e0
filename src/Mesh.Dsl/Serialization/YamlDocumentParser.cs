using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Mesh.Dsl.Serialization;

/// <summary>
/// Turns YAML (JSON is read as the YAML it is) into <see cref="YamlNode"/> trees, one per document,
/// with positions. Hostile input is bounded: nesting depth, line and scalar length and alias expansion
/// have limits that end in a clear error instead of a stack overflow, an exponential blow-up or
/// YamlDotNet's quadratic scan of deeply nested flow collections (events are consumed as they are
/// parsed, so the depth limit stops the scan too).
/// </summary>
internal static class YamlDocumentParser
{
    /// <summary>Deeper than any Istio resource needs (the deepest is about 12 levels).</summary>
    public const int MaxDepth = 100;

    /// <summary>Inline PEM bundles are the largest legitimate scalars; a mebibyte is far beyond them.</summary>
    public const int MaxScalarLength = 1 << 20;

    /// <summary>How many nodes aliases may add to one document when expanded.</summary>
    public const long MaxAliasExpansion = 100_000;

    private static readonly string TooLong = $"a value is longer than the limit of {MaxScalarLength:N0} characters";

    /// <summary>The error for a quoted scalar whose escapes name half of a UTF-16 surrogate pair without the other half.</summary>
    internal const string LoneSurrogateEscape = "invalid YAML: a quoted scalar after this point escapes a lone UTF-16 surrogate (one of \\ud800 to \\udfff without its other half), half of a character; escape whole characters (\\U0001F600 or \\ud83d\\ude00)";

    /// <summary>A document: its root (null when it has none) and where it starts.</summary>
    public readonly record struct Document(YamlNode? Root, SourcePosition Position);

    /// <summary>What <see cref="Parse"/> found: the complete documents, and the syntax or limit error that stopped it, if any.</summary>
    public sealed record Result(List<Document> Documents, SourcePosition ErrorPosition, string? Error);

    /// <summary>
    /// Parses every document with YamlDotNet. A syntax or limit error stops the parse (YAML cannot resume after one);
    /// the documents before it are returned, the one it is in is not.
    /// </summary>
    public static Result Parse(TextReader reader)
    {
        var documents = new List<Document>();
        if (reader.Peek() == '\uFEFF')
        {
            reader.Read(); // a byte order mark left in a string; YamlDotNet would make it part of the first key
        }

        var input = new GuardedReader(reader);
        var parser = new GuardedParser(new Parser(input));
        var tree = new YamlTreeBuilder(string.Empty); // every value is YamlDotNet's string: nothing is a slice of a text
        try
        {
            parser.Consume<StreamStart>();
            while (parser.TryConsume<DocumentStart>(out var start))
            {
                YamlNode? root = null;
                if (!parser.Accept<DocumentEnd>(out _))
                {
                    ReadNode(parser, tree);
                    root = tree.Finish().Root;
                }

                parser.Consume<DocumentEnd>();
                documents.Add(new Document(root, ToPosition(start.Start)));
            }

            parser.Consume<StreamEnd>();
        }
        catch (YamlException exception)
        {
            var (position, isTab) = PositionOf(exception, parser, input);
            return new Result(documents, position, isTab ? "invalid YAML: a tab indents this line; YAML indents with spaces only" : "invalid YAML: " + CleanMessage(exception.Message));
        }
        catch (LimitException exception)
        {
            return new Result(documents, exception.Position, exception.Message);
        }

        return new Result(documents, default, null);
    }

    private sealed class LimitException(SourcePosition position, string message) : Exception(message)
    {
        public SourcePosition Position { get; } = position;
    }

    /// <summary>
    /// Turns the few other exceptions YamlDotNet throws on malformed input (an InvalidOperationException
    /// on a stray "[" before a block mapping key, an ArgumentException on a tag like <c>!!]</c>) into
    /// an error after the last event it could parse, so that no exception escapes the reader.
    /// </summary>
    private sealed class GuardedParser(IParser inner) : IParser
    {
        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            try
            {
                return inner.MoveNext();
            }
            catch (ArgumentOutOfRangeException exception) when (exception.ParamName is "highSurrogate" or "lowSurrogate")
            {
                // YamlDotNet joins "\ud83d\ude00" into one character with char.ConvertToUtf32, which throws when the two
                // escapes are not the halves of a pair ("\ud800\u0041", "\udc00\ud800"). Its scanner's position is lost.
                throw new LimitException(ToPosition(inner.Current?.End ?? Mark.Empty), LoneSurrogateEscape);
            }
            catch (Exception exception) when (exception is not (YamlException or LimitException or OutOfMemoryException))
            {
                throw new LimitException(ToPosition(inner.Current?.End ?? Mark.Empty), "invalid YAML: it cannot be parsed after this point");
            }
        }
    }

    /// <summary>An open mapping or sequence.</summary>
    private sealed class Frame(int node, bool isMapping)
    {
        public readonly int Node = node;
        public readonly bool IsMapping = isMapping;
        public YamlTreeBuilder.MappingKeys Keys = new(node);
        public int Items;

        /// <summary>True between a mapping's key and its value.</summary>
        public bool HasPendingKey;

        /// <summary>True while the value of a duplicate key is read: readers skip it.</summary>
        public bool SkipValue;

        /// <summary>True while the value of a merge key (<c>&lt;&lt;</c>) is read.</summary>
        public bool MergeValue;

        /// <summary>The values of the mapping's merge keys, merged when it ends.</summary>
        public List<int>? Merges;
    }

    /// <summary>
    /// Reads a document's root node into <paramref name="tree"/>. How many nodes each node spans once
    /// aliases are expanded is counted as it is read (a collection's count grows with its children,
    /// also while an alias refers to it from inside), for the alias expansion limit.
    /// </summary>
    private static void ReadNode(IParser parser, YamlTreeBuilder tree)
    {
        var anchors = new Dictionary<string, int>(StringComparer.Ordinal);
        var expandedSizes = new List<long>();
        var stack = new Stack<Frame>();
        long aliasExpansion = 0;
        while (true)
        {
            var parsingEvent = parser.Consume<ParsingEvent>();
            int node;
            switch (parsingEvent)
            {
                case Scalar scalar:
                    if (scalar.Value.Length > MaxScalarLength)
                    {
                        throw new LimitException(ToPosition(scalar.Start), TooLong);
                    }

                    node = tree.AddScalar(ToPosition(scalar.Start), scalar.Value, scalar.Style == ScalarStyle.Plain, ScalarTag(scalar));
                    expandedSizes.Add(1);
                    Remember(scalar.Anchor, node, anchors);
                    break;
                case AnchorAlias alias:
                    if (!anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        throw new LimitException(ToPosition(alias.Start), $"alias *{alias.Value.Value} refers to no anchor (&{alias.Value.Value}) before it in this document");
                    }

                    aliasExpansion = SaturatingAdd(aliasExpansion, expandedSizes[target]);
                    if (aliasExpansion > MaxAliasExpansion)
                    {
                        throw new LimitException(ToPosition(alias.Start), $"aliases expand this document beyond {MaxAliasExpansion:N0} values (an alias bomb?)");
                    }

                    node = tree.AddAlias(target);
                    expandedSizes.Add(expandedSizes[target]);
                    break;
                case MappingStart mappingStart:
                    CheckDepth(stack, mappingStart.Start);
                    CheckCollectionTag(mappingStart.Tag, "!!map", "a mapping", mappingStart.Start);
                    node = tree.BeginCollection(isMapping: true, ToPosition(mappingStart.Start));
                    expandedSizes.Add(1);
                    Remember(mappingStart.Anchor, node, anchors);
                    stack.Push(new Frame(node, isMapping: true));
                    continue;
                case SequenceStart sequenceStart:
                    CheckDepth(stack, sequenceStart.Start);
                    CheckCollectionTag(sequenceStart.Tag, "!!seq", "a list", sequenceStart.Start);
                    node = tree.BeginCollection(isMapping: false, ToPosition(sequenceStart.Start));
                    expandedSizes.Add(1);
                    Remember(sequenceStart.Anchor, node, anchors);
                    stack.Push(new Frame(node, isMapping: false));
                    continue;
                case MappingEnd:
                case SequenceEnd:
                    var frame = stack.Pop();
                    node = frame.Node;
                    if (frame.IsMapping)
                    {
                        if (frame.Merges is not null)
                        {
                            Merge(tree, frame, expandedSizes);
                        }

                        tree.EndMapping(frame.Keys);
                    }
                    else
                    {
                        tree.EndSequence(node, frame.Items);
                    }

                    break;
                default:
                    throw new LimitException(ToPosition(parsingEvent.Start), $"unexpected YAML event {parsingEvent.GetType().Name}");
            }

            if (stack.Count == 0)
            {
                return;
            }

            AddToParent(tree, stack.Peek(), node, expandedSizes);
        }
    }

    private static void AddToParent(YamlTreeBuilder tree, Frame parent, int node, List<long> expandedSizes)
    {
        if (!parent.IsMapping)
        {
            parent.Items++;
            expandedSizes[parent.Node] = SaturatingAdd(expandedSizes[parent.Node], expandedSizes[node]);
            return;
        }

        if (!parent.HasPendingKey)
        {
            if (tree.KindOf(node) is var kind && kind != YamlTree.NodeFlags.Scalar)
            {
                throw new LimitException(tree.PositionOf(node), $"a key must be a plain value such as a name, not {(kind == YamlTree.NodeFlags.Mapping ? "a mapping" : "a list")}");
            }

            parent.HasPendingKey = true;
            if (tree.IsMergeKey(node))
            {
                tree.MarkMergeKey(node);
                parent.MergeValue = true;
                return;
            }

            // A duplicate is reported by the reader of the mapping, with the field path; the first value is kept.
            parent.SkipValue = !tree.AddKey(ref parent.Keys, node);
            return;
        }

        if (parent.MergeValue)
        {
            (parent.Merges ??= new()).Add(node);
            parent.MergeValue = false;
            parent.HasPendingKey = false;
            return;
        }

        if (!parent.SkipValue)
        {
            expandedSizes[parent.Node] = SaturatingAdd(expandedSizes[parent.Node], SaturatingAdd(1, expandedSizes[node]));
        }

        parent.HasPendingKey = false;
        parent.SkipValue = false;
    }

    /// <summary>
    /// Applies a mapping's merge keys (YAML's <c>&lt;&lt;: *defaults</c>, or a list of such mappings) as it ends: each
    /// key of a merged mapping the mapping does not have yet is added as an alias of that key and its value. The
    /// mapping's own keys win wherever they are written, and an earlier merged mapping wins over a later one, as the
    /// merge key's definition says. Nothing is copied, so the alias limit that counted the merged mappings holds.
    /// </summary>
    private static void Merge(YamlTreeBuilder tree, Frame frame, List<long> expandedSizes)
    {
        foreach (var value in frame.Merges!)
        {
            var sources = tree.KindOf(value) switch
            {
                YamlTree.NodeFlags.Mapping => [value],
                YamlTree.NodeFlags.Sequence => tree.ItemsOf(value),
                _ => throw NotMergeable(tree, value),
            };
            foreach (var source in sources)
            {
                if (tree.KindOf(source) != YamlTree.NodeFlags.Mapping)
                {
                    throw NotMergeable(tree, source);
                }

                if (tree.IsOpen(source))
                {
                    throw new LimitException(tree.PositionOf(source), "a merge key (<<) cannot merge a mapping into itself");
                }

                foreach (var (key, entryValue) in tree.EntriesOf(source))
                {
                    if (tree.HasKey(frame.Keys, key))
                    {
                        continue;
                    }

                    tree.AddKey(ref frame.Keys, tree.AddAlias(key));
                    expandedSizes.Add(1);
                    tree.AddAlias(entryValue);
                    expandedSizes.Add(expandedSizes[entryValue]);
                    expandedSizes[frame.Node] = SaturatingAdd(expandedSizes[frame.Node], SaturatingAdd(1, expandedSizes[entryValue]));
                }
            }
        }
    }

    private static LimitException NotMergeable(YamlTreeBuilder tree, int node)
        => new(tree.PositionOf(node), "a merge key (<<) takes a mapping or a list of mappings, such as <<: *defaults");

    /// <summary>
    /// A scalar's tag, as the readers use it: YAML's core tags in their short form (<c>!!str</c>, <c>!!int</c>,
    /// <c>!!float</c>, <c>!!bool</c>, <c>!!null</c>), the non-specific <c>!</c> as <c>!!str</c> (YAML makes such a
    /// scalar a string), null for none. Kubernetes turns YAML into JSON before anything reads it (sigs.k8s.io/yaml), and
    /// JSON knows only strings, numbers, booleans and null: so <c>number: !!str 9080</c> is the string "9080" and
    /// refused where an integer is expected, <c>!!int "80"</c> is the integer 80, and every other tag (<c>!!binary</c>,
    /// <c>!!timestamp</c>, <c>!Ref</c>, ...) is refused rather than silently read as a string, as Kubernetes would.
    /// </summary>
    private static string? ScalarTag(Scalar scalar)
    {
        var tag = scalar.Tag;
        if (tag.IsEmpty)
        {
            return null;
        }

        if (tag.IsNonSpecific)
        {
            // YamlDotNet marks "!" non-specific, and also the "?" it gives every untagged node.
            return tag.Value == "!" ? "!!str" : null;
        }

        var shortTag = ShortTag(tag.Value);
        return shortTag is "!!str" or "!!int" or "!!float" or "!!bool" or "!!null"
            ? shortTag
            : throw new LimitException(ToPosition(scalar.Start), UnsupportedTag(shortTag, "!!str, !!int, !!float, !!bool or !!null"));
    }

    private static void CheckCollectionTag(TagName tag, string allowed, string what, Mark start)
    {
        if (!tag.IsEmpty && !tag.IsNonSpecific && ShortTag(tag.Value) is var shortTag && shortTag != allowed)
        {
            throw new LimitException(ToPosition(start), UnsupportedTag(shortTag, $"{allowed} on {what}"));
        }
    }

    private static string ShortTag(string tag)
        => tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) ? "!!" + tag["tag:yaml.org,2002:".Length..] : tag;

    private static string UnsupportedTag(string tag, string allowed)
        => $"the tag {ReadContext.Quote(tag)[1..^1]} is not supported here: Kubernetes reads YAML as JSON, so only {allowed} can be given; remove the tag";

    private static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    private static void CheckDepth(Stack<Frame> stack, Mark start)
    {
        if (stack.Count >= MaxDepth)
        {
            throw new LimitException(ToPosition(start), $"nesting deeper than {MaxDepth} levels");
        }
    }

    private static void Remember(AnchorName anchor, int node, Dictionary<string, int> anchors)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node;
        }
    }

    private static SourcePosition ToPosition(Mark mark) => new((int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    /// <summary>
    /// Where a YamlDotNet error is. Its tab errors point at the mapping or scalar before the tab, or
    /// carry no position at all: those go to the first tab that indents a line after that point. Other
    /// errors without a position go just after the last parsed event.
    /// </summary>
    private static (SourcePosition Position, bool IsTab) PositionOf(YamlException exception, IParser parser, GuardedReader input)
    {
        var hasPosition = exception.Start.Index > 0 || exception.End.Index > 0;
        var after = hasPosition ? exception.Start : parser.Current?.End ?? Mark.Empty;
        if (exception.Message.Contains("tab", StringComparison.Ordinal) && input.IndentingTabAfter(after.Index) is { } tab)
        {
            return (tab, true);
        }

        return (ToPosition(after), false);
    }

    private static string CleanMessage(string message)
    {
        // YamlDotNet may prefix "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the position is reported separately.
        var index = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && index >= 0)
        {
            message = message[(index + 3)..];
        }

        message = message.TrimEnd('.', ' ');
        return message.Length > 0 ? char.ToLowerInvariant(message[0]) + message[1..] : "unreadable input";
    }

    /// <summary>
    /// Passes the text to YamlDotNet, watching two things on the way. A run of characters without a
    /// line break or flow indicator (<c>,[]{}</c>) longer than a scalar may be (plus room for a key)
    /// can only be a too long value: it fails at once, not after YamlDotNet has scanned all 50 MB of it.
    /// And the positions of the last few tabs that indent a line, for the one YamlDotNet error without a position.
    /// </summary>
    private sealed class GuardedReader(TextReader inner) : TextReader
    {
        private const int MaxRun = MaxScalarLength + 4096;
        private const int TabsKept = 32;
        private readonly (long Index, SourcePosition Position)[] _tabs = new (long, SourcePosition)[TabsKept];
        private int _tabCount;
        private long _index;
        private int _line = 1;
        private int _column;
        private bool _inIndentation = true;
        private bool _afterCarriageReturn;
        private int _run;
        private SourcePosition _runStart;

        // A high surrogate read, waiting for its low half: only a pair is a character.
        private char _highSurrogate;
        private SourcePosition _highSurrogateAt;

        public SourcePosition? IndentingTabAfter(long index)
        {
            var count = Math.Min(_tabCount, TabsKept);
            for (var i = _tabCount - count; i < _tabCount; i++)
            {
                var (tabIndex, position) = _tabs[i % TabsKept];
                if (tabIndex >= index)
                {
                    return position;
                }
            }

            return null;
        }

        public override int Peek() => inner.Peek();

        public override int Read()
        {
            var c = inner.Read();
            if (c >= 0)
            {
                Track((char)c);
            }
            else
            {
                EndOfText();
            }

            return c;
        }

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            var read = inner.Read(buffer);
            foreach (var c in buffer[..read])
            {
                Track(c);
            }

            if (read == 0 && !buffer.IsEmpty)
            {
                EndOfText();
            }

            return read;
        }

        private void Track(char c)
        {
            if (_highSurrogate != '\0' || char.IsSurrogate(c))
            {
                TrackSurrogate(c);
            }

            _index++;
            if (c is '\n' or '\r')
            {
                if (!(c == '\n' && _afterCarriageReturn))
                {
                    _line++;
                }

                _column = 0;
                _run = 0;
                _inIndentation = true;
                _afterCarriageReturn = c == '\r';
                return;
            }

            _afterCarriageReturn = false;
            _column++;
            if (_inIndentation)
            {
                if (c == ' ')
                {
                    return;
                }

                if (c == '\t')
                {
                    _tabs[_tabCount++ % TabsKept] = (_index - 1, new SourcePosition(_line, _column));
                    return;
                }

                _inIndentation = false;
            }

            if (c is ',' or '[' or ']' or '{' or '}')
            {
                _run = 0;
                return;
            }

            if (_run++ == 0)
            {
                _runStart = new SourcePosition(_line, _column);
            }
            else if (_run > MaxRun)
            {
                throw new LimitException(_runStart, TooLong);
            }
        }

        /// <summary>
        /// Refuses a lone surrogate in the text itself, which only a string or a <see cref="TextReader"/> can hold (a
        /// file's bytes are decoded strictly): YamlDotNet would take it into a value, which no YAML, JSON or UTF-8 file
        /// can hold and no writer writes.
        /// </summary>
        private void TrackSurrogate(char c)
        {
            if (_highSurrogate != '\0')
            {
                if (!char.IsLowSurrogate(c))
                {
                    throw LoneSurrogate(_highSurrogateAt, _highSurrogate);
                }

                _highSurrogate = '\0';
                return;
            }

            var at = new SourcePosition(_line, _column + 1); // c is no line break: it is in the current line
            if (char.IsLowSurrogate(c))
            {
                throw LoneSurrogate(at, c);
            }

            (_highSurrogate, _highSurrogateAt) = (c, at);
        }

        private void EndOfText()
        {
            if (_highSurrogate != '\0')
            {
                throw LoneSurrogate(_highSurrogateAt, _highSurrogate);
            }
        }

        private static LimitException LoneSurrogate(SourcePosition at, char c)
            => new(at, $"invalid text: a lone UTF-16 surrogate (U+{(int)c:X4}), half of a character, which YAML, JSON and UTF-8 cannot hold; give whole characters");
    }
}
