using System.Globalization;
using Mesh.Dsl.Samples.Scale;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Tests.Performance;

/// <summary>
/// What a read holds on to: the live bytes per resource after reading the scale sample's file at N = 1,000
/// services (3,002 resources, 0.95 MB of YAML), as <see cref="GC.GetTotalMemory(bool)"/> counts them after a full
/// collection. That is what <c>mesh validate</c> holds for the whole run (its peak memory, with the runtime's),
/// so this guards the gains that brought it down: no text of the file kept (a resource's source reads its part of
/// the file again to locate a diagnostic), a source of a few numbers per resource, repeated values one string.
/// </summary>
/// <remarks>
/// The model itself is most of it: an object per message, a resource's name, namespace, labels and annotations
/// without an ObjectMeta (168 bytes when made), a one-item repeated field as a 24-byte OneItem instead of a list and
/// its array (64 bytes). Were the file's text kept, as UTF-8, it would add its 316 bytes per resource. To re-measure: set
/// the budget to 0, run <c>dotnet test tests/Mesh.Dsl.Tests --filter FullyQualifiedName~RetentionBudgetTests</c>
/// and read the bytes from the failure message.
/// </remarks>
[Collection(AllocationBudgetCollection.Name)]
public class RetentionBudgetTests
{
    private const int Services = 1000;

    // Measured on 2026-12-07 (Debug build, .NET 10; the least of 3 runs, 2 test runs): 578-582 bytes per resource
    // (1,735,448 for 3,002; 791 before metadata and one-item lists were kept compactly), with about 14% headroom:
    // the file's text kept as UTF-8 (317 per resource), or an ObjectMeta per resource (168), must fail.
    private const long RetainedPerResourceBudget = 660;

    [Fact]
    public void A_read_file_holds_its_resources_and_not_its_text()
    {
        var resources = ScaleSample.Build(Services).Resources;
        var path = Path.Combine(Path.GetTempPath(), $"mesh-retention-{Guid.NewGuid():N}.yaml");
        using (var file = File.Create(path))
        {
            MeshYaml.Write(file, resources);
        }

        try
        {
            var fileBytes = new FileInfo(path).Length;
            Retained(path); // JIT-compiles the code and builds the schema tables used the first time
            var least = long.MaxValue;
            for (var run = 0; run < 3; run++)
            {
                least = Math.Min(least, Retained(path));
            }

            var perResource = least / resources.Count;
            Assert.True(
                perResource <= RetainedPerResourceBudget,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"reading {resources.Count:N0} resources ({fileBytes:N0} bytes of YAML, {fileBytes / resources.Count:N0} per resource) with MeshYaml.TryReadFile holds {least:N0} bytes, {perResource:N0} per resource, over the budget of {RetainedPerResourceBudget:N0}. The budget protects what mesh validate holds for a whole run: the model, a small source per resource, and no text of the file. If the extra memory is meant, re-measure (see the remarks of RetentionBudgetTests); otherwise find what is kept."));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The live bytes a read of the file adds, the read's result still held.</summary>
    private static long Retained(string path)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var result = MeshYaml.TryReadFile(path);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Assert.Empty(result.Errors);
        GC.KeepAlive(result);
        return after - before;
    }
}
