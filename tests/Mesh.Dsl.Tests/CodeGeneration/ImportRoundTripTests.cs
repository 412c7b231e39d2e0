using System.Diagnostics;
using System.Reflection;
using Mesh.Dsl.CodeGeneration;
using Mesh.Dsl.Serialization;
using Xunit.Abstractions;

namespace Mesh.Dsl.Tests.CodeGeneration;

/// <summary>
/// Import, build, run, compare: every case of <see cref="ImportCases"/> goes into one generated project
/// (one build for all, with a ProjectReference to src/Mesh.Dsl), the project is run, and each file it
/// writes must be byte for byte what <c>mesh fmt</c> writes for the input.
/// </summary>
public class ImportRoundTripTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_case_imported_built_and_run_writes_the_formatted_YAML_byte_for_byte()
    {
        var inputs = ImportCases.All;
        var directory = Path.Combine(Path.GetTempPath(), "mesh-import-" + Guid.NewGuid().ToString("N"));
        try
        {
            var project = Path.Combine(directory, "project");
            Directory.CreateDirectory(project);
            var library = Path.Combine(TestPaths.RepositoryRoot, "src", "Mesh.Dsl", "Mesh.Dsl.csproj");
            var files = MeshCode.WriteProject(inputs, new MeshCodeProjectOptions { ProjectName = "RoundTrip", ProjectReference = Path.GetRelativePath(project, library) });
            foreach (var (name, text) in files)
            {
                File.WriteAllText(Path.Combine(project, name), text);
            }

            // Mesh.Dsl is built already (this test references it): build only the generated project, in the same configuration.
            var configuration = typeof(ImportRoundTripTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            Run(project, "build", "-c", configuration, "-p:BuildProjectReferences=false", "-nologo", "-v", "quiet");
            var outDirectory = Path.Combine(directory, "out");
            Run(project, Path.Combine(project, "bin", configuration, "net10.0", "RoundTrip.dll"), "--out", outDirectory);

            var mismatches = new List<string>();
            foreach (var input in inputs)
            {
                var expected = MeshYaml.Serialize(input.Resources);
                var written = Path.Combine(outDirectory, input.RelativePath);
                var actual = File.Exists(written) ? File.ReadAllText(written) : "(not written)";
                if (expected != actual)
                {
                    mismatches.Add($"{input.RelativePath}:\n--- expected\n{expected}\n--- written\n{actual}");
                }
            }

            output.WriteLine($"{inputs.Count} files, {inputs.Sum(i => i.Resources.Count)} resources");
            Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(3)));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"dotnet {string.Join(' ', arguments)} exited {process.ExitCode}:\n{stdout.Result}\n{stderr}");
    }
}
