using Mesh.Dsl.Model;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>What the <see cref="MeshRule"/>s of one validation share: the resources, their lookups and where to report.</summary>
internal sealed class MeshContext(
    List<IstioResource> resources,
    int[] positions,
    List<(int Position, int First)>? duplicates,
    MeshIndex index,
    KubernetesIndex? kubernetes,
    DateTimeOffset now,
    DiagnosticSink sink)
{
    /// <summary>The validated resources, in order.</summary>
    public List<IstioResource> Resources { get; } = resources;

    /// <summary>For each resource the position whose context reports for it (a resource listed twice reports at its first).</summary>
    public int[] Positions { get; } = positions;

    /// <summary>The resources that repeat an earlier one's kind, namespace and name: position and the earlier one's position.</summary>
    public IReadOnlyList<(int Position, int First)> Duplicates { get; } = duplicates ?? [];

    public MeshIndex Index { get; } = index;

    /// <summary>The Kubernetes objects' lookups; set for the rules that declare <see cref="MeshRule.NeedsKubernetesObjects"/>.</summary>
    public KubernetesIndex? Kubernetes { get; } = kubernetes;

    /// <summary>The validation's clock reading (read once, on the calling thread).</summary>
    public DateTimeOffset Now { get; } = now;

    public DiagnosticSink Sink { get; } = sink;
}
