using Mesh.Dsl.Model;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>
/// A rule that checks one resource on its own: the field rules of Istio's CRD schema, CEL and webhook, and the
/// advice that needs no other resource. Rules are stateless singletons registered in <see cref="IstioRules"/>;
/// <see cref="MeshValidator"/> runs, for each resource, the rules registered for its kind in registration order
/// (advice after the field rules), so a kind without rules is simply not checked beyond its metadata.
/// </summary>
internal abstract class FieldRule : Rule
{
    /// <param name="resourceType">The resource class of the kind the rule checks (<see cref="ResourceKind.ResourceType"/>), or null for a rule of every kind.</param>
    /// <param name="metadata">The rule's metadata.</param>
    protected FieldRule(Type? resourceType, RuleMetadata metadata)
        : base(metadata)
    {
        ResourceType = resourceType;
    }

    /// <summary>
    /// The resource class of the kind the rule checks, or null for a rule of every kind (metadata). The registry
    /// matches kinds by it: a type, unlike the kind's definition, can be named without initialising the class, so a
    /// rule of a kind the mesh does not hold costs its constructor only.
    /// </summary>
    public Type? ResourceType { get; }

    /// <summary>The kind the rule checks, or null for a rule of every kind (metadata).</summary>
    public virtual ResourceKind? Kind => null;

    /// <summary>Checks <paramref name="resource"/>, which is of <see cref="Kind"/>, reporting into <paramref name="context"/>.</summary>
    public abstract void Check(IstioResource resource, RuleContext context);
}
