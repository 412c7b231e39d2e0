using Mesh.Dsl.Model;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>A <see cref="FieldRule"/> of one kind, whose resource arrives typed.</summary>
/// <typeparam name="TResource">The resource type; the rule's kind and <see cref="RuleMetadata.Kinds"/> are its.</typeparam>
internal abstract class FieldRule<TResource> : FieldRule
    where TResource : IstioResource, new()
{
    private static readonly ResourceKind KindOfResource = new TResource().Definition;

    /// <param name="name">See <see cref="RuleMetadata.Name"/>.</param>
    /// <param name="description">See <see cref="RuleMetadata.Description"/>.</param>
    /// <param name="codes">See <see cref="RuleMetadata.Codes"/>.</param>
    /// <param name="advice">See <see cref="RuleMetadata.IsAdvice"/>.</param>
    protected FieldRule(string name, string description, IReadOnlyList<string> codes, bool advice = false)
        : base(KindOfResource, new RuleMetadata(name, description, [KindOfResource.Kind], codes, advice))
    {
    }

    public sealed override void Check(IstioResource resource, RuleContext context) => Check((TResource)resource, context);

    public abstract void Check(TResource resource, RuleContext context);
}
