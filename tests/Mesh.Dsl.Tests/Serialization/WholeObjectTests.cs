using System.Text.Json.Nodes;
using Mesh.Dsl.Model;
using Mesh.Dsl.Serialization;
using static Mesh.Dsl.Tests.Serialization.ReadErrors;

namespace Mesh.Dsl.Tests.Serialization;

/// <summary>Every ObjectMeta field and the status: read, kept, written back; and stripped when asked.</summary>
public sealed class WholeObjectTests
{
    private static string Fixture(string name) => Path.Combine(TestPaths.RepositoryRoot, "tests", "Mesh.Dsl.Tests", "Fixtures", "Repository", name);

    /// <summary>A YAML text as plain data, without nulls, empty lists and empty mappings: what "every value" means.</summary>
    private static JsonNode? Values(string yaml)
    {
        using var reader = new StringReader(yaml);
        var document = YamlDocumentParser.Parse(reader).Documents.Single();
        return Prune(FreeFormValues.Read(document.Root!.Value, new ReadContext(null)));
    }

    private static JsonNode? Prune(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject mapping:
                var pruned = new JsonObject();
                foreach (var (key, value) in mapping)
                {
                    if (Prune(value) is { } kept)
                    {
                        pruned[key] = kept;
                    }
                }

                return pruned.Count == 0 ? null : pruned;
            case JsonArray sequence:
                var items = new JsonArray();
                foreach (var item in sequence)
                {
                    if (Prune(item) is { } kept)
                    {
                        items.Add(kept);
                    }
                }

                return items.Count == 0 ? null : items;
            default:
                return node?.DeepClone();
        }
    }

    [Fact]
    public void Kubectl_get_output_of_an_Istio_resource_round_trips_with_every_value()
    {
        var original = File.ReadAllText(Fixture("kubectl-get-virtualservice.yaml"));

        var resource = MeshYaml.Read(original, "vs.yaml").Single();
        var written = MeshYaml.Serialize(resource);

        Assert.True(JsonNode.DeepEquals(Values(original), Values(written)), written);
        Assert.Equal(resource, MeshYaml.Read(written).Single(), ResourceComparer.Instance);
        Assert.Equal(written, MeshYaml.Serialize(MeshYaml.Read(written)));
    }

    [Fact]
    public void Metadata_is_written_in_a_fixed_order_and_status_after_the_spec()
    {
        var resource = MeshYaml.Read(File.ReadAllText(Fixture("kubectl-get-virtualservice.yaml"))).Single();

        var lines = MeshYaml.Serialize(resource).Split('\n');

        Assert.Equal(["apiVersion", "kind", "metadata", "spec", "status"], lines.Where(l => l.Length > 0 && l[0] != ' ').Select(l => l[..l.IndexOf(':')]));
        Assert.Equal(
            ["name", "namespace", "labels", "annotations", "uid", "resourceVersion", "generation", "creationTimestamp", "finalizers", "ownerReferences", "managedFields"],
            lines.Where(l => l.StartsWith("  ", StringComparison.Ordinal) && l[2] != ' ' && l[2] != '-' && lines.Index().First(x => x.Item == "spec:").Index > Array.IndexOf(lines, l)).Select(l => l[2..l.IndexOf(':')]));
        Assert.Contains("  creationTimestamp: \"2026-03-02T09:14:27Z\"", lines);
        Assert.Contains("    time: \"2026-03-02T09:15:02.123456Z\"", lines);
    }

    [Fact]
    public void Server_fields_of_an_Istio_resource_are_stripped_when_asked()
    {
        using var input = File.OpenText(Fixture("kubectl-get-virtualservice.yaml"));
        var output = new StringWriter();

        var errors = MeshYaml.Format(input, output, stripServerFields: true);

        Assert.Empty(errors);
        Assert.Equal(
            """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
              namespace: bookshop
              labels:
                app: reviews
              annotations:
                owner: team-books
              finalizers:
              - example.com/audit
              ownerReferences:
              - apiVersion: apps/v1
                kind: Deployment
                name: reviews-v1
                uid: 0b5c7a1e-52d4-4b8e-9a0e-6f1d2c3b4a59
                controller: false
                blockOwnerDeletion: true
            spec:
              hosts:
              - reviews
              http:
              - route:
                - destination:
                    host: reviews
                    subset: v1

            """,
            output.ToString());
    }

    [Fact]
    public void Server_fields_of_kept_documents_are_stripped_line_by_line()
    {
        var original = File.ReadAllText(Fixture("kubectl-get-list.yaml"));
        var output = new StringWriter();

        var errors = MeshYaml.Format(new StringReader(original), output, stripServerFields: true);

        Assert.Empty(errors);
        // The lines of the Service's last-applied annotation (its only one), creationTimestamp, resourceVersion, uid
        // and status, of the DestinationRule's creationTimestamp, generation, resourceVersion and uid, and of the
        // Deployment's creationTimestamp, generation, resourceVersion, uid and status.
        var removed = new[] { 6, 7, 8, 9, 14, 15, 33, 34, 38, 39, 42, 43, 53, 54, 57, 58, 74, 75, 76 };
        Assert.Equal(string.Join("\n", original.Split('\n').Where((_, i) => !removed.Contains(i + 1))), output.ToString());
    }

    [Fact]
    public void A_kept_document_in_flow_style_is_written_again_without_its_server_fields()
    {
        var output = new StringWriter();

        MeshYaml.Format(new StringReader("# settings\n{apiVersion: v1, kind: ConfigMap, metadata: {name: a, uid: x-1, resourceVersion: '5'}, data: {k: v}, status: {}}\n"), output, stripServerFields: true);

        Assert.Equal("# settings\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: v\n", output.ToString());
    }

    [Theory]
    [InlineData("  creationTimestamp: yesterday\n", "t.yaml:5:22: metadata.creationTimestamp: expected a time such as 2024-05-01T10:00:00Z, got \"yesterday\"")]
    [InlineData("  generation: two\n", "t.yaml:5:15: metadata.generation: expected an integer, got \"two\"")]
    [InlineData("  ownerReferences: [{kind: Deployment, owner: true}]\n", "t.yaml:5:40: metadata.ownerReferences[0].owner: unknown field \"owner\" in ownerReferences")]
    [InlineData("  uuid: 1\n", "t.yaml:5:3: metadata.uuid: unknown field \"uuid\" in metadata (did you mean \"uid\"?)")]
    [InlineData("  managedFields: [{manager: kubectl, time: 1}]\n", "t.yaml:5:44: metadata.managedFields[0].time: expected a time such as 2024-05-01T10:00:00Z, got 1")]
    public void Wrong_server_fields_are_errors_with_their_path(string line, string expected)
        => Assert.Equal([expected], Of(ServiceEntryHead.Replace("  name: shop\n", "  name: shop\n" + line, StringComparison.Ordinal).Replace("spec:\n", "spec:\n  hosts: [a]\n", StringComparison.Ordinal)));

    [Fact]
    public void Status_values_keep_their_types()
    {
        var resource = MeshYaml.Read(ServiceEntryHead + "  hosts: [a]\nstatus:\n  observedGeneration: 3\n  ready: true\n  ratio: 0.5\n  text: \"3\"\n  octal: 010\n  empty: []\n  gone: null\n").Single();

        Assert.Equal("""{"observedGeneration":3,"ready":true,"ratio":0.5,"text":"3","octal":"010","empty":[],"gone":null}""", resource.Status!.ToJsonString());
        Assert.EndsWith("status:\n  observedGeneration: 3\n  ready: true\n  ratio: 0.5\n  text: \"3\"\n  octal: \"010\"\n  empty: []\n  gone: null\n", MeshYaml.Serialize(resource), StringComparison.Ordinal);
    }
}
