using System.Diagnostics;
using Mesh.Dsl.Cli;
using Mesh.Dsl.IO;
using Mesh.Dsl.Tests.IO;

namespace Mesh.Dsl.Tests.Cli;

/// <summary>How <c>mesh fmt</c> and <c>mesh validate</c> find, read and write files: links, special files, failures.</summary>
public sealed class FmtFileSafetyTests : IDisposable
{
    private const string Messy = "kind: ServiceEntry\napiVersion: networking.istio.io/v1\nmetadata: {name: cnn}\nspec: {hosts: [edition.cnn.com], resolution: DNS, ports: [{number: 80, name: http, protocol: HTTP}]}\n";

    private const string Canonical = """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: cnn
        spec:
          hosts:
          - edition.cnn.com
          ports:
          - number: 80
            name: http
            protocol: HTTP
          resolution: DNS

        """;

    private readonly string _root = Directory.CreateTempSubdirectory("mesh-fmt-safety-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Create(string relativePath, string content)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(FileSystem fileSystem, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = MeshCli.Run(args, stdout, stderr, fileSystem);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(params string[] args) => Run(FileSystem.Real, args);

    private string[] NamesIn(string folder) => Directory.GetFileSystemEntries(Path.Combine(_root, folder)).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    [Fact]
    public void Write_rewrites_a_linked_file_inside_the_paths_given_at_its_target_and_keeps_the_link()
    {
        var target = Create("in/real/se.yaml", Messy);
        var link = Path.Combine(_root, "in", "link.yaml");
        File.CreateSymbolicLink(link, "real/se.yaml");

        var run = Run("fmt", "--write", link, Path.Combine(_root, "in", "real"));

        Assert.Equal((ExitCodes.Success, "", ""), run);
        Assert.Equal(Canonical, File.ReadAllText(target));
        Assert.Equal("real/se.yaml", new FileInfo(link).LinkTarget);
    }

    [Fact]
    public void Write_skips_a_link_whose_target_is_outside_the_paths_given()
    {
        var outside = Create("elsewhere/se.yaml", Messy);
        var link = Path.Combine(_root, "in", "link.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        File.CreateSymbolicLink(link, outside);
        var inside = Create("in/b.yaml", Messy);

        var run = Run("fmt", "--write", Path.Combine(_root, "in"));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal($"mesh fmt: {link}: skipped: a symbolic link to {outside}, outside the paths given; --write rewrites only files inside them\n", run.Stderr);
        Assert.Equal(Messy, File.ReadAllText(outside));
        Assert.Equal(Canonical, File.ReadAllText(inside));
    }

    [Fact]
    public void Stdout_and_out_still_read_a_link_whose_target_is_outside()
    {
        var outside = Create("elsewhere/se.yaml", Messy);
        Directory.CreateDirectory(Path.Combine(_root, "in"));
        File.CreateSymbolicLink(Path.Combine(_root, "in", "link.yaml"), outside);

        var run = Run("fmt", "--out", Path.Combine(_root, "out"), Path.Combine(_root, "in"));

        Assert.Equal((ExitCodes.Success, "", ""), run);
        Assert.Equal(Canonical, File.ReadAllText(Path.Combine(_root, "out", "link.yaml")));
    }

    [Theory]
    [InlineData("comments only", "# nothing here yet\n# TODO: add the egress rules\n")]
    [InlineData("document markers only", "---\n---\n")]
    [InlineData("a comment and a marker", "# header\n---\n# nothing\n")]
    [InlineData("empty", "")]
    public void Write_leaves_a_file_that_holds_no_resource_alone(string name, string content)
    {
        var file = Create("in/empty.yaml", content);
        var longAgo = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(file, longAgo);

        var run = Run("fmt", "--write", Path.Combine(_root, "in"));

        Assert.True((ExitCodes.Success, "", "") == run, name);
        Assert.Equal(content, File.ReadAllText(file));
        Assert.Equal(longAgo, File.GetLastWriteTimeUtc(file));
    }

    [Fact]
    public void Out_copies_a_file_that_holds_no_resource_as_it_is()
    {
        Create("in/notes.yaml", "# only a comment\n---\n");

        var run = Run("fmt", "--out", Path.Combine(_root, "out"), Path.Combine(_root, "in"));

        Assert.Equal((ExitCodes.Success, "", ""), run);
        Assert.Equal("# only a comment\n---\n", File.ReadAllText(Path.Combine(_root, "out", "notes.yaml")));
    }

    [Fact]
    public void Invalid_utf8_is_an_error_with_its_position_and_the_file_is_not_rewritten()
    {
        var file = Path.Combine(_root, "latin1.yaml");
        byte[] bytes = [.. "kind: ServiceEntry\napiVersion: networking.istio.io/v1\nmetadata: {name: caf"u8, 0xE9, .. "}\n"u8];
        File.WriteAllBytes(file, bytes);

        var run = Run("fmt", "--write", file);

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal(
            $"{file}:3:21: invalid UTF-8: the byte 0xE9 is not part of a valid character; save the file as UTF-8\nmesh fmt: {file}: not formatted: 1 error\n",
            run.Stderr);
        Assert.Equal(bytes, File.ReadAllBytes(file));
    }

    public static TheoryData<string, long> WriteSteps() => new()
    {
        { "create", 0 },
        { "write", 0 },
        { "write", 7 },
        { "write", Canonical.Length - 1 },
        { "flush", 0 },
        { "chmod", 0 },
        { "rename", 0 },
    };

    [Theory]
    [MemberData(nameof(WriteSteps))]
    public void An_injected_write_failure_at_any_step_leaves_the_old_file_and_the_others_are_still_written(string step, long bytesBeforeFailure)
    {
        var failing = Create("in/a.yaml", Messy);
        var other = Create("in/b.yaml", Messy);
        var fileSystem = new InjectedFileSystem
        {
            Fail = (call, path) => call == step && Path.GetFileName(path).StartsWith(".a.yaml.", StringComparison.Ordinal) || (call == step && step == "rename" && path == failing)
                ? InjectedFileSystem.DiskFull()
                : null,
            WriteLimit = bytesBeforeFailure,
        };

        var run = Run(fileSystem, "fmt", "--write", Path.Combine(_root, "in"));

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal($"mesh fmt: {failing}: not written: No space left on device; the file is unchanged\n", run.Stderr);
        Assert.Equal(Messy, File.ReadAllText(failing));
        Assert.Equal(Canonical, File.ReadAllText(other));
        Assert.Equal(["a.yaml", "b.yaml"], NamesIn("in"));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Write_keeps_the_mode_and_owner_of_the_file()
    {
        var file = Create("se.yaml", Messy);
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        Posix.ChangeOwner(file, 4321, 8765);

        var run = Run("fmt", "--write", file);

        Assert.Equal((ExitCodes.Success, "", ""), run);
        var status = Posix.Status(file, followLinks: false);
        Assert.Equal(Canonical, File.ReadAllText(file));
        Assert.Equal((UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead, 4321L, 8765L), (status.Mode, status.UserId, status.GroupId));
    }

    [Fact]
    public void An_unreadable_file_is_reported_and_the_others_are_formatted()
    {
        var locked = Create("in/a.yaml", Messy);
        var other = Create("in/b.yaml", Messy);
        var fileSystem = new InjectedFileSystem { Fail = (call, path) => call == "open" && path == locked ? InjectedFileSystem.PermissionDenied() : null };

        var run = Run(fileSystem, "fmt", "--write", Path.Combine(_root, "in"));

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        Assert.Equal($"mesh fmt: {locked}: permission denied\n", run.Stderr);
        Assert.Equal(Messy, File.ReadAllText(locked));
        Assert.Equal(Canonical, File.ReadAllText(other));
    }

    [Fact]
    public void Special_files_and_link_loops_below_a_folder_are_skipped_with_a_message_and_the_run_ends_quickly()
    {
        var good = Create("in/good.yaml", Messy);
        var fifo = Path.Combine(_root, "in", "pipe.yaml");
        TestPosix.MakeFifo(fifo);
        var zero = Path.Combine(_root, "in", "zero.yaml");
        File.CreateSymbolicLink(zero, "/dev/zero");
        var loop = Path.Combine(_root, "in", "loop");
        File.CreateSymbolicLink(loop, ".");

        var watch = Stopwatch.StartNew();
        var fmt = Run("fmt", "--write", Path.Combine(_root, "in"));
        var validate = Run("validate", Path.Combine(_root, "in"));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.Equal(ExitCodes.Success, fmt.ExitCode);
        Assert.Equal(
            $"mesh fmt: {loop}: skipped: a symbolic link to a folder (links to folders are not followed)\n" +
            $"mesh fmt: {fifo}: skipped: a named pipe (FIFO), not a regular file\n" +
            $"mesh fmt: {zero}: skipped: a symbolic link to a character device, not a regular file\n",
            fmt.Stderr);
        Assert.Equal(Canonical, File.ReadAllText(good));
        Assert.Equal(ExitCodes.Success, validate.ExitCode);
        Assert.StartsWith(
            $"{loop}: info MESH1000: skipped: a symbolic link to a folder (links to folders are not followed)\n" +
            $"{fifo}: info MESH1000: skipped: a named pipe (FIFO), not a regular file\n" +
            $"{zero}: info MESH1000: skipped: a symbolic link to a character device, not a regular file\n",
            validate.Stdout);
        Assert.DoesNotContain("error", validate.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_reports_an_unreadable_folder_and_a_too_large_file_and_checks_the_rest()
    {
        var locked = Path.Combine(_root, "in", "locked");
        Create("in/locked/x.yaml", Messy);
        var large = Create("in/large.yaml", "");
        using (var stream = File.OpenWrite(large))
        {
            stream.SetLength(FileFinder.MaxFileSize + 10);
        }

        Create("in/se.yaml", Messy.Replace("name: cnn", "name: Bad_Name", StringComparison.Ordinal));
        var fileSystem = new InjectedFileSystem { Fail = (call, path) => call == "entries" && path == locked ? InjectedFileSystem.PermissionDenied() : null };

        var run = Run(fileSystem, "validate", Path.Combine(_root, "in"));

        Assert.Equal(ExitCodes.Failure, run.ExitCode);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"{large}: error MESH1000: not read: the file is larger than the limit of 256 MiB (268,435,466 bytes)", lines[0]);
        Assert.Equal($"{locked}: error MESH1000: cannot read the folder: permission denied", lines[1]);
        Assert.Contains(lines, line => line.Contains("MESH1001 ServiceEntry Bad_Name", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unexpected_exception_is_one_line_on_stderr_with_exit_code_3()
    {
        var file = Create("se.yaml", Messy);
        var fileSystem = new InjectedFileSystem { Fail = (call, _) => call == "open" ? new InvalidOperationException("boom\nsecond line") : null };

        var run = Run(fileSystem, "fmt", file);

        Assert.Equal("mesh: internal error: InvalidOperationException: boom second line (nothing more was done; please report it)\n", run.Stderr);
        Assert.Equal((ExitCodes.InternalError, ""), (run.ExitCode, run.Stdout));
    }

    [Fact]
    public void Fmt_write_killed_at_random_points_leaves_each_file_old_or_new_never_torn()
    {
        // A file of several megabytes, so that the write takes long enough to be killed in the middle of it.
        var entries = string.Concat(Enumerable.Range(0, 6000).Select(i =>
            $"---\nkind: ServiceEntry\napiVersion: networking.istio.io/v1\nmetadata: {{name: svc-{i}}}\nspec: {{hosts: [svc-{i}.example.com], resolution: DNS, ports: [{{number: 80, name: http, protocol: HTTP}}]}}\n"));
        var mesh = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "mesh.exe" : "mesh");
        var random = new Random(9);
        var outcomes = new List<string>();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            var file = Create($"kill-{attempt}/many.yaml", entries);
            using var process = Process.Start(new ProcessStartInfo(mesh, ["fmt", "--write", file]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            Thread.Sleep(random.Next(50, 1500));
            process.Kill();
            process.WaitForExit();

            var text = File.ReadAllText(file);
            var formatted = MeshYamlText(entries);
            Assert.True(text == entries || text == formatted, $"attempt {attempt}: the file is torn ({text.Length} characters)");
            outcomes.Add(text == entries ? "old" : "new");
        }

        Assert.Contains("old", outcomes); // the kills landed before and after the rename, so both sides were seen
    }

    private static string MeshYamlText(string text) => Mesh.Dsl.Serialization.MeshYaml.Serialize(Mesh.Dsl.Serialization.MeshYaml.Read(text));
}
