using System.Text;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Tests.Serialization;

/// <summary>
/// A file's text is not kept by the resources read from it: <see cref="ResourceSource.Locate"/> reads their part of
/// the file again. The positions must be exactly those of the same text read from a string (which is kept), also
/// past multi-byte characters and byte order marks, for the fast path's documents and YamlDotNet's, in every
/// chunk; and a file changed or removed since must give the document's position, never a wrong one or an exception.
/// </summary>
public class SourceFileTests
{
    // Non-ASCII comment lines make byte offsets differ from character offsets; the block scalar makes the fast path
    // decline its document, so it and the documents after it in its chunk are YamlDotNet's.
    private static readonly string Yaml = string.Concat(Enumerable.Range(0, 12).Select(i => $"""
        # Dienst {i}: é, 中, €
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: se-{i}
        spec:
          hosts:
          - s{i}.example.com  # host
          ports:
          - number: 80
            name: http
            protocol: HTTP
          resolution: DNS
        ---
        apiVersion: v1
        kind: List
        items:
        - apiVersion: networking.istio.io/v1
          kind: DestinationRule
          metadata:
            name: dr-{i}
            annotations:
              note: {(i % 5 == 2 ? "|\n        a block scalar, which YamlDotNet reads" : "plain")}
          spec:
            host: s{i}.example.com
        ---

        """));

    private static readonly string[] Paths =
        ["", "metadata.name", "spec.hosts[0]", "spec.ports[0].number", "spec.host", "metadata.annotations.note", "spec.missing.field"];

    public static TheoryData<string, byte[]> Encodings() => new()
    {
        { "UTF-8", Encoding.UTF8.GetBytes(Yaml) },
        { "UTF-8 with a mark", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Yaml)] },
        { "UTF-8 with two marks", [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Yaml)] },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Positions_located_in_a_file_are_those_of_the_same_text_read_from_a_string(string name, byte[] bytes)
    {
        using var file = new TemporaryFile(bytes);
        var expected = MeshYaml.TryRead(new StringReader(Yaml), file.Path).ThrowIfFailed();
        foreach (var chunkSize in new[] { 1, 700, DocumentSplitter.DefaultChunkSize })
        {
            var read = MeshYaml.TryReadFile(file.Path, new ManifestReadOptions { ChunkSize = chunkSize }).ThrowIfFailed();
            Assert.Equal(expected.Count, read.Count);
            for (var i = 0; i < read.Count; i++)
            {
                Assert.Equal(file.Path, read[i].Source!.File);
                Assert.Equal(expected[i].Source!.Position, read[i].Source!.Position);
                foreach (var path in Paths)
                {
                    Assert.True(
                        expected[i].Source!.Locate(path) == read[i].Source!.Locate(path),
                        $"{name}, chunks of {chunkSize}: {read[i]} {path}: {read[i].Source!.Locate(path)}, from a string {expected[i].Source!.Locate(path)}");
                }
            }
        }
    }

    [Fact]
    public void The_documents_yamldotnet_reads_are_located_too()
    {
        using var file = new TemporaryFile(Encoding.UTF8.GetBytes(Yaml));
        var read = MeshYaml.TryReadFile(file.Path).ThrowIfFailed();
        var source = read.Single(r => r.Metadata.Name == "dr-2").Source!;
        Assert.True(source.Text.ParsedByYamlDotNet);
        Assert.False(read[0].Source!.Text.ParsedByYamlDotNet);

        var lines = Yaml.Split('\n');
        var note = Array.FindIndex(lines, l => l.EndsWith("note: |", StringComparison.Ordinal)) + 1;
        var host = Array.FindIndex(lines, l => l.EndsWith("host: s2.example.com", StringComparison.Ordinal)) + 1;
        Assert.Equal(new SourcePosition(note, 13), source.Locate("metadata.annotations.note"));
        Assert.Equal(new SourcePosition(host, 11), source.Locate("spec.host"));
    }

    [Fact]
    public void A_file_changed_after_reading_gives_the_documents_position_not_a_wrong_one()
    {
        using var file = new TemporaryFile(Encoding.UTF8.GetBytes(Yaml));
        var read = MeshYaml.TryReadFile(file.Path).ThrowIfFailed();
        var (first, last, beforeLast) = (read[0].Source!, read[^1].Source!, read[^2].Source!);
        Assert.Equal(new SourcePosition(2, 1), first.Position);

        // The same length, one value changed: only the hash tells. (Unchanged, it is 10:13, as from a string.) The
        // last documents' text is where it was, unchanged, so they are still located.
        File.WriteAllText(file.Path, Yaml.Replace("number: 80", "number: 81", StringComparison.Ordinal), new UTF8Encoding(false));
        Assert.Equal(first.Position, first.Locate("spec.ports[0].number"));
        var fromString = MeshYaml.Read(Yaml, file.Path);
        Assert.Equal(fromString[^1].Source!.Locate("spec.host"), last.Locate("spec.host"));
        Assert.NotEqual(last.Position, last.Locate("spec.host"));

        File.Delete(file.Path);
        Assert.Equal(beforeLast.Position, beforeLast.Locate("spec.hosts[0]"));
        Assert.Equal(first.Position, first.Locate("spec.hosts[0]"));
    }

    [Fact]
    public void What_a_file_read_keeps_is_where_its_text_is_not_the_text()
    {
        using var file = new TemporaryFile(Encoding.UTF8.GetBytes(Yaml));
        using (var reader = ManifestFiles.OpenText(file.Path))
        {
            Assert.IsType<Utf8FileReader>(reader);
        }

        Assert.All(MeshYaml.TryReadFile(file.Path).ThrowIfFailed(), r => Assert.True(r.Source!.Text.ReadsFileAgain));

        // A string (or standard input) cannot be read again: its text is kept, as UTF-8.
        var fromString = MeshYaml.Read(Yaml, "a.yaml");
        Assert.All(fromString, r => Assert.False(r.Source!.Text.ReadsFileAgain));
        Assert.Equal(new SourcePosition(10, 13), fromString[0].Source!.Locate("spec.ports[0].number"));
    }

    private sealed class TemporaryFile : IDisposable
    {
        public TemporaryFile(byte[] bytes)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"mesh-source-{Guid.NewGuid():N}.yaml");
            File.WriteAllBytes(Path, bytes);
        }

        public string Path { get; }

        public void Dispose() => File.Delete(Path);
    }
}
