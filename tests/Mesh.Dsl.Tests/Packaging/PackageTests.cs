using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Mesh.Dsl.Tests.Packaging;

/// <summary>
/// The Mesh.Dsl package is one a user can take: it is packed from the build under test, inspected, and a
/// consumer project outside the repository builds and runs against it from a local folder. The local folder
/// is given to that one restore on its command line; the repository's nuget.config names no source.
/// </summary>
public sealed partial class PackageTests : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private readonly string _folder = Directory.CreateTempSubdirectory("mesh-package-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Library_package_has_metadata_readme_licence_public_docs_and_symbols_and_a_consumer_builds_against_it()
    {
        var feed = Directory.CreateDirectory(Path.Combine(_folder, "feed")).FullName;
        var project = Path.Combine(TestPaths.RepositoryRoot, "src", "Mesh.Dsl", "Mesh.Dsl.csproj");
        var (packExit, packOutput) = DotnetCli.Run(_folder, Timeout, "pack", project, "-c", Configuration, "--no-build", "-o", feed);
        Assert.True(packExit == 0, packOutput);

        var package = Assert.Single(Directory.GetFiles(feed, "Mesh.Dsl.*.nupkg"));
        var version = Regex.Match(Path.GetFileName(package), @"^Mesh\.Dsl\.(.+)\.nupkg$").Groups[1].Value;
        Assert.True(File.Exists(Path.Combine(feed, $"Mesh.Dsl.{version}.snupkg")), "no symbols package (.snupkg)");
        CheckPackage(package);
        using (var symbols = ZipFile.OpenRead(Path.Combine(feed, $"Mesh.Dsl.{version}.snupkg")))
        {
            Assert.Contains(symbols.Entries, e => e.FullName == "lib/net10.0/Mesh.Dsl.pdb");
        }

        BuildAndRunConsumer(feed, version);
    }

    private static void CheckPackage(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("LICENSE", names);
        Assert.Contains("README.md", names);
        Assert.Contains("lib/net10.0/Mesh.Dsl.dll", names);

        XNamespace ns = "http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd";
        var metadata = Read(zip, "Mesh.Dsl.nuspec").Root!.Element(ns + "metadata")!;
        Assert.Equal("expression", metadata.Element(ns + "license")?.Attribute("type")?.Value);
        Assert.Equal("Apache-2.0", metadata.Element(ns + "license")?.Value);
        Assert.Equal("README.md", metadata.Element(ns + "readme")?.Value);
        Assert.Contains("Istio", metadata.Element(ns + "description")?.Value ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("istio", (metadata.Element(ns + "tags")?.Value ?? string.Empty).Split(' '));
        Assert.NotNull(metadata.Element(ns + "repository")?.Attribute("commit"));

        // The LICENSE is Apache-2.0's text, and the package README is the one written for the package.
        Assert.Contains("Apache License", ReadText(zip, "LICENSE"), StringComparison.Ordinal);
        Assert.Contains("Version 2.0, January 2004", ReadText(zip, "LICENSE"), StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "src", "Mesh.Dsl", "PACKAGE.md")), ReadText(zip, "README.md"));

        // The XML documentation covers the public API and nothing else.
        var visibleTypes = typeof(IstioMesh).Assembly.GetExportedTypes().Select(t => t.FullName!.Replace('+', '.')).ToHashSet(StringComparer.Ordinal);
        var members = Read(zip, "lib/net10.0/Mesh.Dsl.xml").Descendants("member").Select(m => m.Attribute("name")!.Value).ToList();
        var notPublic = members.Where(id => !visibleTypes.Contains(DeclaringType(id))).ToList();
        Assert.True(notPublic.Count == 0, "documentation of types that are not public: " + string.Join(", ", notPublic.Take(10)));
        Assert.Contains("T:Mesh.Dsl.IstioMesh", members);
        Assert.Contains("M:Mesh.Dsl.IstioMesh.Add``1(``0)", members);
        Assert.DoesNotContain(members, id => id.StartsWith("M:Mesh.Dsl.IstioMesh.ExpandPaths", StringComparison.Ordinal));
    }

    /// <summary>The type an XML doc id belongs to: the id itself for a type, else the id without its parameters and member name.</summary>
    private static string DeclaringType(string id)
    {
        var name = id[2..];
        var parameters = name.IndexOf('(', StringComparison.Ordinal);
        name = parameters < 0 ? name : name[..parameters];
        return id.StartsWith("T:", StringComparison.Ordinal) ? name : name[..name.LastIndexOf('.')];
    }

    private void BuildAndRunConsumer(string feed, string version)
    {
        // The consumer is the package README's example: what a user pastes first must build against the package.
        var consumer = Directory.CreateDirectory(Path.Combine(_folder, "consumer")).FullName;
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "src", "Mesh.Dsl", "PACKAGE.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var program = CSharpBlock().Match(readme);
        Assert.True(program.Success, "the package README has a csharp example");
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), program.Groups[1].Value);
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Mesh.Dsl" Version="{version}" />
              </ItemGroup>
            </Project>
            """);

        // Its own packages folder, so the package just packed is the one restored, never an older copy of the same version.
        var (buildExit, buildOutput) = DotnetCli.Run(
            consumer, Timeout, "build", "-c", "Release", "-nologo",
            $"-p:RestoreAdditionalProjectSources={feed}", $"-p:RestorePackagesPath={Path.Combine(_folder, "packages")}");
        Assert.True(buildExit == 0, buildOutput);
        Assert.True(Directory.Exists(Path.Combine(_folder, "packages", "mesh.dsl", version)), "Mesh.Dsl was not restored from the local folder");

        var (runExit, runOutput) = DotnetCli.Run(consumer, Timeout, Path.Combine(consumer, "bin", "Release", "net10.0", "Consumer.dll"));
        Assert.True(runExit == 0, runOutput);
        Assert.Contains("kind: ServiceEntry", runOutput, StringComparison.Ordinal);
    }

    private static XDocument Read(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        return XDocument.Load(stream);
    }

    private static string ReadText(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^```csharp\n(.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
