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

/// <summary>The text of whole documents and where each is in it.</summary>
/// <param name="Text">The documents' text, as read.</param>
/// <param name="Groups">Each document: its range in <paramref name="Text"/>, in order.</param>
internal sealed record DocumentChunk(string Text, DocumentGroup[] Groups)
{
    /// <summary>The line of the file the chunk starts at.</summary>
    public int FirstLine => Groups[0].Line;

    /// <summary>A document's text.</summary>
    public string TextOf(in DocumentGroup group) => Text.Substring(group.Start, group.Length);
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
