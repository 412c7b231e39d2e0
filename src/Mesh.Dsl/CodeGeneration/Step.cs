namespace Mesh.Dsl.CodeGeneration;

/// <summary>
/// One call of generated builder code, kept twice: as the C# text to write and as the same call made
/// on a builder here, so that every piece of generated code is checked, while it is generated, to
/// produce exactly the value it stands for.
/// </summary>
internal sealed class Step(Code code, Action<object> apply)
{
    public Code Code { get; } = code;

    /// <summary>Makes the call on <paramref name="builder"/>.</summary>
    public void Apply(object builder) => apply(builder);

    public Step WithComments(IReadOnlyList<string> comments)
        => comments.Count == 0 ? this : new Step(new CommentedCode(comments, Code), apply);
}
