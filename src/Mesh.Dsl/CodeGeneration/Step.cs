namespace Mesh.Dsl.CodeGeneration;

/// <summary>
/// One call of generated builder code, kept twice: as the C# text to write and as the same call made
/// on a builder here, so that every piece of generated code is checked, while it is generated, to
/// produce exactly the value it stands for.
/// </summary>
internal sealed class Step(Code code, Action<object> apply, bool typed = false, bool editOnly = false)
{
    /// <summary>True for an <c>Edit</c> of the model, or a child builder used only for one: nothing a builder method says.</summary>
    public bool EditOnly { get; } = editOnly;

    public Code Code { get; } = code;

    /// <summary>True when the call, or one inside its callback, refers to a resource by variable.</summary>
    public bool Typed { get; } = typed;

    /// <summary>Makes the call on <paramref name="builder"/>.</summary>
    public void Apply(object builder) => apply(builder);

    public Step WithComments(IReadOnlyList<string> comments)
        => comments.Count == 0 ? this : new Step(new CommentedCode(comments, Code), apply, Typed, EditOnly);
}
