using Mesh.Dsl.Cli;

namespace Mesh.Dsl.Tests.Cli;

public sealed class ValidateCommandTests : IDisposable
{
    private const string Good = "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: good\n  namespace: default\nspec:\n  hosts: [a.com]\n  ports: [{number: 443, name: https, protocol: HTTPS}]\n  resolution: DNS\n";
    private const string BadPort = "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: bad\n  namespace: default\nspec:\n  hosts: [b.com]\n  ports:\n  - number: 0\n    name: https\n    protocol: HTTPS\n  resolution: DNS\n";
    private const string Unreadable = "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: x\nspec:\n  hostz: [a.com]\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("mesh-validate-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private (int Exit, string Out) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var exit = MeshCli.Run(args, stdout, new StringWriter());
        return (exit, stdout.ToString());
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Clean_file_exits_0_with_no_output()
    {
        var (exit, output) = Run("validate", Write("good.yaml", Good));
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public void Error_is_printed_as_text_and_exits_1()
    {
        var file = Write("bad.yaml", BadPort);
        var (exit, output) = Run("validate", file);
        Assert.Equal(1, exit);
        Assert.Equal($"{file}:9:13: error MESH1006 ServiceEntry default/bad spec.ports[0].number: port 0 must be in range 1..65535.\n", output);
    }

    [Fact]
    public void Json_format_lists_objects_with_lowercase_severity()
    {
        var file = Write("bad.yaml", BadPort);
        var (exit, output) = Run("validate", "--format", "json", file);
        Assert.Equal(1, exit);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        var item = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("error", item.GetProperty("severity").GetString());
        Assert.Equal("MESH1006", item.GetProperty("code").GetString());
        Assert.Equal("ServiceEntry", item.GetProperty("kind").GetString());
        Assert.Equal("default", item.GetProperty("namespace").GetString());
        Assert.Equal("bad", item.GetProperty("name").GetString());
        Assert.Equal("spec.ports[0].number", item.GetProperty("path").GetString());
        Assert.Equal(file, item.GetProperty("file").GetString());
        Assert.Equal(9, item.GetProperty("line").GetInt32());
        Assert.Equal(13, item.GetProperty("column").GetInt32());
    }

    [Fact]
    public void Folder_is_one_mesh_and_a_bad_file_does_not_hide_the_others()
    {
        Write("a-unreadable.yaml", Unreadable);
        Write("b-bad.yaml", BadPort);
        Write("c-good.yaml", Good);
        var (exit, output) = Run("validate", _folder);
        Assert.Equal(1, exit);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Contains("error MESH1000", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains("error MESH1006 ServiceEntry default/bad", StringComparison.Ordinal));
    }

    [Fact]
    public void Warnings_alone_exit_0()
    {
        var (exit, output) = Run("validate", Write("w.yaml", "apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: p\n  namespace: default\nspec:\n  mtls: {mode: PERMISSIVE}\n"));
        Assert.Equal(0, exit);
        Assert.Contains("warning MESH3005", output, StringComparison.Ordinal);
    }
}
