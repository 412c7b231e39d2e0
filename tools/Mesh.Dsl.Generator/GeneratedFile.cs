namespace Mesh.Dsl.Generator;

/// <summary>One file a generator writes: its path relative to the repository root ('/' separated) and its whole text.</summary>
internal sealed record GeneratedFile(string RelativePath, string Content);
