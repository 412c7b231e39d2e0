namespace Mesh.Dsl.Serialization;

/// <summary>
/// Makes the <see cref="SourceText"/>s of one read, in the order its chunks come. When the read's reader is a
/// <see cref="Utf8FileReader"/>, it follows where each chunk lies in the file (the chunks' texts, one after another,
/// are the file's text, less a byte order mark the splitter drops) so that no text need be kept; otherwise the
/// texts are kept as UTF-8.
/// </summary>
internal sealed class SourceTexts(TextReader reader, string? file)
{
    private readonly Utf8FileReader? _file = reader as Utf8FileReader;
    private DocumentChunk? _chunk;
    private long _chunkOffset;
    private int _chunkBytes;
    private long _nextOffset;
    private SourceText? _chunkText;
    private SourceText? _groupText;
    private int _groupStart;

    /// <summary>Moves on to the next chunk of the read; <paramref name="skippedByteOrderMark"/> when the splitter dropped a U+FEFF before it.</summary>
    public void Begin(DocumentChunk chunk, bool skippedByteOrderMark)
    {
        if (_file is not null)
        {
            if (_chunk is null)
            {
                _nextOffset = _file.TextStart + (skippedByteOrderMark ? MeshYaml.Utf8.GetByteCount("\uFEFF") : 0);
            }

            _chunkOffset = _nextOffset;
            _chunkBytes = MeshYaml.Utf8.GetByteCount(chunk.Text);
            _nextOffset += _chunkBytes;
        }

        (_chunk, _chunkText, _groupText) = (chunk, null, null);
    }

    /// <summary>The text of the current chunk (one for all its resources), for the documents the fast path parses in it.</summary>
    public SourceText Chunk()
    {
        var chunk = _chunk!;
        return _chunkText ??= _file is null
            ? SourceText.Kept(chunk.Text, file, chunk.FirstLine - 1, parsedByYamlDotNet: false)
            : SourceText.InFile(chunk.Text, file, chunk.FirstLine - 1, parsedByYamlDotNet: false, _file.FileSystem, _file.Path, _chunkOffset, _chunkBytes);
    }

    /// <summary>The text of one document group of the current chunk (one for all its resources), for the documents YamlDotNet parses in it.</summary>
    public SourceText Group(in DocumentGroup group)
    {
        if (_groupText is not null && _groupStart == group.Start)
        {
            return _groupText;
        }

        _groupStart = group.Start;
        return _groupText = MakeGroup(group);
    }

    private SourceText MakeGroup(in DocumentGroup group)
    {
        var text = _chunk!.Text.AsSpan(group.Start, group.Length);
        if (_file is null)
        {
            return SourceText.Kept(text, file, group.Line - 1, parsedByYamlDotNet: true);
        }

        var offset = _chunkOffset + MeshYaml.Utf8.GetByteCount(_chunk.Text.AsSpan(0, group.Start));
        return SourceText.InFile(text, file, group.Line - 1, parsedByYamlDotNet: true, _file.FileSystem, _file.Path, offset, MeshYaml.Utf8.GetByteCount(text));
    }
}
