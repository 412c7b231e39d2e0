namespace Mesh.Dsl.Validation;

/// <summary>Thrown when a mesh with validation errors is written without opting out; lists every diagnostic.</summary>
public sealed class MeshValidationException : Exception
{
    /// <summary>Creates the exception from the diagnostics of one validation.</summary>
    /// <param name="diagnostics">All diagnostics (errors, warnings and infos).</param>
    public MeshValidationException(IReadOnlyList<Diagnostic> diagnostics)
        : base(BuildMessage(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>All diagnostics of the validation, errors first in resource order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The errors among <see cref="Diagnostics"/>.</summary>
    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.IsError);

    private static string BuildMessage(IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var errors = diagnostics.Where(d => d.IsError).ToList();
        return $"The mesh has {errors.Count} validation error(s); fix them or write with allowErrors: true."
            + string.Concat(errors.Select(e => "\n  " + e));
    }
}
