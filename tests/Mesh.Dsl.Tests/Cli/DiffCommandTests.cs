using System.Text.Json;
using Mesh.Dsl.Cli;

namespace Mesh.Dsl.Tests.Cli;

public sealed class DiffCommandTests : IDisposable
{
    private const string Entry = "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: cnn\n  namespace: default\nspec:\n  hosts: [edition.cnn.com]\n  ports: [{number: 443, name: https, protocol: HTTPS}]\n  resolution: DNS\n";
    private const string Gateway = "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: gw\n  namespace: default\nspec:\n  selector: {istio: egressgateway}\n  servers:\n  - port: {number: 80, name: http, protocol: HTTP}\n    hosts: [edition.cnn.com]\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("mesh-diff-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int Exit, string Out, string Err) Run(string? stdin, bool colour, params string[] args) => CliRun.Run(stdin, colour, args);

    private string Write(string name, string text) => CliRun.Write(_folder, name, text);

    [Fact]
    public void Equal_renderings_exit_0_with_no_output()
    {
        var reformatted = "# same entry\nkind: ServiceEntry\napiVersion: networking.istio.io/v1beta1\nmetadata: {namespace: default, name: cnn}\nspec:\n  resolution: DNS\n  ports:\n  - {protocol: HTTPS, name: https, number: 443}\n  hosts:\n  - edition.cnn.com\n";
        var (exit, output, _) = Run(null, false, "diff", Write("old.yaml", Entry), Write("new.yaml", reformatted));
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public void Folders_are_compared_by_resource_not_by_file()
    {
        Write("old/all.yaml", Entry + "---\n" + Gateway);
        Write("new/gateways/gw.yaml", Gateway);
        Write("new/entries/cnn.yaml", Entry.Replace("443, name: https", "8443, name: https", StringComparison.Ordinal));
        Write("new/entries/extra.yaml", Entry.Replace("name: cnn", "name: bbc", StringComparison.Ordinal).Replace("edition.cnn.com", "www.bbc.com", StringComparison.Ordinal));
        var (exit, output, _) = Run(null, false, "diff", Path.Combine(_folder, "old"), Path.Combine(_folder, "new"));
        Assert.Equal(1, exit);
        Assert.Equal(
            "+ ServiceEntry default/bbc\n~ ServiceEntry default/cnn\n    spec.ports[0].number: 443 -> 8443\n1 changed, 1 added, 0 removed\n",
            output);
    }

    [Fact]
    public void Json_lists_one_row_per_field_and_one_per_added_or_removed_resource()
    {
        var (exit, output, _) = Run(Entry.Replace("resolution: DNS", "resolution: NONE", StringComparison.Ordinal), false, "diff", "--format", "json", Write("old.yaml", Entry + "---\n" + Gateway), "-");
        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(["change", "kind", "namespace", "name", "path", "old", "new"], rows[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(("removed", "Gateway", "default", "gw"), (rows[0].GetProperty("change").GetString(), rows[0].GetProperty("kind").GetString(), rows[0].GetProperty("namespace").GetString(), rows[0].GetProperty("name").GetString()));
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("path").ValueKind);
        Assert.Equal(("changed", "spec.resolution", "DNS", "NONE"), (rows[1].GetProperty("change").GetString(), rows[1].GetProperty("path").GetString(), rows[1].GetProperty("old").GetString(), rows[1].GetProperty("new").GetString()));
    }

    [Fact]
    public void Colour_only_when_asked_for()
    {
        var old = Write("old.yaml", Entry);
        var @new = Write("new.yaml", Gateway);
        Assert.DoesNotContain("\u001b[", Run(null, false, "diff", old, @new).Out, StringComparison.Ordinal);
        var coloured = Run(null, true, "diff", old, @new).Out;
        Assert.Contains("\u001b[32m+ Gateway default/gw\u001b[0m", coloured, StringComparison.Ordinal);
        Assert.Contains("\u001b[31m- ServiceEntry default/cnn\u001b[0m", coloured, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_documents_in_a_folder_are_set_aside()
    {
        const string deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n";
        Write("old/app.yaml", deployment + "---\n" + Entry);
        Write("new/app.yaml", deployment.Replace("replicas: 2", "replicas: 3", StringComparison.Ordinal) + "---\n" + Entry);
        var (exit, output, error) = Run(null, false, "diff", Path.Combine(_folder, "old"), Path.Combine(_folder, "new"));
        Assert.Equal((0, string.Empty, string.Empty), (exit, output, error));
    }

    [Fact]
    public void Unreadable_input_exits_2_with_file_line_and_column()
    {
        var bad = Write("bad.yaml", "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: x\nspec:\n  hostz: [a.com]\n");
        var (exit, output, error) = Run(null, false, "diff", Write("old.yaml", Entry), bad);
        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains($"{bad}:6:3:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_path_exits_2()
    {
        var (exit, _, error) = Run(null, false, "diff", Write("old.yaml", Entry), Path.Combine(_folder, "nope.yaml"));
        Assert.Equal(ExitCodes.UsageError, exit);
        Assert.Contains("nope.yaml", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_sides_from_standard_input_is_a_wrong_command_line()
    {
        Assert.Equal(ExitCodes.UsageError, Run(Entry, false, "diff", "-", "-").Exit);
    }
}
