using System.Buffers;
using System.Runtime.InteropServices;
using Mesh.Dsl.IO;

namespace Mesh.Dsl.Serialization;

/// <summary>
/// A text the loader parsed (a chunk of documents for the fast path, one document for YamlDotNet), shared by the
/// sources of the resources read from it, which parse their documents again to locate a path. A large validation
/// holds one for every chunk of every file until its diagnostics are located, so it keeps as little as it can:
/// <list type="bullet">
/// <item>for a UTF-8 file it can seek in, no text at all, only where the text lies in the file, its length and a
/// hash of it: the text is read from the file again when a path in it is asked for. If the file has changed since
/// (another length, another hash) or cannot be read, nothing is located and the source falls back to the position
/// of the resource's document, which is kept;</item>
/// <item>otherwise (a string, standard input, a pipe, a UTF-16 file) the text as UTF-8, half the memory of the
/// string, decoded again when asked.</item>
/// </list>
/// Holding the text of a 100 MB file as UTF-8 was a third of what <c>mesh validate</c> held, and its pieces, mixed
/// with the chunks' strings freed in the large object heap, fragmented it by as much again.
/// </summary>
/// <remarks>
/// One text at a time is decoded, with its parser and last tree, for all texts: a resource's diagnostics are located
/// one after another, and resources in file order, so the text asked for is nearly always the one decoded last.
/// </remarks>
internal sealed class SourceText
{
    // Threads locating at the same time take turns: the decoded text, its parser and its tree are one at a time.
    private static readonly Lock s_lock = new();
    private static SourceText? s_decodedFor;
    private static string? s_decoded;
    private static SimpleYamlParser? s_parser;
    private static YamlTree? s_tree;
    private static int s_treeStart;
    private static List<YamlDocumentParser.Document>? s_documents;

    private readonly byte[]? _utf8;
    private readonly FileSystem? _fileSystem;
    private readonly string? _path;
    private readonly long _offset;
    private readonly int _byteCount;
    private readonly int _length;
    private readonly int _hash;

    private SourceText(string? file, int lineOffset, bool parsedByYamlDotNet, byte[]? utf8)
    {
        File = file;
        LineOffset = lineOffset;
        ParsedByYamlDotNet = parsedByYamlDotNet;
        _utf8 = utf8;
    }

    private SourceText(string? file, int lineOffset, bool parsedByYamlDotNet, FileSystem fileSystem, string path, long offset, int byteCount, ReadOnlySpan<char> text)
        : this(file, lineOffset, parsedByYamlDotNet, utf8: null)
    {
        _fileSystem = fileSystem;
        _path = path;
        _offset = offset;
        _byteCount = byteCount;
        _length = text.Length;
        _hash = Hash(text);
    }

    /// <summary>A text kept in memory, as UTF-8.</summary>
    public static SourceText Kept(ReadOnlySpan<char> text, string? file, int lineOffset, bool parsedByYamlDotNet)
    {
        var utf8 = new byte[MeshYaml.Utf8.GetByteCount(text)];
        MeshYaml.Utf8.GetBytes(text, utf8);
        return new SourceText(file, lineOffset, parsedByYamlDotNet, utf8);
    }

    /// <summary>A text read from <paramref name="byteCount"/> bytes at <paramref name="offset"/> of a UTF-8 file, to be read from there again.</summary>
    public static SourceText InFile(ReadOnlySpan<char> text, string? file, int lineOffset, bool parsedByYamlDotNet, FileSystem fileSystem, string path, long offset, int byteCount)
        => new(file, lineOffset, parsedByYamlDotNet, fileSystem, path, offset, byteCount, text);

    /// <summary>The file name as given to the reader, or null when read from a string.</summary>
    public string? File { get; }

    /// <summary>What makes the lines of the text's trees the file's: the text starts after this many lines of the file.</summary>
    public int LineOffset { get; }

    /// <summary>
    /// True when YamlDotNet parsed the text, which is then one document group and its documents are numbered;
    /// else the fast path did, and a document is the index of its start.
    /// </summary>
    public bool ParsedByYamlDotNet { get; }

    /// <summary>True when the text is not kept but read from its file again (see the remarks of the class).</summary>
    public bool ReadsFileAgain => _path is not null;

    /// <summary>
    /// Where <paramref name="path"/> stands in the resource at node <paramref name="root"/> of a document of the text,
    /// in the file's lines: the fast path's document starting at <paramref name="start"/> (index) and
    /// <paramref name="line"/>, or YamlDotNet's document number <paramref name="start"/>. Null when the text cannot
    /// be had again (its file changed or is gone).
    /// </summary>
    public SourcePosition? Locate(int start, int line, int root, string path)
    {
        lock (s_lock)
        {
            if (s_decodedFor != this)
            {
                (s_decodedFor, s_decoded, s_parser, s_tree, s_documents) = (null, null, null, null, null);
                s_decoded = Decode();
                s_decodedFor = this; // a text that cannot be had is not read again for each path of it
            }

            if (s_decoded is null)
            {
                return null;
            }

            YamlNode node;
            if (ParsedByYamlDotNet)
            {
                s_documents ??= YamlDocumentParser.Parse(new StringReader(s_decoded!)).Documents;
                if (start >= s_documents.Count || s_documents[start].Root is not { } documentRoot)
                {
                    return null;
                }

                node = new YamlNode(documentRoot.Tree, root);
            }
            else
            {
                if (s_tree is null || s_treeStart != start)
                {
                    s_tree = null;
                    var parser = s_parser ?? SimpleYamlParser.ForParsingAgain(s_decoded!);
                    s_parser = null; // not used again if parsing throws
                    s_tree = parser.ParseAgainReused(new SimpleYamlParser.DocumentStart(start, line));
                    (s_parser, s_treeStart) = (parser, start);
                }

                node = new YamlNode(s_tree, root);
            }

            var position = ResourceSource.Find(node, path);
            return position with { Line = position.Line + LineOffset };
        }
    }

    /// <summary>The text again, or null when its file no longer holds it.</summary>
    private string? Decode()
    {
        if (_utf8 is not null)
        {
            return MeshYaml.Utf8.GetString(_utf8);
        }

        var bytes = ArrayPool<byte>.Shared.Rent(Math.Max(1, _byteCount));
        try
        {
            using (var file = _fileSystem!.OpenRead(_path!))
            {
                if (!file.CanSeek || file.Length < _offset + _byteCount)
                {
                    return null;
                }

                file.Position = _offset;
                file.ReadExactly(bytes, 0, _byteCount);
            }

            var span = bytes.AsSpan(0, _byteCount);
            if (MeshYaml.Utf8.GetCharCount(span) != _length)
            {
                return null;
            }

            var text = MeshYaml.Utf8.GetString(span);
            return Hash(text) == _hash ? text : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // the file is gone or unreadable now: the document's position is what is left
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>
    /// A hash of the text, to tell whether the file still holds it. Not a stable one (each process seeds it
    /// anew), which is enough: it is compared only within the process that made it. About 7 GB/s, so hashing
    /// every chunk read costs less than copying it to UTF-8 did.
    /// </summary>
    private static int Hash(ReadOnlySpan<char> text)
    {
        var hash = new HashCode();
        hash.AddBytes(MemoryMarshal.AsBytes(text));
        return hash.ToHashCode();
    }
}
