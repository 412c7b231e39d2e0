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
    }

    /// <summary>Whether the rule runs only with Kubernetes objects (<see cref="MeshContext.Kubernetes"/> is then set).</summary>
    public bool NeedsKubernetesObjects { get; }

    /// <summary>
    /// Whether the rule has anything to look at in a mesh holding resources of <paramref name="presentKinds"/> (kind
    /// names, <c>Telemetry</c>): a rule reports only on resources of the kinds it reads (<see cref="RuleMetadata.Kinds"/>),
    /// so when none of them is in the mesh it is not run, neither compiled nor passing over every resource, which in a
    /// short run costs as much as the check; one that declares no kinds always runs. Names, not the kinds' bits: those
    /// would initialise the resource class of every kind the rules name, present or not.
    /// </summary>
    public bool AppliesTo(List<string> presentKinds)
    {
        var kinds = Metadata.Kinds;
        if (kinds.Count == 0)
        {
            return true;
        }

        for (var i = 0; i < kinds.Count; i++)
        {
            if (presentKinds.Contains(kinds[i]))
            {
                return true;
            }
        }

        return false;
    }

    public abstract void Check(MeshContext context);
}
