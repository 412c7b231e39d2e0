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
    protected FieldRule(ResourceKind? kind, RuleMetadata metadata)
        : base(metadata)
    {
        Kind = kind;
    }

    /// <summary>The kind the rule checks, or null for a rule of every kind (metadata).</summary>
    public ResourceKind? Kind { get; }

    /// <summary>Checks <paramref name="resource"/>, which is of <see cref="Kind"/>, reporting into <paramref name="context"/>.</summary>
    public abstract void Check(IstioResource resource, RuleContext context);
}
