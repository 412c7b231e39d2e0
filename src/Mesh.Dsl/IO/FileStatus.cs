namespace Mesh.Dsl.IO;

/// <summary>What the walker and the safe writer need to know of a path.</summary>
/// <param name="Kind">Regular file, folder, link, or one of the special files that are skipped.</param>
/// <param name="Size">The size in bytes (meaningful for regular files).</param>
/// <param name="Mode">The permission bits, kept when a file is replaced.</param>
/// <param name="UserId">The owner's user id (-1 where the platform has none), kept when a file is replaced.</param>
/// <param name="GroupId">The owner's group id (-1 where the platform has none).</param>
internal readonly record struct FileStatus(FileKind Kind, long Size, UnixFileMode Mode, long UserId, long GroupId);
