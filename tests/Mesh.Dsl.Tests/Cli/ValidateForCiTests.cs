using System.Text.Json;
using Mesh.Dsl.Cli;
using NJsonSchema;

namespace Mesh.Dsl.Tests.Cli;

/// <summary><c>mesh validate</c> in a config repository's CI: suppressions, <c>--fail-on</c>, standard input and SARIF.</summary>
public sealed class ValidateForCiTests : IDisposable
{
    private const string Permissive = "apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: p\n  namespace: testing\nspec:\n  mtls: {mode: PERMISSIVE}\n";
    private const string BadPort = "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: bad\n  namespace: default\nspec:\n  hosts: [b.com]\n  ports:\n  - number: 0\n    name: https\n    protocol: HTTPS\n  resolution: DNS\n";
    private const string IneffectiveMatch =
        "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: r\n  namespace: shop\nspec:\n  hosts: [r.shop.svc.cluster.local]\n"
        + "  http:\n  - match: [{uri: {prefix: /a}}, {uri: {prefix: /a}}]\n    route: [{destination: {host: r.shop.svc.cluster.local}}]\n";

    private static readonly Lazy<JsonSchema> SarifSchema = new(() =>
        JsonSchema.FromFileAsync(Path.Combine(TestPaths.RepositoryRoot, "tests", "Mesh.Dsl.Tests", "Fixtures", "Sarif", "sarif-2.1.0-rtm.5.json")).GetAwaiter().GetResult());

    private readonly string _folder = Directory.CreateTempSubdirectory("mesh-validate-ci-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int Exit, string Out, string Err) Run(string? stdin, params string[] args) => CliRun.Run(stdin, false, args);

    private string Write(string name, string text) => CliRun.Write(_folder, name, text);

    [Theory]
    [InlineData("error", 0)]
    [InlineData("warning", 1)]
    [InlineData("info", 1)]
    public void Fail_on_sets_the_lowest_severity_that_fails(string level, int expected)
    {
        var (exit, output, _) = Run(null, "validate", "--fail-on", level, Write("p.yaml", Permissive));
        Assert.Equal(expected, exit);
        Assert.Contains("warning MESH3005", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Info_fails_only_at_fail_on_info()
    {
        var file = Write("vs.yaml", IneffectiveMatch);
        Assert.Contains("info IST0131", Run(null, "validate", file).Out, StringComparison.Ordinal);
        Assert.Equal(0, Run(null, "validate", "--fail-on", "warning", file).Exit);
        Assert.Equal(1, Run(null, "validate", "--fail-on", "info", file).Exit);
    }

    [Fact]
    public void Errors_fail_by_default_and_at_every_level()
    {
        var file = Write("bad.yaml", BadPort);
        Assert.Equal(1, Run(null, "validate", file).Exit);
        Assert.Equal(1, Run(null, "validate", "--fail-on", "info", file).Exit);
    }

    [Fact]
    public void Suppress_is_repeatable_and_silences_what_it_matches()
    {
        var files = new[] { Write("p.yaml", Permissive), Write("vs.yaml", IneffectiveMatch) };
        var (exit, output, _) = Run(null, ["validate", "--fail-on", "info", "--suppress", "MESH3005=PeerAuthentication *.testing", "-S", "IST0131=VirtualService r.shop", .. files]);
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public void Malformed_suppress_is_a_wrong_command_line()
    {
        var (exit, _, error) = Run(null, "validate", "--suppress", "MESH3005", Write("p.yaml", Permissive));
        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("CODE=Kind name.namespace", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_suppressed_code_is_a_warning_on_stderr()
    {
        var (exit, _, error) = Run(null, "validate", "--suppress", "IST9999=Pod *", Write("p.yaml", Permissive));
        Assert.Equal(0, exit);
        Assert.Contains("IST9999", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Dash_reads_standard_input_as_part_of_the_one_mesh()
    {
        var gateway = "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: gw\n  namespace: shop\nspec:\n  selector: {istio: ingressgateway}\n  servers:\n  - port: {number: 80, name: http, protocol: HTTP}\n    hosts: [\"*\"]\n";
        var service = "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: r\n  namespace: shop\nspec:\n  hosts: [r.example.com]\n  gateways: [gw]\n  http:\n  - route: [{destination: {host: r.shop.svc.cluster.local}}]\n";

        // Alone the VirtualService names a missing Gateway; with the Gateway from standard input it does not.
        Assert.Contains("IST0101", Run(null, "validate", Write("vs.yaml", service)).Out, StringComparison.Ordinal);
        var (exit, output, _) = Run(gateway, "validate", Path.Combine(_folder, "vs.yaml"), "-");
        Assert.Equal(0, exit);
        Assert.DoesNotContain("IST0101", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_read_from_standard_input_name_stdin_with_line_and_column()
    {
        var (exit, output, _) = Run(BadPort, "validate", "-");
        Assert.Equal(1, exit);
        Assert.StartsWith("<stdin>:9:13: error MESH1006", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Sarif_output_is_valid_against_the_published_sarif_2_1_0_schema()
    {
        Write("manifests/bad.yaml", BadPort);
        Write("manifests/p.yaml", Permissive);
        Write("manifests/unreadable.yaml", "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: x\nspec:\n  hostz: [a.com]\n");
        var (exit, output, _) = Run(IneffectiveMatch, "validate", "--format", "sarif", Path.Combine(_folder, "manifests"), "-");
        Assert.Equal(1, exit);

        var errors = SarifSchema.Value.Validate(output);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));

        // The schema check is not vacuous: a level SARIF does not define, or a result without a message, is refused.
        Assert.NotEmpty(SarifSchema.Value.Validate(output.Replace("\"level\": \"error\"", "\"level\": \"fatal\"", StringComparison.Ordinal)));
        Assert.NotEmpty(SarifSchema.Value.Validate(output.Replace("\"message\"", "\"note\"", StringComparison.Ordinal)));
    }

    [Fact]
    public void Sarif_has_tool_rules_from_the_catalogue_and_results_with_file_line_and_column()
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), Write("dir with space/bad.yaml", BadPort));
        var (_, output, _) = Run(null, "validate", "--format", "sarif", relative, Write("p.yaml", Permissive));
        using var json = JsonDocument.Parse(output);
        Assert.Equal("2.1.0", json.RootElement.GetProperty("version").GetString());
        var run = json.RootElement.GetProperty("runs")[0];
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("mesh", driver.GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(driver.GetProperty("version").GetString()));

        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(["MESH1006", "MESH3005"], rules.Select(r => r.GetProperty("id").GetString()));
        var portRule = Mesh.Dsl.Validation.DiagnosticCodes.Describe("MESH1006")!;
        Assert.Equal(portRule.Title, rules[0].GetProperty("name").GetString());
        Assert.Contains(portRule.Fix, rules[0].GetProperty("help").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("error", rules[0].GetProperty("defaultConfiguration").GetProperty("level").GetString());

        var results = run.GetProperty("results").EnumerateArray().ToList();
        var port = results.Single(r => r.GetProperty("ruleId").GetString() == "MESH1006");
        Assert.Equal(0, port.GetProperty("ruleIndex").GetInt32());
        Assert.Equal("error", port.GetProperty("level").GetString());
        var location = port.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal(relative.Replace('\\', '/').Replace(" ", "%20", StringComparison.Ordinal), location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(9, location.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(13, location.GetProperty("region").GetProperty("startColumn").GetInt32());
        Assert.Equal("ServiceEntry default/bad", port.GetProperty("locations")[0].GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString());

        var warning = results.Single(r => r.GetProperty("ruleId").GetString() == "MESH3005");
        Assert.Equal("warning", warning.GetProperty("level").GetString());
        Assert.StartsWith("file://", warning.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Sarif_of_a_clean_mesh_is_a_valid_log_with_no_results()
    {
        var (exit, output, _) = Run(null, "validate", "--format", "sarif", Write("ok.yaml", "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: ok\n  namespace: default\nspec:\n  hosts: [a.com]\n  ports: [{number: 443, name: https, protocol: HTTPS}]\n  resolution: DNS\n"));
        Assert.Equal(0, exit);
        Assert.Empty(SarifSchema.Value.Validate(output));
        using var json = JsonDocument.Parse(output);
        Assert.Equal(0, json.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength());
    }
}
