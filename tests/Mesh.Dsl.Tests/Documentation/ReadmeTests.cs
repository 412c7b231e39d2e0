using System.Diagnostics;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Tests.Documentation;

/// <summary>
/// The README's C# blocks compile as they stand, each a whole program with its own <c>using</c> lines
/// (see "Code in this README" in README.md), and the quick start prints the YAML the README shows. The
/// blocks are read from README.md; no copy of them lives here.
/// </summary>
public class ReadmeTests
{
    public static TheoryData<int> Snippets()
    {
        var data = new TheoryData<int>();
        foreach (var snippet in ReadmeSnippets.All)
        {
            data.Add(snippet.Line);
        }

        return data;
    }

    [Fact]
    public void Readme_has_csharp_blocks_to_check()
    {
        Assert.True(ReadmeSnippets.All.Count(s => s.FragmentReason is null) >= 3, "the README's csharp blocks were not found: has the fence syntax changed?");
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Csharp_block_compiles_as_a_program_with_its_usings(int line)
    {
        var snippet = ReadmeSnippets.All.Single(s => s.Line == line);
        if (snippet.FragmentReason is not null)
        {
            // A fragment still has to say why it is one.
            Assert.True(snippet.FragmentReason.Length >= 10, $"{snippet}: a fragment marker must give its reason: <!-- readme-test: fragment: REASON -->");
            return;
        }

        var (errors, _) = SnippetCompiler.Compile(snippet.Code, $"ReadmeLine{line}");
        Assert.True(errors.Count == 0, $"{snippet} does not compile as pasted:\n{string.Join("\n", errors)}");
    }

    [Fact]
    public void Quick_start_prints_the_yaml_the_readme_shows()
    {
        var readme = ReadmeSnippets.Readme;
        var quickStart = ReadmeSnippets.All[0];
        var printsAt = readme.IndexOf("prints\n\n```yaml\n", StringComparison.Ordinal);
        Assert.True(printsAt > 0, "the quick start is followed by \"prints\" and a yaml block");
        var start = printsAt + "prints\n\n```yaml\n".Length;
        var shown = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];

        Assert.Equal(shown, RunProgram(quickStart.Code));
    }

    [Fact]
    public void Scenario_block_run_as_it_stands_builds_a_mesh_without_any_diagnostic()
    {
        // The recipes are secure by default: the README's scenario code, run as pasted, gets no warning.
        var scenario = ReadmeSnippets.All.Single(s => s.FragmentReason is null && s.Code.Contains("mesh.Egress().OriginateTls(", StringComparison.Ordinal));

        var output = RunProgram(scenario.Code + "\nConsole.Write(string.Join(\"\\n\", mesh.Validate()));\n");

        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public void Read_error_format_the_readme_describes_is_what_the_reader_reports()
    {
        // The README's comment shows "file:line:col: path: message"; the same error on a text of our own.
        var broken = "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: x\nspec:\n  ports:\n  - number: eighty\n";
        Assert.Contains("MeshReadException: routes.yaml:", ReadmeSnippets.Readme, StringComparison.Ordinal);
        Assert.Contains("routes.yaml:7:13: spec.ports[0].number: expected an integer, got \"eighty\"", Assert.Throws<MeshReadException>(() => MeshYaml.Read(broken, "routes.yaml")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fragment_marker_is_recognised_with_its_reason()
    {
        var markdown = "text\n<!-- readme-test: fragment: continues the block above -->\n```csharp\nmesh.Validate();\n```\n\n```csharp\nConsole.Write(1);\n```\n";
        var snippets = ReadmeSnippets.Find(markdown);
        Assert.Equal(["continues the block above", null], snippets.Select(s => s.FragmentReason));
        Assert.Equal([3, 7], snippets.Select(s => s.Line));
    }

    [Fact]
    public void Compiler_refuses_a_block_without_its_usings()
    {
        // The check is not vacuous: the quick start without "using Mesh.Dsl.Builders;" does not compile.
        var code = ReadmeSnippets.All[0].Code.Replace("using Mesh.Dsl.Builders;\n", string.Empty, StringComparison.Ordinal);
        Assert.NotEmpty(SnippetCompiler.Compile(code, "WithoutUsings").Errors);
    }

    /// <summary>
    /// Runs a block as its own process (a program that writes to the console cannot share the test
    /// process's console with tests running in parallel) and returns what it wrote.
    /// </summary>
    private static string RunProgram(string code)
    {
        var (errors, assembly) = SnippetCompiler.Compile(code, "ReadmeProgram");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var folder = Directory.CreateTempSubdirectory("mesh-readme-").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(folder, "ReadmeProgram.dll"), assembly!);
            foreach (var library in SnippetCompiler.LibraryFiles)
            {
                File.Copy(library, Path.Combine(folder, Path.GetFileName(library)));
            }

            var runtimeConfig = new
            {
                runtimeOptions = new
                {
                    tfm = "net10.0",
                    framework = new { name = "Microsoft.NETCore.App", version = Environment.Version.ToString() },
                    configProperties = new Dictionary<string, object> { ["System.Globalization.Invariant"] = true },
                },
            };
            File.WriteAllText(Path.Combine(folder, "ReadmeProgram.runtimeconfig.json"), System.Text.Json.JsonSerializer.Serialize(runtimeConfig));
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [Path.Combine(folder, "ReadmeProgram.dll")])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = folder,
            };
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            Assert.True(process.WaitForExit(60_000), "the README program did not finish within a minute");
            Assert.True(process.ExitCode == 0, $"the README program failed: {error.Result}");
            return output;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
