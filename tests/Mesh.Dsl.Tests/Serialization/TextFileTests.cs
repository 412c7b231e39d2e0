using System.Text;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Tests.Serialization;

/// <summary>
/// <see cref="TextFile"/> must read every valid file as a StreamReader that detects byte order marks does, and refuse
/// bytes that are not text with their position where a StreamReader would put U+FFFD.
/// </summary>
public class TextFileTests
{
    public static TheoryData<string, byte[]> Files()
    {
        var utf8 = Encoding.UTF8;
        var text = "kind: VirtualService\n# é, 中, 😀\n";
        var large = string.Concat(Enumerable.Repeat("x: 'é中😀'\n", 20_000)); // multi-byte characters across every 64 KB boundary
        return new()
        {
            { "empty", [] },
            { "one byte", [(byte)'a'] },
            { "UTF-8", utf8.GetBytes(text) },
            { "UTF-8 with a mark", [0xEF, 0xBB, 0xBF, .. utf8.GetBytes(text)] },
            { "two UTF-8 marks", [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. utf8.GetBytes(text)] },
            { "UTF-16 LE", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)] },
            { "UTF-16 BE", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)] },
            { "UTF-32 LE", [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(text)] },
            { "UTF-32 BE", [0, 0, 0xFE, 0xFF, .. new UTF32Encoding(bigEndian: true, byteOrderMark: false).GetBytes(text)] },
            { "large", utf8.GetBytes(large) },
        };
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Reads_as_a_stream_reader_does(string name, byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), $"mesh-text-{Guid.NewGuid():N}.yaml");
        File.WriteAllBytes(path, bytes);
        try
        {
            using var reader = new StreamReader(path, MeshYaml.Utf8, detectEncodingFromByteOrderMarks: true);
            Assert.True(reader.ReadToEnd() == TextFile.Read(path), name);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_file_is_the_same_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mesh-missing-{Guid.NewGuid():N}.yaml");
        var expected = Assert.Throws<FileNotFoundException>(() => new StreamReader(path, MeshYaml.Utf8, detectEncodingFromByteOrderMarks: true));
        Assert.Equal(expected.Message, Assert.Throws<FileNotFoundException>(() => TextFile.Read(path)).Message);
    }

    public static TheoryData<string, byte[], string> InvalidFiles() => new()
    {
        { "half a mark", [0xEF, 0xBB], "1:1: invalid UTF-8: the byte 0xEF is not part of a valid character; save the file as UTF-8" },
        {
            "a character cut by the end of a 64 KB buffer",
            [.. Enumerable.Repeat((byte)'a', (1 << 16) - 1), 0xE4, 0xB8, 0x41, 0xFF, 0xC3],
            "1:65536: invalid UTF-8: the byte 0xE4 is not part of a valid character; save the file as UTF-8"
        },
        {
            "Latin-1 on the second line",
            [.. "kind: ServiceEntry\nmetadata: {name: caf"u8, 0xE9, .. "}\n"u8],
            "2:21: invalid UTF-8: the byte 0xE9 is not part of a valid character; save the file as UTF-8"
        },
        {
            "after a UTF-8 mark and multi-byte characters",
            [0xEF, 0xBB, 0xBF, .. "# é中😀\nx: "u8, 0xC0, 0xAF],
            "2:4: invalid UTF-8: the byte 0xC0 is not part of a valid character; save the file as UTF-8"
        },
        {
            "a lone surrogate in UTF-16",
            [0xFF, 0xFE, (byte)'a', 0, (byte)'\n', 0, (byte)'b', 0, 0x00, 0xD8, (byte)'c', 0],
            "2:2: invalid UTF-16: the byte 0x00 is not part of a valid character; save the file as UTF-8"
        },
    };

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public void Bytes_that_are_not_text_are_an_error_with_their_line_and_column(string name, byte[] bytes, string expected)
    {
        var path = Path.Combine(Path.GetTempPath(), $"mesh-text-{Guid.NewGuid():N}.yaml");
        File.WriteAllBytes(path, bytes);
        try
        {
            var error = Assert.Single(Assert.Throws<MeshReadException>(() => TextFile.Read(path)).Errors);
            Assert.True($"{path}:{expected}" == error.ToString(), $"{name}: {error}");
            Assert.Equal($"{path}:{expected}", Assert.Single(MeshYaml.TryReadFile(path).Errors).ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_pipe_is_read_strictly_too()
    {
        var fileSystem = new NonSeekableFileSystem(() => new MemoryStream([.. "a: 1\nb: "u8, 0xFF]));

        var error = Assert.Single(Assert.Throws<MeshReadException>(() => TextFile.Read("pipe", fileSystem)).Errors);

        Assert.Equal("pipe:2:4: invalid UTF-8: the byte 0xFF is not part of a valid character; save the file as UTF-8", error.ToString());
    }

    [Fact]
    public void A_pipe_that_never_ends_stops_at_the_size_limit()
    {
        var fileSystem = new NonSeekableFileSystem(() => new EndlessStream());

        var error = Assert.Throws<IOException>(() => TextFile.Read("zeros", fileSystem));

        Assert.Matches(@"^not read: the file is larger than the limit of 256 MiB \(268,[0-9]{3},[0-9]{3} bytes\)$", error.Message);
    }

    /// <summary>Opens every path as a stream that cannot seek, as a pipe is.</summary>
    private sealed class NonSeekableFileSystem(Func<Stream> open) : Mesh.Dsl.IO.FileSystem
    {
        public override Stream OpenRead(string path) => new NonSeekable(open());
    }

    private sealed class NonSeekable(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>/dev/zero: NUL bytes without end.</summary>
    private sealed class EndlessStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Clear(buffer, offset, count);
            return count;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
