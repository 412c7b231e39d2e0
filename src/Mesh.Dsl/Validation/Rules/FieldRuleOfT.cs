using Mesh.Dsl.Model;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>A <see cref="FieldRule"/> of one kind, whose resource arrives typed.</summary>
/// <typeparam name="TResource">The resource type; the rule's kind and <see cref="RuleMetadata.Kinds"/> are its.</typeparam>
internal abstract class FieldRule<TResource> : FieldRule
    where TResource : IstioResource, new()
{
    // The metadata names the kind by the class, whose name is the kind's (the generator names each resource class after
    // its kind; RuleRegistryTests checks every rule): making the kind's definition would initialise the resource class
    // and its spec's, code that a validation of a mesh without the kind would compile for nothing.
    /// <param name="name">See <see cref="RuleMetadata.Name"/>.</param>
    /// <param name="description">See <see cref="RuleMetadata.Description"/>.</param>
    /// <param name="codes">See <see cref="RuleMetadata.Codes"/>.</param>
    /// <param name="advice">See <see cref="RuleMetadata.IsAdvice"/>.</param>
    protected FieldRule(string name, string description, string[] codes, bool advice = false)
        : base(typeof(TResource), new RuleMetadata(name, description, [typeof(TResource).Name], codes, advice))
    {
    }

    public override ResourceKind Kind => new TResource().Definition;

    public sealed override void Check(IstioResource resource, RuleContext context) => Check((TResource)resource, context);

    public abstract void Check(TResource resource, RuleContext context);
}
