using Mesh.Dsl.Builders;
using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Tests.Documentation;

/// <summary>The README's Load/TryLoad/Save example is the code written here, and it runs on a repository's files.</summary>
public sealed class ReadmeLoadSaveTests : IDisposable
{
    private const string LoadSaveCode = """
        var loaded = IstioMesh.TryLoad("manifests/");
        if (!loaded.Succeeded)
        {
            foreach (var error in loaded.Errors)
            {
                Console.Error.WriteLine(error);   // manifests/shop.yaml:12:9: metadata.name: another ServiceEntry named 'cnn' ...
            }

            return;
        }

        var repo = loaded.Mesh;
        repo.Find<DestinationRule>("checkout", "shop")!.Spec.Host = "checkout.shop.svc.cluster.local";
        repo.AddServiceEntry("payments-api", se => se.Namespace("shop").Hosts("api.payments.example.com")
            .Port(443, "https", Protocols.Https).Resolution(ServiceEntryResolution.Dns));
        var written = repo.Save(newResourcesFile: "manifests/shop/external.yaml");
        """;

    private readonly string _manifests = Directory.CreateTempSubdirectory("mesh-readme-").FullName;

    public void Dispose() => Directory.Delete(_manifests, recursive: true);

    [Fact]
    public void The_load_and_save_code_is_the_code_in_the_readme()
        => Assert.Contains(LoadSaveCode.Replace("\r\n", "\n"), File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md")), StringComparison.Ordinal);

    [Fact]
    public void The_load_and_save_code_saves_the_repository()
    {
        var fixture = Path.Combine(TestPaths.RepositoryRoot, "tests", "Mesh.Dsl.Tests", "Fixtures", "Repository");
        foreach (var file in Directory.GetFiles(fixture, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(_manifests, Path.GetRelativePath(fixture, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        // The README's code, with "manifests/" standing for the copy.
        var loaded = IstioMesh.TryLoad(_manifests);
        Assert.Empty(loaded.Errors);
        var repo = loaded.Mesh;
        repo.Find<DestinationRule>("checkout", "shop")!.Spec.Host = "checkout.shop.svc.cluster.local";
        repo.AddServiceEntry("payments-api", se => se.Namespace("shop").Hosts("api.payments.example.com")
            .Port(443, "https", Protocols.Https).Resolution(ServiceEntryResolution.Dns));
        var written = repo.Save(newResourcesFile: Path.Combine(_manifests, "shop", "external.yaml"));

        Assert.Contains(Path.Combine(_manifests, "shop", "external.yaml"), written);
        Assert.Contains("  host: checkout.shop.svc.cluster.local\n", File.ReadAllText(Path.Combine(_manifests, "shop", "checkout.yaml")), StringComparison.Ordinal);
    }
}
