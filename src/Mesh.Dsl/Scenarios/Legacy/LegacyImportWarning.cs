namespace Mesh.Dsl.Scenarios;

/// <summary>Something of a legacy resource that the import could not translate, or translated with a change the user should know of.</summary>
/// <param name="File">The file read, or null for text without a file name.</param>
/// <param name="Line">The 1-based line of the field.</param>
/// <param name="Column">The 1-based column of the field.</param>
/// <param name="Resource">The legacy resource, as <c>RouteRule default/details-v2</c>.</param>
/// <param name="Path">The field's path in the legacy resource (<c>spec.httpFault</c>); empty for the whole resource.</param>
/// <param name="Message">What was not translated, and what to do instead.</param>
public sealed record LegacyImportWarning(string? File, int Line, int Column, string Resource, string Path, string Message)
{
    /// <summary>The warning as <c>file:line:column: resource: path: message</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var location = $"{File ?? "<input>"}:{Line}:{Column}";
        return Path.Length == 0 ? $"{location}: {Resource}: {Message}" : $"{location}: {Resource}: {Path}: {Message}";
    }
}
