using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Tests.IO;

/// <summary><see cref="IstioMesh.Load"/> finds files as the commands do, and reports unreadable paths as read errors.</summary>
public sealed class LoadFilesTests : IDisposable
{
    private const string Entry = "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: cnn}\nspec: {hosts: [edition.cnn.com], resolution: DNS, ports: [{number: 80, name: http, protocol: HTTP}]}\n";

    private readonly string _root = Directory.CreateTempSubdirectory("mesh-load-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Load_skips_special_files_and_links_to_folders_and_reads_the_rest()
    {
        File.WriteAllText(Path.Combine(_root, "se.yaml"), Entry);
        TestPosix.MakeFifo(Path.Combine(_root, "pipe.yaml"));
        File.CreateSymbolicLink(Path.Combine(_root, "loop"), _root);

        var mesh = IstioMesh.Load(_root);

        Assert.Equal("cnn", Assert.Single(mesh.Resources).Metadata.Name);
        Assert.Equal([Path.Combine(_root, "se.yaml")], IstioMesh.ExpandPaths([_root]));
    }

    [Fact]
    public void Load_lists_a_missing_path_and_invalid_text_among_the_read_errors()
    {
        var missing = Path.Combine(_root, "missing.yaml");
        var latin1 = Path.Combine(_root, "latin1.yaml");
        File.WriteAllBytes(latin1, [.. "# caf"u8, 0xE9, .. "\n"u8]);

        var error = Assert.Throws<MeshReadException>(() => IstioMesh.Load(missing, latin1));

        Assert.Equal(
            [
                $"{missing}: no such file or directory",
                $"{latin1}:1:6: invalid UTF-8: the byte 0xE9 is not part of a valid character; save the file as UTF-8",
            ],
            error.Errors.Select(e => e.ToString()).ToArray());
    }

    [Fact]
    public void Validate_of_a_service_nested_200000_levels_deep_ends_quickly_with_the_depth_error()
    {
        var file = Path.Combine(_root, "deep.yaml");
        File.WriteAllText(file, "apiVersion: v1\nkind: Service\nmetadata: {name: deep}\nspec: {ports: " + new string('[', 200_000) + "}\n");

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var diagnostics = new Mesh.Dsl.Validation.MeshValidator { ReadKubernetesObjects = true }.ValidateFiles([file]);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.Equal([$"{file}:4:113: error MESH1000: nesting deeper than 100 levels"], diagnostics.Select(d => d.ToString()).ToArray());
    }
}
