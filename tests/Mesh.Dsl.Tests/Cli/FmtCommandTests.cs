using Mesh.Dsl.Cli;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Tests.Cli;

public sealed class FmtCommandTests : IDisposable
{
    // Flow style, shuffled keys and needless quotes: everything fmt should undo; its comments stay.
    private const string MessyServiceEntry = """
        # allow the cnn hosts
        kind: ServiceEntry
        apiVersion: "networking.istio.io/v1alpha3"
        spec: {resolution: NONE, ports: [{protocol: HTTP, name: "http-port", number: 80}, {name: https-port, number: 443, protocol: HTTPS}], hosts: ['*.cnn.com']}
        metadata: {name: "cnn"}  # trailing comment

        """;

    private const string CanonicalServiceEntry = """
        # allow the cnn hosts
        apiVersion: networking.istio.io/v1alpha3
        kind: ServiceEntry
        metadata: # trailing comment
          name: cnn
        spec:
          hosts:
          - "*.cnn.com"
          ports:
          - number: 80
            name: http-port
            protocol: HTTP
          - number: 443
            name: https-port
            protocol: HTTPS
          resolution: NONE

        """;

    private const string MessyPeerAuthentications = """
        apiVersion: security.istio.io/v1beta1
        kind: PeerAuthentication
        metadata: {namespace: foo, name: default}
        spec:
          mtls: {mode: "STRICT"}
        ---
        spec:
            mtls:
                mode: PERMISSIVE
        metadata:
            name: "legacy"
        kind: PeerAuthentication
        apiVersion: 'security.istio.io/v1'

        """;

    private const string CanonicalPeerAuthentications = """
        apiVersion: security.istio.io/v1beta1
        kind: PeerAuthentication
        metadata:
          name: default
          namespace: foo
        spec:
          mtls:
            mode: STRICT
        ---
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: legacy
        spec:
          mtls:
            mode: PERMISSIVE

        """;

    private const string BrokenServiceEntry = """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata: {name: broken}
        spec:
          hosts: [a.example.com]
          ports: [{number: eighty, name: http}]

        """;

    private readonly string _root = Directory.CreateTempSubdirectory("mesh-fmt-tests-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Fmt_writes_a_messy_file_to_stdout_in_canonical_form()
    {
        var file = Create("messy.yaml", MessyServiceEntry);

        var run = Run("fmt", file);

        Assert.Equal((ExitCodes.Success, CanonicalServiceEntry, ""), (run.ExitCode, run.Stdout, run.Stderr));
    }

    [Fact]
    public void Fmt_keeps_each_documents_apiVersion()
    {
        var file = Create("peers.yaml", MessyPeerAuthentications);

        var run = Run("fmt", file);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(CanonicalPeerAuthentications, run.Stdout);
    }

    [Fact]
    public void Fmt_separates_files_on_stdout_so_the_output_is_one_multi_document_stream()
    {
        var first = Create("a.yaml", MessyServiceEntry);
        var second = Create("b.yml", MessyPeerAuthentications);

        var run = Run("fmt", first, second);

        Assert.Equal(CanonicalServiceEntry + "---\n" + CanonicalPeerAuthentications, run.Stdout);
        Assert.Equal(3, MeshYaml.Read(run.Stdout).Count);
    }

    [Fact]
    public void Fmt_of_a_folder_formats_its_yaml_and_yml_files_below_it_in_path_order_and_skips_json()
    {
        Create("in/z/peers.yml", MessyPeerAuthentications);
        Create("in/a.yaml", MessyServiceEntry);
        Create("in/list.json", """{"apiVersion": "v1", "kind": "List", "items": []}""");
        Create("in/notes.txt", "not yaml");

        var run = Run("fmt", Path.Combine(_root, "in"));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(CanonicalServiceEntry + "---\n" + CanonicalPeerAuthentications, run.Stdout);
    }

    [Fact]
    public void Fmt_reports_a_broken_file_with_its_location_and_still_formats_the_others()
    {
        var good = Create("in/a-good.yaml", MessyServiceEntry);
        var broken = Create("in/b-broken.yaml", BrokenServiceEntry);
        Create("in/c-good.yaml", MessyPeerAuthentications);

        var run = Run("fmt", Path.Combine(_root, "in"));

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal(CanonicalServiceEntry + "---\n" + CanonicalPeerAuthentications, run.Stdout);
        Assert.Contains($"{broken}:6:20: spec.ports[0].number: expected an integer, got \"eighty\"", run.Stderr);
        Assert.DoesNotContain(good, run.Stderr);
    }

    [Fact]
    public void Fmt_out_mirrors_the_folder_tree_below_each_folder_path()
    {
        Create("in/a/b.yaml", MessyServiceEntry);
        Create("in/peers.yml", MessyPeerAuthentications);
        Create("in/a/list.json", """{"apiVersion": "v1", "kind": "List", "items": []}""");
        var output = Path.Combine(_root, "out");

        var run = Run("fmt", "--out", output, Path.Combine(_root, "in"));

        Assert.Equal((ExitCodes.Success, "", ""), (run.ExitCode, run.Stdout, run.Stderr));
        Assert.Equal(["a/b.yaml", "peers.yml"], FilesBelow(output));
        Assert.Equal(CanonicalServiceEntry, File.ReadAllText(Path.Combine(output, "a", "b.yaml")));
        Assert.Equal(CanonicalPeerAuthentications, File.ReadAllText(Path.Combine(output, "peers.yml")));
    }

    [Fact]
    public void Fmt_out_writes_a_file_path_under_its_file_name()
    {
        var file = Create("in/deep/messy.yaml", MessyServiceEntry);
        var output = Path.Combine(_root, "out");

        var run = Run("fmt", "-o", output, file);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(["messy.yaml"], FilesBelow(output));
        Assert.Equal(CanonicalServiceEntry, File.ReadAllText(Path.Combine(output, "messy.yaml")));
    }

    [Fact]
    public void Fmt_out_does_not_write_a_broken_file()
    {
        Create("in/good.yaml", MessyServiceEntry);
        Create("in/broken.yaml", BrokenServiceEntry);
        var output = Path.Combine(_root, "out");

        var run = Run("fmt", "--out", output, Path.Combine(_root, "in"));

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal(["good.yaml"], FilesBelow(output));
    }

    [Fact]
    public void Fmt_out_refuses_to_overwrite_one_files_output_with_another_of_the_same_name()
    {
        var first = Create("one/messy.yaml", MessyServiceEntry);
        var second = Create("two/messy.yaml", MessyPeerAuthentications);
        var output = Path.Combine(_root, "out");

        var run = Run("fmt", "--out", output, first, second);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains(second, run.Stderr);
        Assert.Equal(CanonicalServiceEntry, File.ReadAllText(Path.Combine(output, "messy.yaml")));
    }

    [Fact]
    public void Fmt_write_rewrites_messy_files_in_place()
    {
        var serviceEntry = Create("in/a/se.yaml", MessyServiceEntry);
        var peers = Create("in/peers.yml", MessyPeerAuthentications);

        var run = Run("fmt", "--write", Path.Combine(_root, "in"));

        Assert.Equal((ExitCodes.Success, "", ""), (run.ExitCode, run.Stdout, run.Stderr));
        Assert.Equal(CanonicalServiceEntry, File.ReadAllText(serviceEntry));
        Assert.Equal(CanonicalPeerAuthentications, File.ReadAllText(peers));
    }

    [Fact]
    public void Fmt_write_leaves_canonical_and_broken_files_untouched()
    {
        var canonical = Create("canonical.yaml", CanonicalServiceEntry);
        var broken = Create("broken.yaml", BrokenServiceEntry);
        var longAgo = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(canonical, longAgo);
        File.SetLastWriteTimeUtc(broken, longAgo);

        var run = Run("fmt", "-w", canonical, broken);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal(longAgo, File.GetLastWriteTimeUtc(canonical));
        Assert.Equal(longAgo, File.GetLastWriteTimeUtc(broken));
        Assert.Equal(BrokenServiceEntry, File.ReadAllText(broken));
    }

    [Fact]
    public void Fmt_with_both_out_and_write_is_a_usage_error_that_changes_nothing()
    {
        var file = Create("messy.yaml", MessyServiceEntry);
        var output = Path.Combine(_root, "out");

        var run = Run("fmt", "--out", output, "--write", file);

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("--out and --write cannot be used together", run.Stderr);
        Assert.Equal(MessyServiceEntry, File.ReadAllText(file));
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Fmt_without_a_path_is_a_usage_error()
    {
        var run = Run("fmt");

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.NotEqual("", run.Stderr);
    }

    [Fact]
    public void Fmt_names_a_missing_path_and_still_formats_the_others()
    {
        var missing = Path.Combine(_root, "no-such-folder");
        var file = Create("messy.yaml", MessyServiceEntry);

        var run = Run("fmt", missing, file);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains($"{missing}: no such file or directory", run.Stderr);
        Assert.Equal(CanonicalServiceEntry, run.Stdout);
    }

    [Fact]
    public void Fmt_rejects_a_json_file_named_explicitly()
    {
        var json = Create("list.json", """{"apiVersion": "v1", "kind": "List", "items": []}""");

        var run = Run("fmt", "--write", json);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Contains(json, run.Stderr);
        Assert.Equal("""{"apiVersion": "v1", "kind": "List", "items": []}""", File.ReadAllText(json));
    }

    [Fact]
    public void Root_help_lists_the_fmt_command_with_its_description()
    {
        var run = Run("--help");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Matches(@"fmt <PATH>\s+Rewrite the Istio documents of YAML files in canonical form", run.Stdout);
    }

    [Fact]
    public void Fmt_help_describes_the_paths_and_both_output_options()
    {
        var run = Run("fmt", "--help");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        // The root command is named after the executable: mesh when installed, the test host here.
        Assert.Matches(@"Usage:\s+\S+ fmt <PATH>\.\.\. \[options\]", run.Stdout);
        Assert.Matches(@"<PATH>\s+A YAML file, or a folder", run.Stdout);
        Assert.Matches(@"-o, --out <DIR>\s+Write the formatted files into DIR", run.Stdout);
        Assert.Matches(@"-w, --write\s+Rewrite each file in place", run.Stdout);
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = MeshCli.Run(args, stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    private string Create(string relativePath, string content)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private static string[] FilesBelow(string folder)
        => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();
}
