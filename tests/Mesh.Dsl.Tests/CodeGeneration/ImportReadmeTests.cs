using Mesh.Dsl.Cli;

namespace Mesh.Dsl.Tests.CodeGeneration;

/// <summary>The README shows what <c>mesh import</c> writes for a seed scenario: the text there is the command's output, verbatim.</summary>
public class ImportReadmeTests
{
    [Fact]
    public void The_readme_shows_the_code_mesh_import_writes_for_the_egress_gateway_scenario()
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };

        var code = MeshCli.Run(["import", Path.Combine(TestPaths.Scenarios, "egress-gateway-http.yaml")], stdout, stderr);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr.ToString());
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md")).Replace("\r\n", "\n");
        Assert.Contains("```csharp\n" + stdout + "```\n", readme, StringComparison.Ordinal);
    }
}
