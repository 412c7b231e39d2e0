using Mesh.Dsl.Model;

namespace Mesh.Dsl.CodeGeneration;

/// <summary>One YAML file to import into a generated project.</summary>
/// <param name="RelativePath">The file's path below the folder given (<c>egress/cnn.yaml</c>): where the generated program writes its YAML, as <c>mesh fmt --out</c> does.</param>
/// <param name="Resources">The Istio resources read from it, in document order.</param>
public sealed record MeshCodeInput(string RelativePath, IReadOnlyList<IstioResource> Resources)
{
    /// <summary>The file's text, whose comments become C# comments; null for none.</summary>
    public string? SourceText { get; init; }

    /// <summary>What is said at the top of the file's method (documents not imported).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
