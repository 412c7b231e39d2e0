using Mesh.Dsl.Builders;
using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Tests.Documentation;

/// <summary>
/// The README's quick start must compile as written and print what the README shows. The code
/// below is the README's code block verbatim; the tests check both the text and the output.
/// </summary>
public class ReadmeTests
{
    private const string QuickStartCode = """
        var mesh = new IstioMesh();
        mesh.AddServiceEntry("cnn", se => se
            .Hosts("*.cnn.com")
            .Port(80, "http-port", Protocols.Http)
            .Port(443, "https-port", Protocols.Https)
            .Resolution(ServiceEntryResolution.None));

        Console.Write(mesh.ToYaml());
        """;

    [Fact]
    public void Quick_start_code_is_the_code_in_the_readme()
    {
        Assert.Contains(QuickStartCode.Replace("\r\n", "\n"), Readme(), StringComparison.Ordinal);
    }

    [Fact]
    public void Quick_start_prints_the_yaml_the_readme_shows()
    {
        // The README's code, with Console.Write(...) captured instead (tests run in parallel,
        // so redirecting the process-wide console would be racy).
        var mesh = new IstioMesh();
        mesh.AddServiceEntry("cnn", se => se
            .Hosts("*.cnn.com")
            .Port(80, "http-port", Protocols.Http)
            .Port(443, "https-port", Protocols.Https)
            .Resolution(ServiceEntryResolution.None));
        var output = mesh.ToYaml();

        var readme = Readme();
        var start = readme.IndexOf("```yaml\n", readme.IndexOf("prints", StringComparison.Ordinal), StringComparison.Ordinal) + "```yaml\n".Length;
        var end = readme.IndexOf("```", start, StringComparison.Ordinal);
        Assert.Equal(readme[start..end], output);
    }

    private static string Readme() => File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md")).Replace("\r\n", "\n");
}
