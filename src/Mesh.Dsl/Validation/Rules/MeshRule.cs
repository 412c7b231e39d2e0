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

    public abstract void Check(MeshContext context);
}
