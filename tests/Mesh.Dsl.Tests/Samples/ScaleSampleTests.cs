using Mesh.Dsl.Model;
using Mesh.Dsl.Samples;
using Mesh.Dsl.Samples.Scale;
using Mesh.Dsl.Serialization;
using Mesh.Dsl.Validation;

namespace Mesh.Dsl.Tests.Samples;

public class ScaleSampleTests
{
    private const string Svc0Documents = """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: svc-0
        spec:
          hosts:
          - svc-0.example.com
          ports:
          - number: 80
            name: http-port
            protocol: HTTP
            targetPort: 443
          - number: 443
            name: https-port
            protocol: HTTPS
          location: MESH_EXTERNAL
          resolution: DNS
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: svc-0
        spec:
          host: svc-0.example.com
          trafficPolicy:
            portLevelSettings:
            - port:
                number: 80
              tls:
                mode: SIMPLE
                caCertificates: /etc/ssl/certs/ca-certificates.crt
                sni: svc-0.example.com
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: svc-0
        spec:
          hosts:
          - svc-0.example.com
          http:
          - match:
            - port: 80
            route:
            - destination:
                host: svc-0.example.com
                port:
                  number: 443
            timeout: 5s
            retries:
              attempts: 3
              perTryTimeout: 2s

        """;

    private const string SharedDocuments = """
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata:
          name: istio-egressgateway
          namespace: istio-system
        spec:
          servers:
          - port:
              number: 80
              name: http
              protocol: HTTP
            hosts:
            - "*.example.com"
          selector:
            istio: egressgateway
        ---
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: default
          namespace: istio-system
        spec:
          mtls:
            mode: STRICT

        """;

    [Fact]
    public void Three_services_write_eleven_documents_starting_with_svc_0_and_ending_with_the_shared_two()
    {
        var (exit, yaml, stderr) = RunToFile("--services", "3");

        Assert.Equal(0, exit);
        var documents = yaml.Split("---\n");
        Assert.Equal(11, documents.Length);
        Assert.StartsWith(Svc0Documents.Replace("\r\n", "\n") + "---\n", yaml, StringComparison.Ordinal);
        Assert.EndsWith("---\n" + SharedDocuments.Replace("\r\n", "\n"), yaml, StringComparison.Ordinal);
        Assert.Contains("documents: 11", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Written_file_reads_back_as_the_built_mesh()
    {
        var (_, yaml, _) = RunToFile("--services", "3");

        var read = MeshYaml.Read(yaml, "scale.yaml");
        var built = ScaleSample.Build(3).Resources;
        Assert.Equal(built.Count, read.Count);
        for (var i = 0; i < built.Count; i++)
        {
            Assert.True(ResourceComparer.Instance.Equals(built[i], read[i]), $"document {i} ({built[i]}) differs after reading back");
        }
    }

    [Fact]
    public void Service_i_resources_are_named_and_hosted_after_i()
    {
        var resources = ScaleSample.Build(12).Resources;

        Assert.Equal(38, resources.Count);
        Assert.Equal(
            ["ServiceEntry svc-11", "DestinationRule svc-11", "VirtualService svc-11"],
            resources.Skip(33).Take(3).Select(r => r.ToString()));
        Assert.Contains("svc-11.example.com", MeshYaml.Serialize(resources[34]), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_phase_time_the_peak_memory_and_the_jit_and_gc_cost_go_to_stderr()
    {
        var (_, _, stderr) = RunToFile("--services", "1");

        Assert.Contains("build:", stderr, StringComparison.Ordinal);
        Assert.Contains("validate:", stderr, StringComparison.Ordinal);
        Assert.Contains("0 errors", stderr, StringComparison.Ordinal);
        Assert.Contains("write:", stderr, StringComparison.Ordinal);
        Assert.Contains("peak working set", stderr, StringComparison.Ordinal);
        Assert.Contains("methods JIT-compiled", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_scale_mesh_validates_without_any_diagnostic()
    {
        var (_, _, stderr) = RunToFile("--services", "5");

        Assert.Empty(ScaleSample.Build(5).Validate());
        Assert.Contains("(0 diagnostics, 0 errors)", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Alike_warnings_are_reported_once_with_a_count_and_every_error_in_full()
    {
        Diagnostic Finding(string code, DiagnosticSeverity severity, int i) => new(code, severity, "DestinationRule", null, $"svc-{i}", "spec.host", "message");
        var stderr = new StringWriter();

        ScaleSample.ReportDiagnostics(
            [.. Enumerable.Range(0, 5).Select(i => Finding("IST0129", DiagnosticSeverity.Warning, i)), Finding("MESH1003", DiagnosticSeverity.Error, 0), Finding("MESH1003", DiagnosticSeverity.Error, 1)],
            stderr);

        var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            ["warning IST0129 DestinationRule svc-0 spec.host: message", "  ... and 4 more IST0129", "error MESH1003 DestinationRule svc-0 spec.host: message", "error MESH1003 DestinationRule svc-1 spec.host: message"],
            lines);
    }

    [Fact]
    public void Without_out_the_yaml_goes_to_stdout()
    {
        var stdout = new StringWriter();
        var exit = ScaleSample.Run(["--services", "0"], stdout, new StringWriter());

        Assert.Equal(0, exit);
        Assert.Equal(SharedDocuments.Replace("\r\n", "\n"), stdout.ToString());
    }

    [Fact]
    public void The_samples_program_dispatches_scale()
    {
        var stdout = new StringWriter();
        var exit = SamplesProgram.Run(["scale", "--services", "0"], stdout, new StringWriter());

        Assert.Equal(0, exit);
        Assert.Equal(SharedDocuments.Replace("\r\n", "\n"), stdout.ToString());
    }

    [Theory]
    [InlineData]
    [InlineData("--services")]
    [InlineData("--services", "many")]
    [InlineData("--services", "-1")]
    [InlineData("--services", "3", "--frobnicate")]
    public void Bad_arguments_exit_2_with_the_usage(params string[] args)
    {
        var stderr = new StringWriter();
        var exit = ScaleSample.Run(args, new StringWriter(), stderr);

        Assert.Equal(2, exit);
        Assert.Contains(ScaleSample.Usage, stderr.ToString(), StringComparison.Ordinal);
    }

    private static (int Exit, string Yaml, string Stderr) RunToFile(params string[] args)
    {
        var path = Path.Combine(Path.GetTempPath(), $"mesh-scale-{Guid.NewGuid():N}.yaml");
        try
        {
            var stderr = new StringWriter();
            var exit = ScaleSample.Run([.. args, "--out", path], new StringWriter(), stderr);
            return (exit, File.ReadAllText(path), stderr.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
