using System.Text;
using Mesh.Dsl.IO;

namespace Mesh.Dsl.Tests.IO;

public sealed class AtomicFileTests : IDisposable
{
    private static readonly byte[] Old = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("old: content\n", 500)));
    private static readonly byte[] New = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("new: text\n", 700)));

    private readonly string _root = Directory.CreateTempSubdirectory("mesh-atomic-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string[] Names() => Directory.GetFileSystemEntries(_root).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    public static TheoryData<string, long> Steps() => new()
    {
        { "create", 0 },
        { "write", 0 },
        { "write", 1 },
        { "write", 4096 },
        { "write", New.Length - 1 },
        { "flush", 0 },
        { "chmod", 0 },
        { "rename", 0 },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public void A_failure_at_any_step_leaves_the_old_file_whole_and_no_temporary_file(string step, long bytesBeforeFailure)
    {
        var path = Path.Combine(_root, "routes.yaml");
        File.WriteAllBytes(path, Old);
        var fileSystem = new InjectedFileSystem { Fail = (call, _) => call == step ? InjectedFileSystem.DiskFull() : null, WriteLimit = bytesBeforeFailure };

        var error = Assert.Throws<IOException>(() => AtomicFile.Write(path, stream => stream.Write(New), fileSystem));

        Assert.Equal("No space left on device", error.Message);
        Assert.Equal(Old, File.ReadAllBytes(path));
        Assert.Equal(["routes.yaml"], Names());
    }

    [Fact]
    public void Every_step_is_taken_in_order_and_the_new_file_replaces_the_old()
    {
        var path = Path.Combine(_root, "routes.yaml");
        File.WriteAllBytes(path, Old);
        var fileSystem = new InjectedFileSystem();

        AtomicFile.Write(path, stream => stream.Write(New), fileSystem);

        Assert.Equal(New, File.ReadAllBytes(path));
        Assert.Equal(["routes.yaml"], Names());
        var calls = fileSystem.Calls.Select(c => c.Split(' ')[0]).ToArray();
        Assert.Equal(["status", "create", "flush", "chmod", "rename", "fsyncdir"], calls);
        Assert.Matches(@"/\.routes\.yaml\.[a-z0-9]+\.tmp$", fileSystem.Calls[1]);
    }

    [Fact]
    public void An_exception_of_the_writer_leaves_the_old_file_and_is_passed_on()
    {
        var path = Path.Combine(_root, "routes.yaml");
        File.WriteAllBytes(path, Old);

        var error = Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write(New.AsSpan(0, 100));
            throw new InvalidOperationException("cannot write this value");
        }));

        Assert.Equal("cannot write this value", error.Message);
        Assert.Equal(Old, File.ReadAllBytes(path));
        Assert.Equal(["routes.yaml"], Names());
    }

    [Fact]
    public void A_folder_that_refuses_fsync_still_gets_the_new_file()
    {
        var path = Path.Combine(_root, "routes.yaml");
        File.WriteAllBytes(path, Old);
        var fileSystem = new InjectedFileSystem { Fail = (call, _) => call == "fsyncdir" ? new IOException("invalid argument") : null };

        AtomicFile.Write(path, stream => stream.Write(New), fileSystem);

        Assert.Equal(New, File.ReadAllBytes(path));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_permissions_and_owner_of_the_old_file_are_kept()
    {
        var path = Path.Combine(_root, "routes.yaml");
        File.WriteAllBytes(path, Old);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        Posix.ChangeOwner(path, 1234, 5678);

        AtomicFile.WriteAllBytes(path, New);

        var status = Posix.Status(path, followLinks: false);
        Assert.Equal(New, File.ReadAllBytes(path));
        Assert.Equal((UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, 1234L, 5678L), (status.Mode, status.UserId, status.GroupId));
    }

    [Fact]
    public void A_link_is_replaced_at_its_target_and_stays_a_link()
    {
        var target = Path.Combine(_root, "real.yaml");
        File.WriteAllBytes(target, Old);
        var link = Path.Combine(_root, "link.yaml");
        File.CreateSymbolicLink(link, "real.yaml");

        AtomicFile.WriteAllBytes(link, New);

        Assert.Equal("real.yaml", new FileInfo(link).LinkTarget);
        Assert.Equal(New, File.ReadAllBytes(target));
        Assert.Equal(["link.yaml", "real.yaml"], Names());
    }

    [Fact]
    public void A_missing_file_is_created()
    {
        var path = Path.Combine(_root, "new.yaml");

        AtomicFile.WriteAllBytes(path, New);

        Assert.Equal(New, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_fifo_is_not_replaced_and_not_opened()
    {
        var fifo = Path.Combine(_root, "pipe.yaml");
        TestPosix.MakeFifo(fifo);

        var error = Assert.Throws<IOException>(() => AtomicFile.WriteAllBytes(fifo, New));

        Assert.Equal($"{fifo} is not a regular file (a named pipe (FIFO)); it is not replaced", error.Message);
        Assert.Equal(["pipe.yaml"], Names());
    }
}
