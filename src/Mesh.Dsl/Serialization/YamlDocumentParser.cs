using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Mesh.Dsl.Serialization;

/// <summary>
/// Turns YAML (JSON is read as the YAML it is) into <see cref="YamlNode"/> trees, one per document,
/// with positions. Hostile input is bounded: nesting depth, scalar length and alias expansion have
/// limits that end in a clear error instead of a stack overflow or an exponential blow-up.
/// </summary>
internal static class YamlDocumentParser
{
    /// <summary>Deeper than any Istio resource needs (the deepest is about 12 levels).</summary>
    public const int MaxDepth = 100;

    /// <summary>Inline PEM bundles are the largest legitimate scalars; a mebibyte is far beyond them.</summary>
    public const int MaxScalarLength = 1 << 20;

    /// <summary>How many nodes aliases may add to one document when expanded.</summary>
    public const long MaxAliasExpansion = 100_000;

    public sealed record Document(YamlNode? Root, SourcePosition Position);

    /// <summary>Parses every document; on a syntax or limit error records it and stops (YAML cannot resume after one).</summary>
    public static List<Document> Parse(TextReader reader, ReadContext context)
    {
        var documents = new List<Document>();
        var parser = new Parser(reader);
        try
        {
            parser.Consume<StreamStart>();
            while (parser.TryConsume<DocumentStart>(out var start))
            {
                var anchors = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
                var root = parser.Accept<DocumentEnd>(out _) ? null : ReadNode(parser, anchors, context);
                parser.Consume<DocumentEnd>();
                documents.Add(new Document(root, ToPosition(start.Start)));
            }

            parser.Consume<StreamEnd>();
        }
        catch (YamlException exception)
        {
            context.Error(ToPosition(exception.Start), "invalid YAML: " + CleanMessage(exception.Message));
        }
        catch (LimitException exception)
        {
            context.Error(exception.Position, exception.Message);
        }

        return documents;
    }

    private sealed class LimitException(SourcePosition position, string message) : Exception(message)
    {
        public SourcePosition Position { get; } = position;
    }

    private sealed class Frame(YamlNode node)
    {
        public YamlNode Node { get; } = node;

        public YamlScalar? PendingKey { get; set; }

        public HashSet<string>? Keys { get; set; }
    }

    private static YamlNode ReadNode(IParser parser, Dictionary<string, YamlNode> anchors, ReadContext context)
    {
        var stack = new Stack<Frame>();
        long aliasExpansion = 0;
        YamlNode? completed = null;
        while (true)
        {
            var parsingEvent = parser.Consume<ParsingEvent>();
            YamlNode? node = null;
            switch (parsingEvent)
            {
                case Scalar scalar:
                    if (scalar.Value.Length > MaxScalarLength)
                    {
                        throw new LimitException(ToPosition(scalar.Start), $"a scalar of {scalar.Value.Length:N0} characters is longer than the limit of {MaxScalarLength:N0}");
                    }

                    node = new YamlScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, TagOf(scalar.Tag), ToPosition(scalar.Start));
                    Remember(scalar.Anchor, node, anchors);
                    break;
                case AnchorAlias alias:
                    if (!anchors.TryGetValue(alias.Value.Value, out node))
                    {
                        throw new LimitException(ToPosition(alias.Start), $"alias *{alias.Value.Value} refers to no anchor");
                    }

                    aliasExpansion = YamlMapping.SaturatingAdd(aliasExpansion, node.ExpandedSize);
                    if (aliasExpansion > MaxAliasExpansion)
                    {
                        throw new LimitException(ToPosition(alias.Start), $"aliases expand this document beyond {MaxAliasExpansion:N0} nodes (an alias bomb?)");
                    }

                    break;
                case MappingStart mappingStart:
                    CheckDepth(stack, mappingStart.Start);
                    var mapping = new YamlMapping(ToPosition(mappingStart.Start));
                    Remember(mappingStart.Anchor, mapping, anchors);
                    stack.Push(new Frame(mapping));
                    continue;
                case SequenceStart sequenceStart:
                    CheckDepth(stack, sequenceStart.Start);
                    var sequence = new YamlSequence(ToPosition(sequenceStart.Start));
                    Remember(sequenceStart.Anchor, sequence, anchors);
                    stack.Push(new Frame(sequence));
                    continue;
                case MappingEnd:
                case SequenceEnd:
                    node = stack.Pop().Node;
                    break;
                default:
                    throw new LimitException(ToPosition(parsingEvent.Start), $"unexpected YAML event {parsingEvent.GetType().Name}");
            }

            if (stack.Count == 0)
            {
                completed = node;
                break;
            }

            AddToParent(stack.Peek(), node!, context);
        }

        return completed!;
    }

    private static void AddToParent(Frame parent, YamlNode node, ReadContext context)
    {
        if (parent.Node is YamlSequence sequence)
        {
            sequence.Add(node);
            return;
        }

        var mapping = (YamlMapping)parent.Node;
        if (parent.PendingKey is null)
        {
            if (node is not YamlScalar key)
            {
                throw new LimitException(node.Position, "mapping keys must be plain values, not lists or mappings");
            }

            parent.Keys ??= new HashSet<string>(StringComparer.Ordinal);
            if (!parent.Keys.Add(key.Value))
            {
                var first = mapping.Entries.First(e => e.Key.Value == key.Value).Key;
                context.Error(key, $"duplicate key \"{key.Value}\" (first at line {first.Position.Line})");
            }

            parent.PendingKey = key;
            return;
        }

        mapping.Add(parent.PendingKey, node);
        parent.PendingKey = null;
    }

    private static void CheckDepth(Stack<Frame> stack, Mark start)
    {
        if (stack.Count >= MaxDepth)
        {
            throw new LimitException(ToPosition(start), $"nesting deeper than {MaxDepth} levels");
        }
    }

    private static void Remember(AnchorName anchor, YamlNode node, Dictionary<string, YamlNode> anchors)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node;
        }
    }

    private static string? TagOf(TagName tag) => tag.IsEmpty || tag.IsNonSpecific ? null : tag.Value;

    private static SourcePosition ToPosition(Mark mark) => new((int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    private static string CleanMessage(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the position is reported separately.
        var index = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && index >= 0 ? message[(index + 3)..] : message;
    }
}
