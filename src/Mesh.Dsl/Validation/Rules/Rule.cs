namespace Mesh.Dsl.Validation.Rules;

/// <summary>A registered rule: a <see cref="FieldRule"/> or a <see cref="MeshRule"/>, with its <see cref="RuleMetadata"/>.</summary>
internal abstract class Rule
{
    private protected Rule(RuleMetadata metadata) => Metadata = metadata;

    public RuleMetadata Metadata { get; }
}
