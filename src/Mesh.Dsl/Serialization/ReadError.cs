namespace Mesh.Dsl.Serialization;

/// <summary>
/// One problem found while reading Istio YAML or JSON: where it is (file, line, column, field path)
/// and what is wrong. <see cref="ToString"/> gives the compiler-style form
/// <c>routes.yaml:14:7: spec.ports[0].number: expected an integer, got "eighty"</c>.
/// </summary>
/// <param name="File">The file name as given to the reader, or null when reading a string.</param>
/// <param name="Line">1-based line; 0 when the problem is the whole file (it cannot be found or read).</param>
/// <param name="Column">1-based column; 0 with a line of 0.</param>
/// <param name="Path">The field path inside the document (<c>spec.ports[0].number</c>), or empty.</param>
/// <param name="Message">What is wrong.</param>
public sealed record ReadError(string? File, int Line, int Column, string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var location = Line > 0 ? $"{File ?? "<input>"}:{Line}:{Column}" : File ?? "<input>";
        return Path.Length == 0 ? $"{location}: {Message}" : $"{location}: {Path}: {Message}";
    }
}
