using Mesh.Dsl.Serialization;

namespace Mesh.Dsl;

/// <summary>What <see cref="IstioMesh.TryLoad"/> read: the mesh, and every read error and duplicate found.</summary>
public sealed class MeshLoadResult
{
    internal MeshLoadResult(IstioMesh mesh, IReadOnlyList<ReadError> errors)
    {
        Mesh = mesh;
        Errors = errors;
    }

    /// <summary>
    /// The mesh of every resource read without error (of duplicates, the first); with errors it cannot be saved,
    /// since the documents that could not be read would be lost.
    /// </summary>
    public IstioMesh Mesh { get; }

    /// <summary>Every read error and every duplicate, each with its file, line and column, in file order.</summary>
    public IReadOnlyList<ReadError> Errors { get; }

    /// <summary>True when nothing was wrong.</summary>
    public bool Succeeded => Errors.Count == 0;

    /// <summary>Returns the mesh, or throws <see cref="MeshReadException"/> listing every error.</summary>
    /// <returns>The mesh.</returns>
    public IstioMesh ThrowIfFailed() => Succeeded ? Mesh : throw new MeshReadException(Errors);
}
