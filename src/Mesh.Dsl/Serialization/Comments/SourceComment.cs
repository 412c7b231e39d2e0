namespace Mesh.Dsl.Serialization.Comments;

/// <summary>
/// One comment of a source document: its text as written (from <c>#</c> to the end of the line, trailing
/// blanks removed), where it stands, and its rank among the document's comments, which is source order.
/// </summary>
internal readonly record struct SourceComment(string Text, SourcePosition Position, int Ordinal)
{
    /// <summary>The words of the comment: without the <c>#</c> and the blanks after it (what a C# comment would say).</summary>
    public string Body => Text.AsSpan(1).TrimStart(" \t").ToString();
}
