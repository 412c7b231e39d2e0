namespace Mesh.Dsl.CodeGeneration;

/// <summary>How <see cref="MeshCode.Write"/> names and documents the code it writes.</summary>
public sealed class MeshCodeOptions
{
    /// <summary>The namespace of the class written; <c>MeshConfiguration</c> by default.</summary>
    public string Namespace { get; init; } = "MeshConfiguration";

    /// <summary>The name of the static class written; <c>Resources</c> by default.</summary>
    public string ClassName { get; init; } = "Resources";

    /// <summary>The file the resources were read from, named in the class's summary; null for none.</summary>
    public string? SourceName { get; init; }

    /// <summary>The YAML text the resources were read from: its comments are carried over as C# comments. Null for none.</summary>
    public string? SourceText { get; init; }

    /// <summary>Lines to say at the top of the method: documents of the file that are not imported (other kinds), so they are not dropped silently.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
