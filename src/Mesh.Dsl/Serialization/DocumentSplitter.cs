using System.Text;

namespace Mesh.Dsl.Serialization;

/// <summary>
/// Cuts a YAML stream into its documents by lines alone, as it is read: a line that starts with <c>---</c> (followed
/// by a space, a tab or the line's end) begins a document and one that starts with <c>...</c> ends one. YAML forbids
/// both at the start of a line inside any scalar, so no parse is needed to find them, and every document can then be
/// parsed, kept or written back on its own. Comment lines above a document (after the previous document) are part of
/// it, so the file's head comment goes with the first document; a trailing group with no content is a document too.
/// </summary>
/// <remarks>
/// The documents come in chunks: texts of whole documents of about <see cref="ChunkSize"/> characters (one document
/// when it is larger). A chunk is what one parser reads in one go; reading a file chunk by chunk keeps only one chunk
/// of text in memory, whatever the size of the file.
/// </remarks>
internal sealed class DocumentSplitter
{
    /// <summary>The size chunks grow to before they are handed out, unless a document goes on.</summary>
    /// <remarks>
    /// 32 K characters: a chunk's string (64 KB) stays below the large object heap's 85,000 bytes. With 1 M
    /// characters each chunk's 2 MB string went to that heap, which is collected only with generation 2 and never
    /// compacted: a 100 MB validation's peak memory was a third higher, and <c>mesh fmt</c>'s too.
    /// </remarks>
    public const int DefaultChunkSize = 1 << 15;

    private readonly TextReader _reader;
    private readonly char[] _buffer = new char[1 << 16];
    private readonly StringBuilder _chunk = new();
    private readonly List<DocumentGroup> _groups = new();
    private int _bufferStart;
    private int _bufferEnd;
    private int _line = 1;
    private bool _atEnd;
    private bool _firstRead = true;

    // The group being read: where it starts in the chunk, its first line, and whether it has content yet.
    private int _groupStart;
    private int _groupLine = 1;
    private bool _groupHasContent;

    public DocumentSplitter(TextReader reader, int chunkSize = DefaultChunkSize)
    {
        _reader = reader;
        ChunkSize = chunkSize;
    }

    public int ChunkSize { get; }

    /// <summary>True when the text began with a byte order mark, which is not in any chunk.</summary>
    public bool SkippedByteOrderMark { get; private set; }

    /// <summary>The next chunk, or null at the end of the stream.</summary>
    public DocumentChunk? Next()
    {
        var line = new StringBuilder();
        while (ReadLine(line))
        {
            var lineStart = _chunk.Length;
            var lineNumber = _line++;
            if (IsMarker(line, '-'))
            {
                // A document starts here; the one before ends, unless it had no content (then they are one).
                if (_groupHasContent)
                {
                    EndGroup(lineStart);
                    _groupLine = lineNumber;
                }

                _groupHasContent = HasContentAfterMarker(line);
                _chunk.Append(line);
            }
            else if (IsMarker(line, '.'))
            {
                _chunk.Append(line);
                if (_groupHasContent)
                {
                    EndGroup(_chunk.Length);
                    _groupLine = lineNumber + 1;
                }
            }
            else
            {
                _groupHasContent |= IsContent(line);
                _chunk.Append(line);
            }

            if (_groupStart >= ChunkSize && _groups.Count > 0)
            {
                return TakeChunk();
            }
        }

        if (_chunk.Length > _groupStart)
        {
            EndGroup(_chunk.Length);
        }

        return _groups.Count > 0 ? TakeChunk() : null;
    }

    private void EndGroup(int end)
    {
        _groups.Add(new DocumentGroup(_groupStart, end - _groupStart, _groupLine, _groupHasContent));
        _groupStart = end;
        _groupHasContent = false;
    }

    /// <summary>Hands out the whole groups read so far; the group being read moves to the next chunk.</summary>
    private DocumentChunk TakeChunk()
    {
        var text = _chunk.ToString(0, _groupStart);
        var rest = _chunk.ToString(_groupStart, _chunk.Length - _groupStart);
        var chunk = new DocumentChunk(text, [.. _groups]);
        _groups.Clear();
        _chunk.Clear().Append(rest);
        _groupStart = 0;
        return chunk;
    }

    /// <summary>Reads one line with its line break (<c>\n</c>, <c>\r\n</c> or a lone <c>\r</c>) into <paramref name="line"/>.</summary>
    private bool ReadLine(StringBuilder line)
    {
        line.Clear();
        while (true)
        {
            if (_bufferStart == _bufferEnd && !Fill())
            {
                return line.Length > 0;
            }

            var span = _buffer.AsSpan(_bufferStart, _bufferEnd - _bufferStart);
            if (_firstRead)
            {
                _firstRead = false;
                if (span[0] == '\uFEFF')
                {
                    SkippedByteOrderMark = true;
                    _bufferStart++; // a byte order mark is not part of the text
                    continue;
                }
            }

            if (line.Length > 0 && line[^1] == '\r')
            {
                if (span[0] == '\n')
                {
                    line.Append('\n');
                    _bufferStart++;
                }

                return true;
            }

            var stop = span.IndexOfAny('\n', '\r');
            if (stop < 0)
            {
                line.Append(span);
                _bufferStart = _bufferEnd;
                continue;
            }

            line.Append(span[..(stop + 1)]);
            _bufferStart += stop + 1;
            if (span[stop] == '\n')
            {
                return true;
            }
        }
    }

    private bool Fill()
    {
        if (_atEnd)
        {
            return false;
        }

        _bufferStart = 0;
        _bufferEnd = _reader.Read(_buffer, 0, _buffer.Length);
        _atEnd = _bufferEnd == 0;
        return !_atEnd;
    }

    /// <summary><c>---</c> or <c>...</c> at the start of the line, followed by a blank or the line's end.</summary>
    private static bool IsMarker(StringBuilder line, char c)
        => line.Length >= 3 && line[0] == c && line[1] == c && line[2] == c && (line.Length == 3 || line[3] is ' ' or '\t' or '\n' or '\r');

    /// <summary>Whether a <c>---</c> line holds a node after it (<c>--- {a: 1}</c>), not only a comment.</summary>
    private static bool HasContentAfterMarker(StringBuilder line)
    {
        for (var i = 3; i < line.Length; i++)
        {
            if (line[i] is ' ' or '\t' or '\n' or '\r')
            {
                continue;
            }

            return line[i] != '#';
        }

        return false;
    }

    /// <summary>A line with a node on it: not blank, not a comment, not a directive (<c>%YAML</c>) before the <c>---</c>.</summary>
    private static bool IsContent(StringBuilder line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] is ' ' or '\t' or '\n' or '\r')
            {
                continue;
            }

            return !(line[i] == '#' || (i == 0 && line[i] == '%'));
        }

        return false;
    }
}

/// <summary>
/// The text of whole documents and where each is in it. Read as a string; what keeps it long after the read
/// (<see cref="IstioMesh"/>'s loader, for <c>Save</c>) can have it held as UTF-8 instead (<see cref="KeepAsUtf8"/>),
/// half the memory of a string for the ASCII most YAML is, a document's text decoded when it is asked for.
/// </summary>
/// <param name="text">The documents' text, as read.</param>
/// <param name="groups">Each document: its range in <paramref name="text"/>, in order, one after another from 0.</param>
internal sealed class DocumentChunk(string text, DocumentGroup[] groups)
{
    private string? _text = text;
    private byte[]? _utf8;

    // Where each group ends in _utf8 (it starts where the one before ends).
    private int[]? _byteEnds;

    /// <summary>Each document: its range in <see cref="Text"/>, in order.</summary>
    public DocumentGroup[] Groups { get; } = groups;

    /// <summary>The documents' text, as read (decoded again when held as UTF-8).</summary>
    public string Text => _text ?? MeshYaml.Utf8.GetString(_utf8!);

    /// <summary>The line of the file the chunk starts at.</summary>
    public int FirstLine => Groups[0].Line;

    /// <summary>A document's text.</summary>
    public string TextOf(in DocumentGroup group)
    {
        if (_text is { } text)
        {
            return text.Substring(group.Start, group.Length);
        }

        var index = IndexOf(group.Start);
        if (index < 0 || Groups[index].Length != group.Length)
        {
            return Text.Substring(group.Start, group.Length); // not one of the chunk's groups: from the whole text
        }

        var start = index == 0 ? 0 : _byteEnds![index - 1];
        return MeshYaml.Utf8.GetString(_utf8!, start, _byteEnds![index] - start);
    }

    /// <summary>
    /// Holds the text as UTF-8 from now on. Text that UTF-8 cannot hold exactly (a lone surrogate, which the reader
    /// refuses anyway) stays a string.
    /// </summary>
    public void KeepAsUtf8()
    {
        if (_text is not { } text || LoneSurrogates.IndexOf(text) >= 0)
        {
            return;
        }

        var ends = new int[Groups.Length];
        var bytes = 0;
        for (var i = 0; i < Groups.Length; i++)
        {
            bytes += MeshYaml.Utf8.GetByteCount(text.AsSpan(Groups[i].Start, Groups[i].Length));
            ends[i] = bytes;
        }

        var utf8 = new byte[MeshYaml.Utf8.GetByteCount(text)];
        MeshYaml.Utf8.GetBytes(text, utf8);
        if (bytes != utf8.Length)
        {
            return; // groups that do not cover the text one after another: keep the string
        }

        (_utf8, _byteEnds, _text) = (utf8, ends, null);
    }

    private int IndexOf(int start)
    {
        var (low, high) = (0, Groups.Length - 1);
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var at = Groups[middle].Start;
            if (at == start)
            {
                return middle;
            }

            (low, high) = at < start ? (middle + 1, high) : (low, middle - 1);
        }

        return -1;
    }
}

/// <summary>
/// One document of a chunk: its comment lines above it, its <c>---</c> line and its content, or (with
/// <see cref="HasContent"/> false) comments and markers alone.
/// </summary>
/// <param name="Start">Where it starts in the chunk's text.</param>
/// <param name="Length">How many characters it has.</param>
/// <param name="Line">The file's line it starts at (1-based).</param>
/// <param name="HasContent">False when it holds nothing but blank lines, comments, directives and markers.</param>
internal readonly record struct DocumentGroup(int Start, int Length, int Line, bool HasContent)
{
    public int End => Start + Length;
}
