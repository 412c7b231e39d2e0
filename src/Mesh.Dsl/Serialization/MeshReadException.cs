namespace Mesh.Dsl.Serialization;

/// <summary>Thrown when Istio YAML or JSON cannot be read; <see cref="Errors"/> lists every problem found.</summary>
public sealed class MeshReadException : Exception
{
    /// <summary>Creates the exception from the errors found.</summary>
    public MeshReadException(IReadOnlyList<ReadError> errors)
        : base(BuildMessage(errors))
    {
        Errors = errors;
    }

    /// <summary>Every problem found, in source order.</summary>
    public IReadOnlyList<ReadError> Errors { get; }

    private static string BuildMessage(IReadOnlyList<ReadError> errors)
        => errors.Count == 1 ? errors[0].ToString() : $"{errors.Count} errors:{Environment.NewLine}" + string.Join(Environment.NewLine, errors);
}
