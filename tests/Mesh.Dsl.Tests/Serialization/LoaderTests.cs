using System.Diagnostics;
using k8s.Models;
using Mesh.Dsl.Serialization;
using Mesh.Dsl.Validation;
using static Mesh.Dsl.Tests.Serialization.ReadErrors;

namespace Mesh.Dsl.Tests.Serialization;

/// <summary>The one loader: how it cuts files into documents and routes each by apiVersion and kind.</summary>
public sealed class LoaderTests
{
    private static string Fixture(string name) => Path.Combine(TestPaths.RepositoryRoot, "tests", "Mesh.Dsl.Tests", "Fixtures", "Repository", name);

    /// <summary>The entries the loader hands out for a text, in order.</summary>
    private static List<ManifestEntry> Entries(string text, out IReadOnlyList<ReadError> errors, int chunkSize = DocumentSplitter.DefaultChunkSize)
    {
        var context = new ReadContext("t.yaml");
        var entries = new List<ManifestEntry>();
        ResourceReader.Read(new StringReader(text), context, new ManifestReadOptions { ChunkSize = chunkSize }, entries.Add);
        errors = context.SortedErrors();
        return entries;
    }

    [Fact]
    public void A_repository_file_is_routed_document_by_document_and_nothing_is_an_error()
    {
        var result = MeshYaml.TryReadFile(Fixture("shop/checkout.yaml"));

        Assert.Empty(result.Errors);
        Assert.Equal(["VirtualService shop/checkout", "DestinationRule shop/checkout", "AuthorizationPolicy shop/checkout-callers"], result.Resources.Select(r => r.ToString()));
        Assert.Equal(
            [
                ("v1", "Namespace", null, "shop", 1),
                ("apps/v1", "Deployment", "shop", "checkout-v1", 9),
                ("v1", "ServiceAccount", "shop", "checkout", 32),
                ("v1", "Service", "shop", "checkout", 38),
                ("v1", "ConfigMap", "shop", "checkout-settings", 89),
                ("apps/v1", "Deployment", "shop", "checkout-v2", 100),
            ],
            result.OtherDocuments.Select(d => (d.ApiVersion, d.Kind, d.Namespace, d.Name, d.Line)));
        Assert.Equal([typeof(V1Namespace), typeof(V1Deployment), typeof(V1Service), typeof(V1Deployment)], result.KubernetesObjects.Select(o => o.GetType()));
    }

    [Fact]
    public void The_documents_texts_together_are_the_file_byte_for_byte()
    {
        var text = File.ReadAllText(Fixture("shop/checkout.yaml"));

        foreach (var chunkSize in new[] { 1, 200, DocumentSplitter.DefaultChunkSize })
        {
            var entries = Entries(text, out var errors, chunkSize);
            Assert.Empty(errors);
            Assert.Equal(text, string.Concat(entries.Select(e => e.Text)));
            Assert.Equal(9, entries.Count);
        }
    }

    [Fact]
    public void The_head_comment_of_a_file_goes_with_its_first_document_and_comments_above_a_document_with_it()
    {
        var entries = Entries("# head\n\n---\n# about a\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n# about b\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n# trailing\n", out var errors);

        Assert.Empty(errors);
        Assert.Equal(
            ["# head\n\n---\n# about a\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n", "---\n# about b\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n# trailing\n"],
            entries.Select(e => e.Text));
        Assert.Equal([1, 8], entries.Select(e => e.Line));
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n# nothing\n---\n")]
    [InlineData("a: 1\r\n---\r\nb: 2\r\n")]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n...\n# after the end\n--- # a marker with a comment\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}")]
    public void Formatting_a_text_without_Istio_documents_gives_it_back_unchanged(string text)
    {
        var output = new StringWriter();

        var errors = MeshYaml.Format(new StringReader(text.Replace("a: 1", "apiVersion: v1\r\nkind: Namespace\r\nmetadata: {name: a}", StringComparison.Ordinal).Replace("b: 2", "apiVersion: v1\r\nkind: Namespace\r\nmetadata: {name: b}", StringComparison.Ordinal)), output);

        Assert.Empty(errors);
        Assert.Equal(text.Replace("a: 1", "apiVersion: v1\r\nkind: Namespace\r\nmetadata: {name: a}", StringComparison.Ordinal).Replace("b: 2", "apiVersion: v1\r\nkind: Namespace\r\nmetadata: {name: b}", StringComparison.Ordinal), output.ToString());
    }

    /// <summary>
    /// A repository holds other tools' YAML beside its manifests (what <c>mesh validate .</c> meets): a document
    /// with none of kind, metadata and spec is not a Kubernetes object, so it is kept as it is, not an error.
    /// </summary>
    [Theory]
    [InlineData(".github/workflows/ci.yml", "name: ci\non:\n  push:\n    branches: [main]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n    - uses: actions/checkout@v4\n", null)]
    [InlineData("charts/shop/Chart.yaml", "apiVersion: v2\nname: shop\ndescription: the shop # a comment\ntype: application\nversion: 0.1.0\n", "v2")]
    [InlineData("compose.yaml", "services:\n  web:\n    image: nginx\n    ports: [\"8080:80\"]\n", null)]
    [InlineData("charts/shop/values.yaml", "replicaCount: 2\nimage:\n  repository: shop\n  tag: \"1.0\"\n", null)]
    public void Other_tools_files_are_kept_as_they_are_and_are_not_errors(string name, string text, string? apiVersion)
    {
        var result = MeshYaml.TryRead(new StringReader(text), name);

        Assert.Empty(result.Errors);
        Assert.Empty(result.Resources);
        var other = Assert.Single(result.OtherDocuments);
        Assert.Equal((apiVersion, (string?)null, text), (other.ApiVersion, other.Kind, other.Text));
        Assert.Equal($"{name}:1: document without a kind", other.ToString());

        var output = new StringWriter();
        Assert.Empty(MeshYaml.Format(new StringReader(text), output, name));
        Assert.Equal(text, output.ToString());
    }

    [Fact]
    public void Validating_a_repository_with_a_CI_workflow_beside_its_manifests_reports_nothing_for_the_workflow()
    {
        var root = Directory.CreateTempSubdirectory("mesh-other-tools-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, ".github", "workflows"));
            File.WriteAllText(Path.Combine(root, ".github", "workflows", "ci.yml"), "name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n");
            File.WriteAllText(Path.Combine(root, "entry.yaml"), "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: api\nspec:\n  hosts: [api.example.com]\n  location: MESH_EXTERNAL\n  resolution: DNS\n  ports:\n  - number: 443\n    name: https\n    protocol: TLS\n");

            var diagnostics = new MeshValidator().ValidateFiles([root]);

            Assert.DoesNotContain(diagnostics, d => d.File?.EndsWith("ci.yml", StringComparison.Ordinal) == true);
            Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Other_istio_io_groups_and_other_projects_kinds_of_the_same_name_pass_through()
    {
        var result = MeshYaml.TryReadFile(Fixture("platform/gateway.yaml"));

        Assert.Empty(result.Errors);
        Assert.Equal(["Gateway istio-system/public"], result.Resources.Select(r => r.ToString()));
        Assert.Equal(["Gateway shop/waypoint (gateway.networking.k8s.io/v1)", "IstioOperator control-plane (install.istio.io/v1alpha1)", "Deployment istio-system/istio-ingressgateway (apps/v1)"], result.OtherDocuments.Select(d => d.ToString()));
    }

    [Fact]
    public void A_kubectl_List_with_other_kinds_is_kept_and_its_Istio_items_are_read()
    {
        var result = MeshYaml.TryReadFile(Fixture("kubectl-get-list.yaml"));

        Assert.Empty(result.Errors);
        var rule = Assert.Single(result.Resources);
        Assert.Equal(("DestinationRule bookshop/reviews", "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d"), (rule.ToString(), rule.Metadata.Uid));
        Assert.Equal("List  (v1)", Assert.Single(result.OtherDocuments).ToString());
        Assert.Equal([typeof(V1Service), typeof(V1Deployment)], result.KubernetesObjects.Select(o => o.GetType()));
        Assert.Equal("reviews", Assert.IsType<V1Service>(result.KubernetesObjects[0]).Metadata.Name);
    }

    [Fact]
    public void Workloads_pod_templates_are_exposed_for_the_checks_that_select_pods()
    {
        var mesh = IstioMesh.Load(Fixture("shop/checkout.yaml"));

        Assert.Equal([("Deployment", "shop", "checkout-v1"), ("Deployment", "shop", "checkout-v2")], mesh.PodTemplates.Select(t => (t.Kind, t.Namespace, t.Name)));
        Assert.Equal(new Dictionary<string, string> { ["app"] = "checkout", ["version"] = "v1" }, mesh.PodTemplates.First().Labels);
    }

    [Fact]
    public void A_Helm_template_is_one_error_for_the_file()
    {
        const string template = """
            apiVersion: v1
            kind: Service
            metadata:
              name: {{ .Values.name }}
            ---
            {{- if .Values.mesh.enabled }}
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: {{ .Values.name }}
            spec:
              hosts: [{{ .Values.host | quote }}]
            {{- end }}

            """;

        var result = Read(template);

        Assert.Empty(result.Resources);
        Assert.Equal(
            ["t.yaml:4:9: this file is a Helm or Go template, not YAML ({{ ... }} cannot be parsed); render it first (helm template, or the tool that fills it in) and check the output"],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void A_template_among_files_does_not_stop_the_run()
    {
        var folder = Directory.CreateTempSubdirectory("mesh-loader-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "a-chart.yaml"), "kind: {{ .Values.kind }}\n");
            File.WriteAllText(Path.Combine(folder, "b-entry.yaml"), ServiceEntryHead + "  hosts: [a.example.com]\n  ports: [{number: 80, name: http, protocol: HTTP}]\n  resolution: DNS\n  location: MESH_EXTERNAL\n");

            var diagnostics = new MeshValidator().ValidateFiles([folder]);

            var error = Assert.Single(diagnostics, d => d.IsError);
            Assert.Equal(Path.Combine(folder, "a-chart.yaml") + ":1:7: error MESH1000: this file is a Helm or Go template, not YAML ({{ ... }} cannot be parsed); render it first (helm template, or the tool that fills it in) and check the output", error.ToString());
            Assert.Contains(diagnostics, d => d.Kind == "ServiceEntry");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Deep_nesting_in_a_Kubernetes_document_hits_the_readers_depth_limit_at_once()
    {
        var text = "apiVersion: v1\nkind: Service\nmetadata:\n  name: deep\nspec:\n  selector: " + new string('[', 200_000) + "\n";
        var clock = Stopwatch.StartNew();

        var errors = Of(text);

        Assert.Equal(["t.yaml:6:111: nesting deeper than 100 levels"], errors);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public void An_error_in_one_document_neither_hides_the_next_documents_errors_nor_shifts_their_lines()
    {
        var text = ServiceEntryHead + "  hosts: [a]\n---\n" + ServiceEntryHead.Replace("name: shop", "name: broken", StringComparison.Ordinal) + "  hosts: [unclosed\n---\n"
            + ServiceEntryHead.Replace("name: shop", "name: third", StringComparison.Ordinal) + "  hosts: [c]\n  resolution: SOMETIMES\n";

        var result = Read(text);

        Assert.Equal(["ServiceEntry shop"], result.Resources.Select(r => r.ToString()));
        Assert.Equal(
            [
                "t.yaml:14:1: invalid YAML: while parsing a flow sequence, did not find expected ',' or ']'",
                "t.yaml:21:15: spec.resolution: expected one of NONE, STATIC, DNS, DNS_ROUND_ROBIN, DYNAMIC_DNS, got \"SOMETIMES\"",
            ],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void A_resources_positions_are_the_files_lines_in_any_chunk()
    {
        var text = string.Concat(Enumerable.Range(0, 50).Select(i => $"---\n# entry {i}\n" + ServiceEntryHead.Replace("name: shop", $"name: e{i}", StringComparison.Ordinal) + "  hosts: [e.example.com]\n"));

        foreach (var chunkSize in new[] { 1, 500, DocumentSplitter.DefaultChunkSize })
        {
            var entries = Entries(text, out var errors, chunkSize);
            Assert.Empty(errors);
            var last = Assert.Single(entries[^1].Resources);
            Assert.Equal((50 * 8) - 5, last.Source!.Position.Line);
            Assert.Equal(new SourcePosition(50 * 8, 11), last.Source.Locate("spec.hosts[0]"));
        }
    }

    [Fact]
    public void A_Kubernetes_object_that_does_not_fit_its_schema_is_an_error_at_the_value()
    {
        var errors = Of("apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n  - port: eighty\n");

        Assert.Equal(["t.yaml:7:11: spec.ports[0].port: the value does not fit Kubernetes' Service (KubernetesClient: The JSON value could not be converted to System.Int32)"], errors);
    }

    [Fact]
    public void Legacy_configuration_points_to_the_legacy_importer()
        => Assert.Equal(
            ["t.yaml:2:7: kind: RouteRule (config.istio.io/v1alpha2) is Istio 0.x configuration, which Istio no longer serves; translate it with mesh.Legacy().Import"],
            Of("apiVersion: config.istio.io/v1alpha2\nkind: RouteRule\nmetadata: {name: r}\nspec: {}\n"));
}
