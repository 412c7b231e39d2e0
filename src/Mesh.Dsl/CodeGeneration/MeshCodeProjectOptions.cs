namespace Mesh.Dsl.CodeGeneration;

/// <summary>How <see cref="MeshCode.WriteProject"/> writes the project file.</summary>
public sealed class MeshCodeProjectOptions
{
    /// <summary>The project's name: the <c>.csproj</c> file's and the root namespace.</summary>
    public string ProjectName { get; init; } = "MeshConfiguration";

    /// <summary>
    /// The path of Mesh.Dsl.csproj to reference, relative to the project's folder; null for a
    /// PackageReference to the Mesh.Dsl package of <see cref="PackageVersion"/>.
    /// </summary>
    public string? ProjectReference { get; init; }

    /// <summary>The Mesh.Dsl package version referenced when <see cref="ProjectReference"/> is null; this library's version by default.</summary>
    public string PackageVersion { get; init; } = MeshCode.LibraryVersion;
}
