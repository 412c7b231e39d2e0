using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Tests.Serialization;

/// <summary>Positions found by <see cref="ResourceSource.Locate"/> (a value's position) when documents are parsed again for them.</summary>
public class ResourceSourceTests
{
    private const string Yaml = """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: a
        spec:
          hosts:
          - a.example.com
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
            name: b
          spec:
            host: b.example.com
        - apiVersion: networking.istio.io/v1
          kind: DestinationRule
          metadata:
            name: c
          spec:
              host: c.example.com

        """;

    [Fact]
    public void Locating_in_turns_across_documents_gives_each_documents_positions()
    {
        var resources = MeshYaml.Read(Yaml, "a.yaml");
        var (a, b, c) = (resources[0].Source!, resources[1].Source!, resources[2].Source!);

        // The text keeps the document parsed last: asking in turns must not mix documents up.
        for (var round = 0; round < 2; round++)
        {
            Assert.Equal(new SourcePosition(9, 13), a.Locate("spec.ports[0].number"));
            Assert.Equal(new SourcePosition(22, 11), b.Locate("spec.host"));
            Assert.Equal(new SourcePosition(28, 13), c.Locate("spec.host"));
            Assert.Equal(new SourcePosition(7, 3), a.Locate("spec.hosts"));
            Assert.Equal(new SourcePosition(28, 7), c.Locate("spec.subsets[0]"));
            Assert.Equal(new SourcePosition(1, 1), a.Locate(string.Empty));
        }
    }
}
