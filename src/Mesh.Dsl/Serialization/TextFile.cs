using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Mesh.Dsl.IO;

namespace Mesh.Dsl.Serialization;

/// <summary>
/// Reads a file into one string, strictly: UTF-8 unless a byte order mark says UTF-16 or UTF-32 (the mark left
/// out), and bytes that are not valid in that encoding are an error with the line and column where they are,
/// never silently U+FFFD. A UTF-8 file goes twice through one small buffer, once to check and count the
/// characters and once to decode them straight into the string: a StreamReader collects the text in a builder and
/// copies it, which for the scale sample's 8.7 MB is 35 MB of fresh memory, and fresh memory is what costs (a
/// page fault per 4 KB); reading the file again from the page cache is far cheaper. At most
/// <see cref="FileFinder.MaxFileSize"/> bytes are read, also from a pipe.
/// </summary>
internal static class TextFile
{
    private const int BufferSize = 1 << 16;

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's text.</summary>
    /// <exception cref="IOException">When the file is missing, unreadable, too large, or changes while it is read.</exception>
    /// <exception cref="MeshReadException">When its bytes are not valid UTF-8 (or UTF-16/32 after such a mark): one error with the position.</exception>
    public static string Read(string path) => Read(path, FileSystem.Real);

    /// <inheritdoc cref="Read(string)"/>
    public static string Read(string path, FileSystem fileSystem)
    {
        using var file = fileSystem.OpenRead(path);
        if (file.CanSeek && file.Length > FileFinder.MaxFileSize)
        {
            throw new IOException(FileFinder.TooLarge(file.Length));
        }

        var buffer = new byte[BufferSize + 4];
        var start = file.CanSeek ? Utf8TextStart(file, buffer) : -1;
        if (start < 0)
        {
            // A pipe cannot be read twice, and UTF-16 and UTF-32 files are rare: those are read whole, then decoded.
            if (file.CanSeek)
            {
                file.Position = 0;
            }

            return DecodeWhole(ReadBounded(file), path);
        }

        var length = CheckAndCount(file, start, buffer, path);
        file.Position = start;
        var decoder = MeshYaml.Utf8.GetDecoder();
        return string.Create(checked((int)length), (File: file, Buffer: buffer, Decoder: decoder, Path: path), static (text, state) =>
        {
            var at = 0;
            for (int read; (read = state.File.Read(state.Buffer, 0, BufferSize)) > 0;)
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

    /// <summary>
    /// A reader of the file's text that streams: a UTF-8 file is checked whole first (invalid bytes are an error with
    /// their position before any text is handed out), then decoded in pieces as it is read, so memory does not grow
    /// with the file. UTF-16/32 files and pipes are read whole, as <see cref="Read(string, FileSystem)"/> reads them.
    /// </summary>
    /// <exception cref="IOException">When the file is missing, unreadable or too large.</exception>
    /// <exception cref="MeshReadException">When its bytes are not valid text: one error with the position.</exception>
    public static TextReader OpenReader(string path, FileSystem fileSystem)
    {
        var file = fileSystem.OpenRead(path);
        try
        {
            if (file.CanSeek && file.Length > FileFinder.MaxFileSize)
            {
                throw new IOException(FileFinder.TooLarge(file.Length));
            }

            var buffer = new byte[BufferSize + 4];
            var start = file.CanSeek ? Utf8TextStart(file, buffer) : -1;
            if (start < 0)
            {
                if (file.CanSeek)
                {
                    file.Position = 0;
                }

                var text = DecodeWhole(ReadBounded(file), path);
                file.Dispose();
                return new StringReader(text);
            }

            CheckAndCount(file, start, buffer, path);
            file.Position = start;
            return new Utf8FileReader(file, StrictUtf8, BufferSize, path, fileSystem, start);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Checks that the bytes from <paramref name="start"/> are UTF-8 and counts their UTF-16 characters.</summary>
    private static long CheckAndCount(Stream file, int start, byte[] buffer, string path)
    {
        var chars = ArrayPool<char>.Shared.Rent(buffer.Length);
        try
        {
            file.Position = start;
            long length = 0;
            long offset = start; // of buffer[0] in the file
            var carried = 0;      // bytes of a character cut at the end of the last chunk, moved to the front
            while (true)
            {
                var read = file.Read(buffer, carried, BufferSize);
                var available = carried + read;
                var status = Utf8.ToUtf16(buffer.AsSpan(0, available), chars, out var bytesRead, out var written, replaceInvalidSequences: false, isFinalBlock: read == 0);
                length += written;
                if (status == OperationStatus.InvalidData)
                {
                    throw InvalidText(path, file, start, offset + bytesRead, buffer[bytesRead], MeshYaml.Utf8, "UTF-8");
                }

                if (read == 0)
                {
                    return length;
                }

                carried = available - bytesRead;
                buffer.AsSpan(bytesRead, carried).CopyTo(buffer);
                offset += bytesRead;
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>The bytes of a stream, at most <see cref="FileFinder.MaxFileSize"/> of them (a pipe may never end).</summary>
    private static byte[] ReadBounded(Stream file)
    {
        using var bytes = new MemoryStream();
        var buffer = new byte[BufferSize];
        for (int read; (read = file.Read(buffer)) > 0;)
        {
            if (bytes.Length + read > FileFinder.MaxFileSize)
            {
                throw new IOException(FileFinder.TooLarge(bytes.Length + read));
            }

            bytes.Write(buffer, 0, read);
        }

        return bytes.ToArray();
    }

    /// <summary>Decodes a whole file by its byte order mark, UTF-8 without one; strictly.</summary>
    private static string DecodeWhole(byte[] bytes, string path)
    {
        var (encoding, name, mark) = bytes switch
        {
            [0xEF, 0xBB, 0xBF, ..] => (StrictUtf8, "UTF-8", 3),
            [0xFF, 0xFE, 0, 0, ..] => (new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), "UTF-32", 4),
            [0, 0, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true), "UTF-32", 4),
            [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), "UTF-16", 2),
            [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), "UTF-16", 2),
            _ => (StrictUtf8, "UTF-8", 0),
        };
        try
        {
            return encoding.GetString(bytes.AsSpan(mark)); // a span: the exception's index counts from the text's start
        }
        catch (DecoderFallbackException e)
        {
            var at = Math.Min(mark + Math.Max(0, e.Index), bytes.Length);
            var unknown = e.BytesUnknown ?? [];
            if (!bytes.AsSpan(at).StartsWith(unknown) && at - unknown.Length >= mark && bytes.AsSpan(at - unknown.Length).StartsWith(unknown))
            {
                at -= unknown.Length; // the UTF-16 decoder finds a lone high surrogate only at the unit after it
            }

            using var prefix = new MemoryStream(bytes, 0, at);
            throw InvalidText(path, prefix, mark, at, e.BytesUnknown is [var first, ..] ? first : bytes[at], encoding, name);
        }
    }

    /// <summary>
    /// The error for an invalid byte at <paramref name="offset"/>: its line and column are counted in the text
    /// before it (read again from <paramref name="file"/>), as the YAML reader counts them.
    /// </summary>
    private static MeshReadException InvalidText(string path, Stream file, int start, long offset, byte value, Encoding encoding, string name)
    {
        file.Position = start;
        // Only the characters before the invalid byte are counted; a replacing decoder, in case the index given
        // by the strict one lies past the start of the character it could not decode.
        var decoder = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback).GetDecoder();
        var buffer = new byte[BufferSize];
        var chars = new char[encoding.GetMaxCharCount(BufferSize)];
        int line = 1, column = 1;
        for (var left = offset - start; left > 0;)
        {
            var read = file.Read(buffer, 0, (int)Math.Min(BufferSize, left));
            if (read == 0)
            {
                break;
            }

            left -= read;
            var count = decoder.GetChars(buffer, 0, read, chars, 0, flush: left == 0);
            foreach (var c in chars.AsSpan(0, count))
            {
                (line, column) = c == '\n' ? (line + 1, 1) : (line, column + 1);
            }
        }

        return new MeshReadException([new ReadError(path, line, column, string.Empty,
            $"invalid {name}: the byte 0x{value:X2} is not part of a valid character; save the file as UTF-8")]);
    }

    /// <summary>Where UTF-8 text starts (after a UTF-8 byte order mark), or -1 for another encoding's mark.</summary>
    private static int Utf8TextStart(Stream file, byte[] buffer)
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
