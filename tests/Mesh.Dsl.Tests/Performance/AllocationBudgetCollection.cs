namespace Mesh.Dsl.Tests.Performance;

/// <summary>
/// The tests that count the bytes the whole process allocates (<see cref="GC.GetTotalAllocatedBytes(bool)"/>):
/// xunit runs a collection that disables parallelization on its own, after the parallel ones, so no other
/// test allocates while they measure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationBudgetCollection
{
    /// <summary>The collection's name, for <see cref="CollectionAttribute"/>.</summary>
    public const string Name = "Allocation budgets";
}
