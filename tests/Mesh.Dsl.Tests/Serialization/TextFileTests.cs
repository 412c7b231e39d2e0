using System.Text;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Tests.Serialization;

/// <summary><see cref="TextFile"/> must read every file as a StreamReader that detects byte order marks does.</summary>
public class TextFileTests
{
    public static TheoryData<string, byte[]> Files()
    {
        var utf8 = Encoding.UTF8;
        var text = "kind: VirtualService\n# é, 中, 😀\n";
        var large = string.Concat(Enumerable.Repeat("x: 'é中😀'\n", 20_000)); // multi-byte characters across every 64 KB boundary
        var invalid = Enumerable.Repeat((byte)'a', (1 << 16) - 1).Concat(new byte[] { 0xE4, 0xB8, 0x41, 0xFF, 0xC3 }).ToArray();
        return new()
        {
            { "empty", [] },
            { "one byte", [(byte)'a'] },
            { "half a mark", [0xEF, 0xBB] },
            { "UTF-8", utf8.GetBytes(text) },
            { "UTF-8 with a mark", [0xEF, 0xBB, 0xBF, .. utf8.GetBytes(text)] },
            { "two UTF-8 marks", [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. utf8.GetBytes(text)] },
            { "UTF-16 LE", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)] },
            { "UTF-16 BE", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)] },
            { "UTF-32 LE", [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(text)] },
            { "UTF-32 BE", [0, 0, 0xFE, 0xFF, .. new UTF32Encoding(bigEndian: true, byteOrderMark: false).GetBytes(text)] },
            { "large", utf8.GetBytes(large) },
            { "invalid bytes at a buffer's end", invalid },
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
}
