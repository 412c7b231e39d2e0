namespace Mesh.Dsl.IO;

/// <summary>A regular file found from the paths given to <see cref="FileFinder.Find(IEnumerable{string}, Func{string, bool})"/>.</summary>
/// <param name="Path">The file's path as the path given plus the part below it: what messages show.</param>
/// <param name="RelativePath">The part below the folder given, or the file's name when the path given was the file.</param>
/// <param name="RealPath">The absolute path with every symbolic link resolved: where the file's bytes are.</param>
/// <param name="IsSymbolicLink">True when <paramref name="Path"/> is a symbolic link to a regular file.</param>
/// <param name="Size">The size in bytes when it was found.</param>
public sealed record FoundFile(string Path, string RelativePath, string RealPath, bool IsSymbolicLink, long Size);
