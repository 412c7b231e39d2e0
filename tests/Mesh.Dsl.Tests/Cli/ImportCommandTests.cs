using Mesh.Dsl.Cli;

namespace Mesh.Dsl.Tests.Cli;

public sealed class ImportCommandTests : IDisposable
{
    private const string ServiceEntry = """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: cnn
        spec:
          hosts:
          - "*.cnn.com"
          ports:
          - number: 80
            name: http
            protocol: HTTP
          resolution: NONE
        """;

    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec: {}
        """;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "mesh-import-cli-" + Guid.NewGuid().ToString("N"));

    public ImportCommandTests() => Directory.CreateDirectory(Path.Combine(_directory, "in", "egress"));

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Without_out_writes_the_code_of_each_file_to_stdout()
    {
        var file = Write("in/egress/cnn.yaml", ServiceEntry);

        var (code, stdout, stderr) = Run("import", file);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        Assert.StartsWith("// cnn.yaml\n", stdout, StringComparison.Ordinal);
        Assert.Contains("internal static class Cnn", stdout, StringComparison.Ordinal);
        Assert.Contains("mesh.AddServiceEntry(\"cnn\", se => se", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_writes_a_project_with_a_file_per_input_named_after_its_path_below_the_folder()
    {
        Write("in/egress/cnn.yaml", ServiceEntry);
        var library = Path.Combine(TestPaths.RepositoryRoot, "src", "Mesh.Dsl", "Mesh.Dsl.csproj");

        var (code, _, stderr) = Run("import", "--out", Path.Combine(_directory, "out"), "--reference", library, Path.Combine(_directory, "in"));

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        Assert.Equal(["EgressCnn.cs", "Out.csproj", "Program.cs"], Directory.GetFiles(Path.Combine(_directory, "out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var project = File.ReadAllText(Path.Combine(_directory, "out", "Out.csproj"));
        Assert.Contains($"<ProjectReference Include=\"{Path.GetRelativePath(Path.Combine(_directory, "out"), library)}\" />", project, StringComparison.Ordinal);
        Assert.Contains("Write(EgressCnn.AddTo, \"egress/cnn.yaml\");", File.ReadAllText(Path.Combine(_directory, "out", "Program.cs")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_of_another_kind_is_named_on_stderr_and_in_a_comment_and_the_rest_is_imported()
    {
        var file = Write("in/mixed.yaml", Deployment + "\n---\n" + ServiceEntry);

        var (code, stdout, stderr) = Run("import", file);

        // The loader keeps the Deployment apart (no error): it is named at the line its document starts.
        Assert.Equal(0, code);
        Assert.Equal($"mesh import: {file}:1: Deployment web (apps/v1): not imported (not an Istio kind Mesh.Dsl models); kept only as a comment\n", stderr.ReplaceLineEndings("\n"));
        Assert.Contains($"// Not imported (not an Istio kind Mesh.Dsl models): {file}:1: Deployment web (apps/v1)\n", stdout, StringComparison.Ordinal);
        Assert.Contains("mesh.AddServiceEntry(\"cnn\"", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_fails_to_load_is_reported_with_its_position_and_the_others_are_still_imported()
    {
        var bad = Write("in/bad.yaml", ServiceEntry.Replace("number: 80", "number: eighty", StringComparison.Ordinal));
        var good = Write("in/good.yaml", ServiceEntry);

        var (code, stdout, stderr) = Run("import", bad, good);

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains($"{bad}:9:13: spec.ports[0].number: expected an integer", stderr, StringComparison.Ordinal);
        Assert.Contains($"mesh import: {bad}: not imported: 1 error", stderr, StringComparison.Ordinal);
        Assert.Contains("// good.yaml", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_path_fails_and_a_missing_reference_is_a_usage_error()
    {
        Assert.Equal(ExitCodes.Failure, Run("import", Path.Combine(_directory, "nothing")).Code);
        var file = Write("in/cnn.yaml", ServiceEntry);
        Assert.Equal(ExitCodes.UsageError, Run("import", "--out", Path.Combine(_directory, "out"), "--reference", Path.Combine(_directory, "none.csproj"), file).Code);
    }

    private string Write(string relativePath, string text)
    {
        var path = Path.Combine(_directory, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var code = MeshCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
