namespace Mesh.Dsl.Diff;

/// <summary>The three shapes of a <see cref="ValueNode"/>.</summary>
internal enum ValueNodeKind
{
    Scalar,
    Mapping,
    Sequence,
}
