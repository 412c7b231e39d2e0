using Mesh.Dsl.Generator;

namespace Mesh.Dsl.Tests.Generator;

/// <summary>The checked-in generated code is exactly what tools/Mesh.Dsl.Generator makes from the vendored inputs.</summary>
public sealed class GeneratedCodeTests
{
    [Fact]
    public void Checked_in_output_is_what_the_generators_make()
    {
        var differences = Generators.All.SelectMany(g => Generators.Differences(g, TestPaths.RepositoryRoot)).ToList();

        Assert.True(
            differences.Count == 0,
            $"Regenerate with `dotnet run --project tools/Mesh.Dsl.Generator`:\n{string.Join("\n", differences)}");
    }

    [Fact]
    public void Generator_names_are_unique_and_their_folders_do_not_overlap()
    {
        Assert.Equal(Generators.All.Count, Generators.All.Select(g => g.Name).Distinct().Count());
        var folders = Generators.All.SelectMany(g => g.OwnedFolders).ToList();
        foreach (var folder in folders)
        {
            Assert.DoesNotContain(folders, other => other != folder && other.StartsWith(folder + "/", StringComparison.Ordinal));
        }

        Assert.Equal(folders.Count, folders.Distinct().Count());
    }
}
