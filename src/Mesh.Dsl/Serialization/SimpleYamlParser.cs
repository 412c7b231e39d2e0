using System.Buffers;
using System.Globalization;

namespace Mesh.Dsl.Serialization;

/// <summary>
/// A fast path for the YAML that kubectl, Istio's documentation and <see cref="YamlStructuredWriter"/>
/// produce: block mappings and sequences, one-line plain and quoted scalars, one-line flow
/// collections, comments and document markers, in printable ASCII with <c>\n</c> line ends.
/// YamlDotNet's parser reads about 15 MB/s; this reads the same text several times faster.
/// </summary>
/// <remarks>
/// It only ever accepts: anything outside that subset, and every error (syntax or limit), makes
/// <see cref="TryParse(string, DocumentHandler, string?[])"/> return false, and <see cref="YamlDocumentParser"/> then
/// parses the whole text with YamlDotNet, which gives the errors, messages and positions it always did.
/// What this accepts it must turn into exactly the tree YamlDotNet's events give (values, styles,
/// positions, duplicate keys, even the empty scalar of an empty document), and a document parsed
/// again alone into the same tree; a differential test checks that on the scenario files, the scale
/// sample and thousands of random mutations of them.
/// </remarks>
internal sealed class SimpleYamlParser
{
    /// <summary>YamlDotNet rejects an implicit key longer than this.</summary>
    private const int MaxKeyLength = 1024;

    /// <summary>At most the longest run <see cref="YamlDocumentParser"/>'s reader lets through.</summary>
    private const int MaxLineLength = YamlDocumentParser.MaxScalarLength;

    /// <summary>What a content line may hold; tabs, CR, controls and non-ASCII go to YamlDotNet.</summary>
    private static readonly SearchValues<char> Printable = SearchValues.Create(
        string.Concat(Enumerable.Range(' ', '~' - ' ' + 1).Select(c => (char)c)));

    /// <summary>
    /// What a comment line may hold: printable text, also beyond ASCII. Not controls (YamlDotNet ends
    /// the stream at a NUL), not what YamlDotNet counts as a line break (CR, NEL, LS, PS), not a byte
    /// order mark, not surrogates.
    /// </summary>
    private static readonly SearchValues<char> CommentText = SearchValues.Create(
        string.Concat(Enumerable.Range(' ', 0xFFFE - ' ')
            .Where(c => c is < 0x7F or (>= 0xA0 and < 0xD800) or > 0xDFFF && c is not (0x2028 or 0x2029 or 0xFEFF))
            .Select(c => (char)c)));

    /// <summary>Characters that end a plain scalar in a flow collection.</summary>
    private static readonly SearchValues<char> FlowStops = SearchValues.Create(",[]{}:#");

    private readonly string _text;
    private readonly YamlTreeBuilder _tree;
    private readonly bool _keepTrees;

    // The current line: where it starts and ends (at its '\n' or the end of the text), its number,
    // and its indentation. _lineStart == _text.Length means the end of the text.
    private int _lineStart;
    private int _lineEnd;
    private int _line;
    private int _indent;

    private SimpleYamlParser(string text, bool keepTrees, string?[]? recentValues = null)
    {
        _text = text;
        _tree = new YamlTreeBuilder(text, recentValues);
        _keepTrees = keepTrees;
    }

    /// <summary>Where a document starts: the index and number of its first line (its "---", or its first content line).</summary>
    public readonly record struct DocumentStart(int Index, int Line);

    /// <summary>Takes one document while its tree is valid: the next document reuses its memory.</summary>
    public delegate void DocumentHandler(YamlDocumentParser.Document document, DocumentStart start);

    /// <summary>
    /// Parses the documents of <paramref name="text"/> one at a time, handing each to <paramref name="handler"/>;
    /// false when YamlDotNet must parse the text (possibly after some documents were handed over).
    /// </summary>
    /// <remarks>
    /// The trees are not kept: a read turns each into a resource at once, and a resource's
    /// <see cref="ResourceSource"/> parses its document again (<see cref="ParseAgain"/>)
    /// only when a diagnostic needs a position. So a large read allocates one document's nodes, not all of them.
    /// </remarks>
    /// <param name="text">The text.</param>
    /// <param name="handler">Takes each document.</param>
    /// <param name="recentValues">The table of recent values the read shares across its texts (<see cref="YamlTreeBuilder.NewRecentValues"/>); null for one of this text's own.</param>
    public static bool TryParse(string text, DocumentHandler handler, string?[]? recentValues = null)
    {
        try
        {
            new SimpleYamlParser(text, keepTrees: false, recentValues).ParseStream(handler);
            return true;
        }
        catch (DeclinedException)
        {
            return false;
        }
    }

    /// <summary>The documents of <paramref name="text"/>, each with a tree of its own (for the differential test), or null when YamlDotNet must parse it.</summary>
    public static List<YamlDocumentParser.Document>? TryParse(string text)
    {
        var documents = new List<YamlDocumentParser.Document>();
        try
        {
            new SimpleYamlParser(text, keepTrees: true).ParseStream((document, _) => documents.Add(document));
            return documents;
        }
        catch (DeclinedException)
        {
            return null;
        }
    }

    /// <summary>
    /// The document at <paramref name="start"/> of a text <see cref="TryParse(string, DocumentHandler, string?[])"/> accepted,
    /// parsed again into a tree of its own: the same nodes at the same indexes, from the same code.
    /// </summary>
    public static YamlTree ParseAgain(string text, DocumentStart start) => new SimpleYamlParser(text, keepTrees: true).ParseAt(start);

    /// <summary>A parser for <see cref="ParseAgainReused"/>: documents of <paramref name="text"/> parsed again one at a time in the same memory.</summary>
    public static SimpleYamlParser ForParsingAgain(string text) => new(text, keepTrees: false);

    /// <summary>
    /// As <see cref="ParseAgain(string, DocumentStart)"/>, in this parser's reused memory: the tree is valid until
    /// the parser parses again, and after an exception the parser must not be used again.
    /// </summary>
    public YamlTree ParseAgainReused(DocumentStart start) => ParseAt(start);

    private YamlTree ParseAt(DocumentStart start)
    {
        (_lineEnd, _line) = (start.Index - 1, start.Line - 1);
        try
        {
            NextLine();
            SkipToContent();
            return ParseDocument().Root!.Value.Tree;
        }
        catch (DeclinedException exception)
        {
            throw new InvalidOperationException("A document the fast path accepted was declined when parsed again.", exception);
        }
    }

    /// <summary>A scalar as scanned: a slice of the text, or its value when escapes made it differ from the text.</summary>
    private readonly record struct ScannedScalar(int Start, int Length, string? Unescaped);

    /// <summary>Thrown where the input leaves the subset; caught only by <see cref="TryParse(string)"/> and its overload.</summary>
    private sealed class DeclinedException : Exception;

    private static DeclinedException Decline() => new();

    private bool AtEnd => _lineStart >= _text.Length;

    private SourcePosition PositionOf(int index) => new(_line, index - _lineStart + 1);

    private void ParseStream(DocumentHandler handler)
    {
        _lineEnd = -1;
        _line = 0;
        NextLine();
        SkipToContent();
        var afterDocumentEnd = false;
        while (!AtEnd)
        {
            if (!IsMarker('-') && (afterDocumentEnd || IsMarker('.')))
            {
                throw Decline(); // content after "..." without "---", or "..." with no document
            }

            var start = new DocumentStart(_lineStart, _line);
            handler(ParseDocument(), start);
            afterDocumentEnd = false;
            if (IsMarker('.'))
            {
                RequireNothingAfter(_lineStart + 3);
                NextLine();
                SkipToContent();
                afterDocumentEnd = true;
            }
        }
    }

    /// <summary>The document starting at the current line: after "---", or a bare one.</summary>
    private YamlDocumentParser.Document ParseDocument()
    {
        SourcePosition start;
        if (IsMarker('-'))
        {
            start = new SourcePosition(_line, 1);
            RequireNothingAfter(_lineStart + 3);
            NextLine();
            SkipToContent();
            if (AtEnd)
            {
                if (!_text.EndsWith('\n'))
                {
                    throw Decline(); // not seen in practice; where YamlDotNet puts that scalar was not checked
                }

                // YamlDotNet puts the empty scalar of a last, empty document one column past the stream's end.
                EmptyScalar(new SourcePosition(_line, 2));
            }
            else if (IsMarker('-') || IsMarker('.'))
            {
                EmptyScalar(new SourcePosition(_line, 4));
            }
            else
            {
                ParseRoot();
            }
        }
        else
        {
            start = new SourcePosition(_line, _indent + 1);
            ParseRoot();
        }

        var tree = _keepTrees ? _tree.Finish() : _tree.FinishReused();
        return new YamlDocumentParser.Document(tree.Root, start);
    }

    /// <summary>A document's root: a block mapping or sequence, after which only a marker or the end may follow.</summary>
    private void ParseRoot()
    {
        ParseBlockCollection(depth: 1);
        if (!AtEnd && !IsMarker('-') && !IsMarker('.'))
        {
            throw Decline(); // a line indented less than the root, or another node after it
        }
    }

    /// <summary>A block sequence or mapping starting at the current line's indentation.</summary>
    private void ParseBlockCollection(int depth)
    {
        var first = _lineStart + _indent;
        if (IsSequenceEntry(first))
        {
            ParseBlockSequence(_indent, depth);
        }
        else
        {
            ParseBlockMapping(first, depth);
        }
    }

    private bool IsSequenceEntry(int index) => _text[index] == '-' && (index + 1 == _lineEnd || _text[index + 1] == ' ');

    private void ParseBlockSequence(int indent, int depth)
    {
        CheckDepth(depth);
        var sequence = _tree.BeginCollection(isMapping: false, new SourcePosition(_line, indent + 1));
        var count = 0;
        while (!AtEnd && _indent == indent && IsSequenceEntry(_lineStart + indent))
        {
            var dash = _lineStart + indent;
            var content = SkipSpaces(dash + 1);
            if (content == _lineEnd || _text[content] == '#')
            {
                var empty = PositionOf(dash + 1);
                NextLine();
                SkipToContent();
                if (!AtEnd && _indent > indent)
                {
                    ParseBlockCollection(depth + 1);
                }
                else
                {
                    EmptyScalar(empty);
                }
            }
            else if (IsSequenceEntry(content))
            {
                throw Decline(); // "- - a": a compact nested sequence
            }
            else
            {
                ParseInlineValueOrCompactMapping(content, depth + 1);
            }

            count++;
            if (!AtEnd && _indent > indent)
            {
                throw Decline();
            }
        }

        _tree.EndSequence(sequence, count);
    }

    /// <summary>After <c>- </c>: a scalar or flow collection alone, or the first key of a mapping on the same line.</summary>
    private void ParseInlineValueOrCompactMapping(int index, int depth)
    {
        if (_text[index] is '[' or '{')
        {
            ParseFlowThenEndOfLine(index, depth);
            return;
        }

        var value = ScanBlockScalar(index, out var isPlain, out var end);
        if (IsKeyEnd(end))
        {
            ParseBlockMapping(index, depth);
            return;
        }

        AddScalar(value, isPlain, PositionOf(index));
        FinishLineAfterValue(end);
    }

    /// <summary>A block mapping whose first key starts at <paramref name="firstKey"/> on the current line.</summary>
    private void ParseBlockMapping(int firstKey, int depth)
    {
        CheckDepth(depth);
        var indent = firstKey - _lineStart;
        var keys = new YamlTreeBuilder.MappingKeys(_tree.BeginCollection(isMapping: true, PositionOf(firstKey)));
        var keyIndex = firstKey;
        while (true)
        {
            var key = ScanBlockScalar(keyIndex, out var keyIsPlain, out var keyEnd);
            if (!IsKeyEnd(keyEnd) || keyEnd - keyIndex > MaxKeyLength)
            {
                throw Decline();
            }

            AddKey(ref keys, AddScalar(key, keyIsPlain, PositionOf(keyIndex)));
            var valueStart = SkipSpaces(keyEnd + 1);
            if (valueStart == _lineEnd || _text[valueStart] == '#')
            {
                var empty = PositionOf(keyEnd + 1);
                NextLine();
                SkipToContent();
                if (AtEnd || IsMarker('-') || IsMarker('.'))
                {
                    EmptyScalar(empty);
                }
                else if (_indent > indent)
                {
                    ParseBlockCollection(depth + 1);
                }
                else if (_indent == indent && IsSequenceEntry(_lineStart + indent))
                {
                    ParseBlockSequence(indent, depth + 1); // the indentless "key:\n- item" kubectl writes
                }
                else
                {
                    EmptyScalar(empty);
                }
            }
            else if (_text[valueStart] is '[' or '{')
            {
                ParseFlowThenEndOfLine(valueStart, depth + 1);
            }
            else
            {
                var position = PositionOf(valueStart);
                var value = ScanBlockScalar(valueStart, out var isPlain, out var valueEnd);
                if (IsKeyEnd(valueEnd))
                {
                    throw Decline(); // "a: b: c"
                }

                AddScalar(value, isPlain, position);
                FinishLineAfterValue(valueEnd);
            }

            if (AtEnd || _indent < indent || IsMarker('-') || IsMarker('.'))
            {
                break;
            }

            if (_indent > indent)
            {
                throw Decline();
            }

            keyIndex = _lineStart + indent;
            if (IsSequenceEntry(keyIndex))
            {
                break; // the next entry of an enclosing indentless sequence, or an error YamlDotNet reports
            }
        }

        _tree.EndMapping(keys);
    }

    /// <summary>True when a ':' at <paramref name="index"/> makes the scalar before it a key.</summary>
    private bool IsKeyEnd(int index) => index < _lineEnd && _text[index] == ':' && (index + 1 == _lineEnd || _text[index + 1] == ' ');

    /// <summary>After a value: only spaces and a comment may follow; the next content line must not be indented deeper.</summary>
    private void FinishLineAfterValue(int end)
    {
        RequireNothingAfter(end);
        NextLine();
        SkipToContent();
    }

    /// <summary>
    /// A plain or quoted scalar on the current line in block context. <paramref name="end"/> is where
    /// it stops: a ':' that makes it a key, a comment, or the end of the line (after trailing spaces).
    /// </summary>
    private ScannedScalar ScanBlockScalar(int index, out bool isPlain, out int end)
    {
        isPlain = false;
        var c = _text[index];
        if (c is '"' or '\'')
        {
            var value = ScanQuoted(index, out var close);
            end = SkipSpaces(close);
            if (end < _lineEnd && _text[end] != ':' && !(_text[end] == '#' && end > close))
            {
                throw Decline();
            }

            return value;
        }

        if (!CanStartPlain(index))
        {
            throw Decline();
        }

        // Only ": " (or ':' at the end of the line) and " #" end it: jump from one ':' or '#' to the next.
        var i = index;
        while (true)
        {
            var stop = _text.AsSpan(i, _lineEnd - i).IndexOfAny(':', '#');
            if (stop < 0)
            {
                i = _lineEnd;
                break;
            }

            i += stop;
            if (_text[i] == ':' ? i + 1 == _lineEnd || _text[i + 1] == ' ' : _text[i - 1] == ' ')
            {
                break;
            }

            i++;
        }

        var last = i; // one past the last non-space character
        while (_text[last - 1] == ' ')
        {
            last--;
        }

        end = i < _lineEnd && _text[i] == ':' ? i : last;
        isPlain = true;
        return Slice(index, last - index);
    }

    /// <summary>Plain scalars may not start with an indicator; "-" may when a non-space follows.</summary>
    private bool CanStartPlain(int index)
    {
        var c = _text[index];
        if (char.IsAsciiLetterOrDigit(c))
        {
            return true;
        }

        return c switch
        {
            '-' => index + 1 < _lineEnd && _text[index + 1] is not (' ' or '-'),
            '.' or '/' or '_' or '~' or '+' or '$' or '(' or ')' or '=' or '^' or ';' or '<' or '\\' => true,
            _ => false,
        };
    }

    /// <summary>A one-line quoted scalar starting at the quote; <paramref name="close"/> is one past the closing quote.</summary>
    private ScannedScalar ScanQuoted(int index, out int close)
    {
        var quote = _text[index];
        var span = _text.AsSpan(index + 1, _lineEnd - index - 1);
        var stop = quote == '"' ? span.IndexOfAny('"', '\\') : span.IndexOf('\'');
        if (stop < 0)
        {
            throw Decline(); // continues on the next line, or unterminated
        }

        if (span[stop] == quote && (quote == '"' || stop + 1 >= span.Length || span[stop + 1] != '\''))
        {
            close = index + 2 + stop;
            return Slice(index + 1, stop);
        }

        // Escapes: build the value.
        var builder = new System.Text.StringBuilder();
        var i = 0;
        while (true)
        {
            if (i >= span.Length)
            {
                throw Decline();
            }

            var c = span[i];
            if (quote == '\'')
            {
                if (c == '\'')
                {
                    if (i + 1 < span.Length && span[i + 1] == '\'')
                    {
                        builder.Append('\'');
                        i += 2;
                        continue;
                    }

                    break;
                }
            }
            else if (c == '"')
            {
                break;
            }
            else if (c == '\\')
            {
                if (i + 1 >= span.Length)
                {
                    throw Decline(); // an escaped line break
                }

                i += 2;
                switch (span[i - 1])
                {
                    case '0': builder.Append('\0'); break;
                    case 'a': builder.Append('\a'); break;
                    case 'b': builder.Append('\b'); break;
                    case 't': builder.Append('\t'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'v': builder.Append('\v'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'r': builder.Append('\r'); break;
                    case 'e': builder.Append('\x1b'); break;
                    case ' ': builder.Append(' '); break;
                    case '"': builder.Append('"'); break;
                    case '/': builder.Append('/'); break;
                    case '\\': builder.Append('\\'); break;
                    case 'u':
                        if (i + 4 > span.Length || !ushort.TryParse(span.Slice(i, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code) || char.IsSurrogate((char)code))
                        {
                            throw Decline();
                        }

                        builder.Append((char)code);
                        i += 4;
                        break;
                    default:
                        throw Decline(); // rare escapes and errors: YamlDotNet decides
                }

                continue;
            }

            builder.Append(c);
            i++;
        }

        if (builder.Length > YamlDocumentParser.MaxScalarLength)
        {
            throw Decline();
        }

        close = index + 2 + i;
        return new ScannedScalar(index + 1, i, builder.ToString());
    }

    /// <summary>A flow collection that opens and closes on the current line, with only a comment after it.</summary>
    private void ParseFlowThenEndOfLine(int index, int depth)
    {
        ParseFlow(index, depth, out var end);
        var after = SkipSpaces(end);
        if (after < _lineEnd && !(_text[after] == '#' && after > end))
        {
            throw Decline(); // ":" after it (a flow key) or anything else
        }

        NextLine();
        SkipToContent();
    }

    private void ParseFlow(int index, int depth, out int end)
    {
        CheckDepth(depth);
        var isMapping = _text[index] == '{';
        var close = isMapping ? '}' : ']';
        var collection = _tree.BeginCollection(isMapping, PositionOf(index));
        var keys = new YamlTreeBuilder.MappingKeys(collection);
        var items = 0;
        var i = SkipSpaces(index + 1);
        while (i >= _lineEnd || _text[i] != close)
        {
            var item = ParseFlowItem(i, depth, out i);
            i = SkipSpaces(i);
            if (isMapping)
            {
                if (_tree.KindOf(item) != YamlTree.NodeFlags.Scalar || i >= _lineEnd || _text[i] != ':' || i + 1 >= _lineEnd || _text[i + 1] != ' ')
                {
                    throw Decline();
                }

                AddKey(ref keys, item);
                i = SkipSpaces(i + 1);
                if (i < _lineEnd && _text[i] is ',' or '}')
                {
                    EmptyScalar(PositionOf(i)); // "{app: }": YamlDotNet puts it at the next token
                }
                else
                {
                    ParseFlowItem(i, depth, out i);
                    i = SkipSpaces(i);
                }
            }
            else
            {
                items++;
            }

            if (i >= _lineEnd)
            {
                throw Decline(); // continues on the next line
            }

            if (_text[i] == close)
            {
                break;
            }

            if (_text[i] != ',')
            {
                throw Decline();
            }

            i = SkipSpaces(i + 1);
            if (i >= _lineEnd || _text[i] is ',' or ']' or '}')
            {
                throw Decline(); // "[a, ]" and friends
            }
        }

        end = i + 1;
        if (isMapping)
        {
            _tree.EndMapping(keys);
        }
        else
        {
            _tree.EndSequence(collection, items);
        }
    }

    /// <summary>A scalar or nested flow collection; returns its node's index.</summary>
    private int ParseFlowItem(int index, int depth, out int end)
    {
        if (index >= _lineEnd)
        {
            throw Decline();
        }

        var c = _text[index];
        if (c is '[' or '{')
        {
            var collection = _tree.Count;
            ParseFlow(index, depth + 1, out end);
            return collection;
        }

        if (c is '"' or '\'')
        {
            var value = ScanQuoted(index, out end);
            return AddScalar(value, isPlain: false, PositionOf(index));
        }

        if (!CanStartPlain(index))
        {
            throw Decline();
        }

        var i = index;
        var last = index;
        while (i < _lineEnd)
        {
            var stop = _text.AsSpan(i, _lineEnd - i).IndexOfAny(FlowStops);
            var at = stop < 0 ? _lineEnd : i + stop;
            for (var k = i; k < at; k++)
            {
                if (_text[k] != ' ')
                {
                    last = k + 1;
                }
            }

            i = at;
            if (i == _lineEnd)
            {
                break;
            }

            c = _text[i];
            if (c == '#' && _text[i - 1] != ' ')
            {
                i++;
                last = i;
                continue;
            }

            if (c == ':' && !(i + 1 < _lineEnd && _text[i + 1] == ' '))
            {
                throw Decline(); // "a:b" and "a:" in flow context: YamlDotNet versions differ
            }

            break;
        }

        if (i == _lineEnd || _text[i] == '#')
        {
            throw Decline(); // unterminated, or a comment inside the collection
        }

        end = last;
        return AddScalar(Slice(index, last - index), isPlain: true, PositionOf(index));
    }

    /// <summary>A mapping key; a merge key (<c>&lt;&lt;</c>) goes to YamlDotNet, whose path applies merges.</summary>
    private void AddKey(ref YamlTreeBuilder.MappingKeys keys, int key)
    {
        if (_tree.IsMergeKey(key))
        {
            throw Decline();
        }

        _tree.AddKey(ref keys, key);
    }

    private int AddScalar(ScannedScalar scalar, bool isPlain, SourcePosition position)
        => scalar.Unescaped is { } value
            ? _tree.AddScalar(position, value, isPlain, tag: null)
            : _tree.AddScalar(position, scalar.Start, scalar.Length, isPlain);

    private void EmptyScalar(SourcePosition position) => _tree.AddScalar(position, start: 0, length: 0, isPlain: true);

    private static ScannedScalar Slice(int index, int length)
        => length > YamlDocumentParser.MaxScalarLength ? throw Decline() : new ScannedScalar(index, length, null);

    private void CheckDepth(int depth)
    {
        if (depth > YamlDocumentParser.MaxDepth)
        {
            throw Decline();
        }
    }

    private int SkipSpaces(int index)
    {
        while (index < _lineEnd && _text[index] == ' ')
        {
            index++;
        }

        return index;
    }

    /// <summary>Only spaces and a comment (after a space) may follow <paramref name="index"/> on the line.</summary>
    private void RequireNothingAfter(int index)
    {
        var i = SkipSpaces(index);
        if (i < _lineEnd && !(_text[i] == '#' && i > index))
        {
            throw Decline();
        }
    }

    /// <summary>True when the current line starts with "---" or "..." followed by a space or its end.</summary>
    private bool IsMarker(char c)
        => _indent == 0 && _lineEnd - _lineStart >= 3 && _text[_lineStart] == c && _text[_lineStart + 1] == c && _text[_lineStart + 2] == c
            && (_lineEnd - _lineStart == 3 || _text[_lineStart + 3] == ' ');

    /// <summary>Moves to the next line, measuring its indentation.</summary>
    private void NextLine()
    {
        _lineStart = _lineEnd + 1;
        _line++;
        if (_lineStart >= _text.Length)
        {
            _lineStart = _text.Length;
            _lineEnd = _text.Length;
            _indent = 0;
            return;
        }

        var newline = _text.AsSpan(_lineStart).IndexOf('\n');
        _lineEnd = newline < 0 ? _text.Length : _lineStart + newline;
        if (_lineEnd - _lineStart > MaxLineLength)
        {
            throw Decline(); // YamlDotNet's reader may stop a run this long as a too long value
        }

        _indent = SkipSpaces(_lineStart) - _lineStart;
    }

    /// <summary>Skips blank and comment lines; checks that the content line reached is in the subset.</summary>
    private void SkipToContent()
    {
        while (!AtEnd)
        {
            var line = _text.AsSpan(_lineStart + _indent, _lineEnd - _lineStart - _indent);
            if (line.IsEmpty || line[0] == '#')
            {
                if (line.ContainsAnyExcept(CommentText))
                {
                    throw Decline();
                }

                NextLine();
                continue;
            }

            if (line.ContainsAnyExcept(Printable))
            {
                throw Decline();
            }

            return;
        }
    }
}
