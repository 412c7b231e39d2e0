namespace Mesh.Dsl.Generator;

/// <summary>
/// One generator: it reads inputs below the repository root and returns every file it owns. Each generator
/// owns whole folders (<see cref="OwnedFolders"/>): a file in them that it no longer produces is deleted on
/// regeneration and reported by the check, so generated and hand-written code never share a folder's files.
/// A generator may also return single files outside its folders (docs/diagnostics.md): they are compared and
/// written like the others, but never deleted, so such a file must be the generator's alone.
/// </summary>
internal interface IGenerator
{
    /// <summary>A short name for messages, e.g. "model".</summary>
    string Name { get; }

    /// <summary>The folders (relative to the repository root, '/' separated) that hold only this generator's output.</summary>
    IReadOnlyList<string> OwnedFolders { get; }

    /// <summary>Every file of the generator's output, made from the inputs below <paramref name="repositoryRoot"/>.</summary>
    IReadOnlyList<GeneratedFile> Generate(string repositoryRoot);
}
