using System.Runtime.CompilerServices;

namespace Mesh.Dsl.Validation;

/// <summary>
/// One finding of validation: a stable <see cref="Code"/> (Istio's <c>IST…</c> where Istio has one,
/// otherwise <c>MESH…</c>, see <see cref="DiagnosticCodes"/>), the resource and field it concerns,
/// and a message that says what is wrong and how to fix it.
/// </summary>
/// <param name="Code">The code, e.g. <c>IST0101</c> or <c>MESH1003</c>.</param>
/// <param name="Severity">Error, warning or info.</param>
/// <param name="Kind">The resource kind, e.g. <c>VirtualService</c>; empty for a file that could not be read.</param>
/// <param name="Namespace">The resource's namespace, or null when it has none.</param>
/// <param name="Name">The resource's name, or null.</param>
/// <param name="Path">The field path, e.g. <c>spec.http[0].route[0].destination.subset</c>; empty for the whole resource.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record Diagnostic(
    string Code,
    DiagnosticSeverity Severity,
    string Kind,
    string? Namespace,
    string? Name,
    string Path,
    string Message)
{
    /// <summary>The file the resource was read from, or null.</summary>
    public string? File { get; init; }

    /// <summary>The 1-based line of <see cref="Path"/> in <see cref="File"/>, or null when not read from text.</summary>
    public int? Line { get; init; }

    /// <summary>The 1-based column of <see cref="Path"/> in <see cref="File"/>, or null when not read from text.</summary>
    public int? Column { get; init; }

    /// <summary>Whether this is an error.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>
    /// The one-line text form <c>file:line:col: severity CODE Kind namespace/name path: message</c>;
    /// the location is left out when unknown.
    /// </summary>
    /// <returns>The line.</returns>
    public override string ToString()
    {
        // Built in a pooled buffer, so only the line itself is allocated (a validation may print thousands).
        var text = new DefaultInterpolatedStringHandler(0, 0);
        if (File is not null || Line is not null)
        {
            text.AppendFormatted(File ?? "<input>");
            if (Line is { } line)
            {
                text.AppendLiteral(":");
                text.AppendFormatted(line);
                text.AppendLiteral(":");
                text.AppendFormatted(Column ?? 1);
            }

            text.AppendLiteral(": ");
        }

        text.AppendLiteral(SeverityName(Severity));
        text.AppendLiteral(" ");
        text.AppendFormatted(Code);
        if (Kind.Length > 0)
        {
            text.AppendLiteral(" ");
            text.AppendLiteral(Kind);
            text.AppendLiteral(" ");
            if (Namespace is { Length: > 0 } ns)
            {
                text.AppendLiteral(ns);
                text.AppendLiteral("/");
            }

            text.AppendFormatted(Name);
        }

        if (Path.Length > 0)
        {
            text.AppendLiteral(" ");
            text.AppendLiteral(Path);
        }

        text.AppendLiteral(": ");
        text.AppendFormatted(Message);
        return text.ToStringAndClear();
    }

    /// <summary>The lowercase name of a severity, as the CLI and JSON write it.</summary>
    /// <param name="severity">The severity.</param>
    /// <returns><c>error</c>, <c>warning</c> or <c>info</c>.</returns>
    public static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}
