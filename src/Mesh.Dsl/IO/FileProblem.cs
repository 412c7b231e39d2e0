namespace Mesh.Dsl.IO;

/// <summary>
/// A path <see cref="FileFinder"/> could not or would not read: an error (missing, unreadable, too large) or
/// a note that it was skipped on purpose (a FIFO, a device, a link to a folder). <see cref="ToString"/>
/// gives <c>path: message</c>.
/// </summary>
/// <param name="Path">The path, as found below the path given.</param>
/// <param name="Message">What is wrong, or why it was skipped.</param>
/// <param name="IsError">True for an error (the run reports failure), false for a file skipped on purpose.</param>
public sealed record FileProblem(string Path, string Message, bool IsError)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}";
}
