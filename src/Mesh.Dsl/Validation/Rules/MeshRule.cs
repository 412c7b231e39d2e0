using Mesh.Dsl.Model;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>
/// A rule that looks at several resources together (the checks of <c>istioctl analyze</c>, conflicts, mesh-wide
/// advice) or at the Kubernetes objects they run against. It reads the shared lookups of a <see cref="MeshContext"/>
/// and reports through its sink; <see cref="MeshValidator"/> runs the registered ones in registration order, on a
/// second thread for a large mesh (<see cref="MeshValidator.Parallel"/>), so a rule keeps no state between runs.
/// </summary>
internal abstract class MeshRule : Rule
{
    /// <param name="metadata">The rule's metadata; <see cref="RuleMetadata.Kinds"/> are the kinds it reads.</param>
    /// <param name="needsKubernetesObjects">Whether the rule runs only when Kubernetes objects were given.</param>
    protected MeshRule(RuleMetadata metadata, bool needsKubernetesObjects = false)
        : base(metadata)
    {
        NeedsKubernetesObjects = needsKubernetesObjects;
        KindBits = BitsOf(metadata.Kinds);
    }

    /// <summary>Whether the rule runs only with Kubernetes objects (<see cref="MeshContext.Kubernetes"/> is then set).</summary>
    public bool NeedsKubernetesObjects { get; }

    /// <summary>
    /// The bits (<see cref="ResourceKind.Bit"/>) of the kinds the rule reads, or 0 when it declares none or one that is
    /// not an Istio kind: a rule reports only on resources of the kinds it reads, so when none of them is in the mesh
    /// it is not run (see <see cref="AppliesTo"/>); one that declares no kinds always runs.
    /// </summary>
    public int KindBits { get; }

    /// <summary>
    /// Whether the rule has anything to look at in a mesh whose kinds are <paramref name="presentKinds"/> (their bits
    /// or-ed): a mesh without any Telemetry, say, skips the Telemetry rules without compiling or running them, which
    /// in a short run costs as much as the check.
    /// </summary>
    public bool AppliesTo(int presentKinds) => KindBits == 0 || (KindBits & presentKinds) != 0;

    public abstract void Check(MeshContext context);

    private static int BitsOf(IReadOnlyList<string> kinds)
    {
        var bits = 0;
        for (var i = 0; i < kinds.Count; i++)
        {
            var found = 0;
            for (var k = 0; k < ResourceKinds.All.Count; k++)
            {
                if (ResourceKinds.All[k].Kind == kinds[i])
                {
                    found = ResourceKinds.All[k].Bit;
                    break;
                }
            }

            if (found == 0)
            {
                // Not an Istio kind (a Kubernetes one, say): the rule cannot be skipped by the Istio kinds present.
                return 0;
            }

            bits |= found;
        }

        return bits;
    }
}
