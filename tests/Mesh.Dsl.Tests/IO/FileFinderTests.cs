using System.Diagnostics;
using Mesh.Dsl.IO;

namespace Mesh.Dsl.Tests.IO;

public sealed class FileFinderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("mesh-finder-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Create(string relativePath, string content = "a: 1\n")
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private string Link(string relativePath, string target)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.CreateSymbolicLink(path, target);
        return path;
    }

    private FileSearch Find(params string[] paths) => FileFinder.Find(paths, FileFinder.IsYaml);

    private static string[] Problems(FileSearch search) => search.Problems.Select(p => $"{(p.IsError ? "error" : "skip")} {p}").ToArray();

    [Fact]
    public void A_folder_gives_its_yaml_files_in_ordinal_path_order_with_paths_below_it()
    {
        Create("in/z.yml");
        Create("in/a/b.yaml");
        Create("in/a-c.yaml");
        Create("in/notes.txt");
        Create("in/list.json");

        var search = Find(Path.Combine(_root, "in"));

        Assert.Equal(["a-c.yaml", "a/b.yaml", "z.yml"], search.Files.Select(f => f.RelativePath.Replace('\\', '/')).ToArray());
        Assert.Empty(search.Problems);
        Assert.All(search.Files, f => Assert.False(f.IsSymbolicLink));
    }

    [Fact]
    public void A_fifo_below_a_folder_is_skipped_without_being_opened()
    {
        Create("in/a.yaml");
        var fifo = Path.Combine(_root, "in", "pipe.yaml");
        TestPosix.MakeFifo(fifo);

        var watch = Stopwatch.StartNew();
        var search = Find(Path.Combine(_root, "in"));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
        Assert.Equal(["a.yaml"], search.Files.Select(f => f.RelativePath).ToArray());
        Assert.Equal([$"skip {fifo}: skipped: a named pipe (FIFO), not a regular file"], Problems(search));
        Assert.False(search.HasErrors);
    }

    [Fact]
    public void A_link_to_dev_zero_is_skipped()
    {
        Create("in/a.yaml");
        var zero = Link("in/zero.yaml", "/dev/zero");

        var search = Find(Path.Combine(_root, "in"));

        Assert.Equal(["a.yaml"], search.Files.Select(f => f.RelativePath).ToArray());
        Assert.Equal([$"skip {zero}: skipped: a symbolic link to a character device, not a regular file"], Problems(search));
    }

    [Fact]
    public void A_link_to_a_folder_is_not_followed_so_a_loop_ends_at_once()
    {
        Create("in/sub/a.yaml");
        var loop = Link("in/sub/loop", Path.Combine(_root, "in"));
        var up = Link("in/up", "..");

        var watch = Stopwatch.StartNew();
        var search = Find(Path.Combine(_root, "in"));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
        Assert.Equal(["sub/a.yaml"], search.Files.Select(f => f.RelativePath.Replace('\\', '/')).ToArray());
        Assert.Equal(
            [
                $"skip {loop}: skipped: a symbolic link to a folder (links to folders are not followed)",
                $"skip {up}: skipped: a symbolic link to a folder (links to folders are not followed)",
            ],
            Problems(search));
    }

    [Fact]
    public void A_loop_of_file_links_and_a_dangling_link_are_skipped_with_the_reason()
    {
        var first = Link("in/a.yaml", "b.yaml");
        Link("in/b.yaml", "a.yaml");
        var dangling = Link("in/gone.yaml", "nothing-here.yaml");

        var search = Find(Path.Combine(_root, "in"));

        Assert.Empty(search.Files);
        Assert.Equal(
            [
                $"skip {first}: skipped: a symbolic link that cannot be followed: too many levels of symbolic links (a link loop?)",
                $"skip {Path.Combine(_root, "in", "b.yaml")}: skipped: a symbolic link that cannot be followed: too many levels of symbolic links (a link loop?)",
                $"skip {dangling}: skipped: a symbolic link to nothing (its target does not exist)",
            ],
            Problems(search));
    }

    [Fact]
    public void A_file_reached_by_a_link_and_by_its_own_name_is_listed_once_where_first_found()
    {
        var target = Create("in/real.yaml");
        var link = Link("in/alias.yaml", "real.yaml");

        var search = Find(Path.Combine(_root, "in"), target);

        var file = Assert.Single(search.Files);
        Assert.Equal(link, file.Path);
        Assert.True(file.IsSymbolicLink);
        Assert.Equal(target, file.RealPath);
    }

    [Fact]
    public void Paths_inside_the_paths_given_are_those_below_a_folder_or_equal_to_a_file()
    {
        var single = Create("one/file.yaml");
        Create("in/a.yaml");

        var search = Find(Path.Combine(_root, "in"), single);

        Assert.True(search.IsInsidePathsGiven(Path.Combine(_root, "in", "deep", "x.yaml")));
        Assert.True(search.IsInsidePathsGiven(single));
        Assert.False(search.IsInsidePathsGiven(Path.Combine(_root, "one", "other.yaml")));
        Assert.False(search.IsInsidePathsGiven(Path.Combine(_root, "in-other", "x.yaml")));
    }

    [Fact]
    public void A_missing_path_is_an_error_and_the_others_are_still_found()
    {
        var missing = Path.Combine(_root, "no-such");
        var file = Create("a.yaml");

        var search = Find(missing, file);

        Assert.Equal([$"error {missing}: no such file or directory"], Problems(search));
        Assert.Equal([file], search.Files.Select(f => f.Path).ToArray());
    }

    [Fact]
    public void An_unreadable_folder_is_an_error_and_the_walk_goes_on()
    {
        Create("in/a.yaml");
        var locked = Path.Combine(_root, "in", "locked");
        Create("in/locked/secret.yaml");
        Create("in/z/b.yaml");
        var fileSystem = new InjectedFileSystem { Fail = (call, path) => call == "entries" && path == locked ? InjectedFileSystem.PermissionDenied() : null };

        var search = FileFinder.Find([Path.Combine(_root, "in")], FileFinder.IsYaml, fileSystem);

        Assert.Equal([$"error {locked}: cannot read the folder: permission denied"], Problems(search));
        Assert.Equal(["a.yaml", "z/b.yaml"], search.Files.Select(f => f.RelativePath.Replace('\\', '/')).ToArray());
    }

    [Fact]
    public void A_file_whose_status_cannot_be_read_is_an_error()
    {
        var file = Create("in/a.yaml");
        Create("in/b.yaml");
        var fileSystem = new InjectedFileSystem { Fail = (call, path) => call == "status" && path == file ? new IOException("input/output error") : null };

        var search = FileFinder.Find([Path.Combine(_root, "in")], FileFinder.IsYaml, fileSystem);

        Assert.Equal([$"error {file}: input/output error"], Problems(search));
        Assert.Equal(["b.yaml"], search.Files.Select(f => f.RelativePath).ToArray());
    }

    [Fact]
    public void A_file_over_the_size_limit_is_an_error_without_being_read()
    {
        var large = Create("in/huge.yaml");
        using (var stream = File.OpenWrite(large))
        {
            stream.SetLength(FileFinder.MaxFileSize + 1); // sparse: no disk used
        }

        Create("in/small.yaml");

        var search = Find(Path.Combine(_root, "in"));

        Assert.Equal([$"error {large}: not read: the file is larger than the limit of 256 MiB (268,435,457 bytes)"], Problems(search));
        Assert.Equal(["small.yaml"], search.Files.Select(f => f.RelativePath).ToArray());
    }

    [Fact]
    public void A_fifo_named_explicitly_is_taken_for_process_substitution_but_a_device_is_not()
    {
        var fifo = Path.Combine(_root, "pipe");
        TestPosix.MakeFifo(fifo);

        var search = Find(fifo, "/dev/zero");

        Assert.Equal([fifo], search.Files.Select(f => f.Path).ToArray());
        Assert.Equal(["skip /dev/zero: skipped: a character device, not a regular file"], Problems(search));
    }
}
