using System.Globalization;
using Mesh.Dsl.Model;
using Mesh.Dsl.Samples.Scale;
using Mesh.Dsl.Serialization;
using Mesh.Dsl.Validation;

namespace Mesh.Dsl.Tests.Performance;

/// <summary>
/// Allocation budgets for reading, validating and writing the scale sample's mesh at N = 1,000 services
/// (3,002 resources), so the low-allocation design (streaming reader and writer, lookups built once per
/// validation) is tested, not only described. Bytes, not time: the machine is shared, timings are noise,
/// while the bytes a warm run allocates are the same from run to run up to a little noise.
/// </summary>
/// <remarks>
/// Validation of 500 resources or more runs its cross-resource checks on a second thread, so the bytes
/// are counted with <see cref="GC.GetTotalAllocatedBytes(bool)"/>, which counts every thread of the
/// process. That also counts whatever other tests allocate meanwhile, hence the collection below, which
/// xunit runs on its own after the parallel ones; each measure also takes the least of a few runs, so a
/// stray allocation of the test runner's own threads does not make a run fail.
/// <para>
/// To re-measure after a change that is meant to allocate more (or less): set the budget in question to 0,
/// run <c>dotnet test tests/Mesh.Dsl.Tests --filter FullyQualifiedName~AllocationBudgetTests</c>, read the
/// measured bytes from the failure message, and set the budget to that plus about 25%; update the README's
/// Performance section with it.
/// </para>
/// </remarks>
[Collection(AllocationBudgetCollection.Name)]
public class AllocationBudgetTests
{
    private const int Services = 1000;

    /// <summary>Runs of each measure; the least is kept (noise only ever adds bytes).</summary>
    private const int Runs = 3;

    // Measured on 2026-12-07 (Debug build, .NET 10, 2 processors; the least of 3 runs, 3 test runs), with about 25% headroom each.
    private const long ReadBudget = 8_100_000; // measured 6,450,296–6,452,944 (10,208,552–10,211,040 with 1 M-character chunks)
    private const long ValidateBudget = 297_000; // measured 236,920 (263,368–263,536 before a host index entry was 24 bytes)
    private const long WriteBudget = 81_000; // measured 64,416
    private const long WriteOneResourceBudget = 410; // measured 328

    private static readonly IReadOnlyList<IstioResource> Resources = ScaleSample.Build(Services).Resources;
    private static readonly string Yaml = MeshYaml.Serialize(Resources);

    [Fact]
    public void Reading_the_scale_mesh_of_1000_services_stays_within_its_allocation_budget()
    {
        var bytes = Measure(() =>
        {
            var result = MeshYaml.TryRead(new StringReader(Yaml), "scale.yaml");
            Assert.Empty(result.Errors);
            Assert.Equal(Resources.Count, result.Resources.Count);
        });

        AssertWithin(bytes, ReadBudget, "reading 3,002 resources (0.86 MB of YAML) with MeshYaml.TryRead", "the streaming reader: a chunk of documents at a time, no document tree kept per resource");
    }

    [Fact]
    public void Validating_the_scale_mesh_of_1000_services_stays_within_its_allocation_budget()
    {
        var validator = new MeshValidator();
        var bytes = Measure(() => Assert.Empty(validator.Validate(Resources)));

        AssertWithin(bytes, ValidateBudget, "validating 3,002 resources with MeshValidator (field rules, advice and cross-resource checks, on two threads where there are two processors)", "the lookups built once per validation and the field rules that allocate nothing for a valid resource");
    }

    [Fact]
    public void Writing_the_scale_mesh_of_1000_services_stays_within_its_allocation_budget()
    {
        // TextWriter.Null keeps the output's own buffer out of the count: only the writer's work is measured.
        var bytes = Measure(() => MeshYaml.Write(TextWriter.Null, Resources));

        AssertWithin(bytes, WriteBudget, "writing 3,002 resources as YAML with MeshYaml.Write", "the streaming writer: resource by resource straight to the TextWriter, no intermediate document tree");
    }

    [Fact]
    public void Writing_one_resource_of_the_scale_mesh_stays_within_its_allocation_budget()
    {
        // A VirtualService, the largest of the three per-service resources.
        var resource = Resources[2];
        Assert.Equal("VirtualService svc-0", resource.ToString());
        var bytes = Measure(() => MeshYaml.Write(TextWriter.Null, [resource]));

        AssertWithin(bytes, WriteOneResourceBudget, "writing one VirtualService as YAML with MeshYaml.Write", "the writer's fixed cost per call and per resource");
    }

    /// <summary>The least bytes allocated, on every thread, by one of <see cref="Runs"/> runs after a warm-up run.</summary>
    private static long Measure(Action action)
    {
        // The warm-up run JIT-compiles the code and builds the schema tables and caches used the first time.
        action();
        var least = long.MaxValue;
        for (var run = 0; run < Runs; run++)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            action();
            var after = GC.GetTotalAllocatedBytes(precise: true);
            least = Math.Min(least, after - before);
        }

        return least;
    }

    private const string Remeasure = "If the extra allocation is meant, re-measure (see the remarks of AllocationBudgetTests) and raise the budget with about 25% headroom; otherwise find what started allocating.";

    private static void AssertWithin(long bytes, long budget, string what, string protects)
    {
        Assert.True(
            bytes <= budget,
            string.Create(
                CultureInfo.InvariantCulture,
                $"{what} allocated {bytes:N0} bytes, over its budget of {budget:N0} bytes. The budget protects {protects}. {Remeasure}"));
    }
}
