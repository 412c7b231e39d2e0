namespace Mesh.Dsl.Diff;

/// <summary>What happened to a resource between two renderings.</summary>
public enum ResourceChangeKind
{
    /// <summary>The resource is only in the new rendering.</summary>
    Added,

    /// <summary>The resource is only in the old rendering.</summary>
    Removed,

    /// <summary>The resource is in both, with different fields.</summary>
    Changed,
}
