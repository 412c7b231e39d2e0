using System.Text;

namespace Mesh.Dsl.Serialization;

/// <summary>
/// Reads a file into one string as a <see cref="StreamReader"/> that detects byte order marks does (UTF-8 unless a
/// mark says otherwise, the mark left out), decoding straight into the string. A StreamReader collects the text in
/// a builder and then copies it: for the scale sample's 8.7 MB that is 35 MB of fresh memory, and fresh memory is
/// what costs (a page fault per 4 KB). Here the file goes twice through one small buffer, once to count the
/// characters and once to decode them into the string; reading it again from the page cache is far cheaper.
/// </summary>
internal static class TextFile
{
    private const int BufferSize = 1 << 16;

    /// <summary>The file's text.</summary>
    /// <exception cref="IOException">When the file is missing or unreadable, or changes while it is read.</exception>
    public static string Read(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        var buffer = new byte[BufferSize];
        var start = file.CanSeek ? Utf8TextStart(file, buffer) : -1;
        if (start < 0)
        {
            // A pipe cannot be read twice, and UTF-16 and UTF-32 files are rare: a StreamReader reads those.
            if (file.CanSeek)
            {
                file.Position = 0;
            }

            using var reader = new StreamReader(file, MeshYaml.Utf8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }

        var decoder = MeshYaml.Utf8.GetDecoder();
        var counted = new char[BufferSize + 4]; // a chunk's characters, and what the decoder kept of the one before
        var length = 0L;
        file.Position = start;
        for (int read; (read = file.Read(buffer)) > 0;)
        {
            length += decoder.GetChars(buffer.AsSpan(0, read), counted, flush: false);
        }

        length += decoder.GetChars([], counted, flush: true);
        file.Position = start;
        decoder.Reset();
        return string.Create(checked((int)length), (File: file, Buffer: buffer, Decoder: decoder, Path: path), static (text, state) =>
        {
            var at = 0;
            for (int read; (read = state.File.Read(state.Buffer)) > 0;)
            {
                at += DecodeInto(state.Decoder, state.Buffer.AsSpan(0, read), text[at..], flush: false, state.Path);
            }

            at += DecodeInto(state.Decoder, [], text[at..], flush: true, state.Path);
            if (at != text.Length)
            {
                throw Changed(state.Path);
            }
        });
    }

    /// <summary>Where UTF-8 text starts (after a UTF-8 byte order mark), or -1 for another encoding's mark.</summary>
    private static int Utf8TextStart(FileStream file, byte[] buffer)
    {
        var prefix = buffer.AsSpan(0, file.ReadAtLeast(buffer.AsSpan(0, 4), 4, throwOnEndOfStream: false));
        return prefix switch
        {
            [0xEF, 0xBB, 0xBF, ..] => 3,
            [0xFE, 0xFF, ..] or [0xFF, 0xFE, ..] or [0, 0, 0xFE, 0xFF] => -1,
            _ => 0,
        };
    }

    private static int DecodeInto(Decoder decoder, ReadOnlySpan<byte> bytes, Span<char> text, bool flush, string path)
        => decoder.GetCharCount(bytes, flush) <= text.Length ? decoder.GetChars(bytes, text, flush) : throw Changed(path);

    private static IOException Changed(string path) => new($"The file '{path}' changed while it was read.");
}
