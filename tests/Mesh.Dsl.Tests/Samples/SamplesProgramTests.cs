using Mesh.Dsl.Samples;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Tests.Samples;

public class SamplesProgramTests
{
    [Fact]
    public void Without_options_prints_every_sample_under_a_comment_with_its_id()
    {
        var (code, output, error) = Run();

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        var headings = output.Split('\n').Where(l => l.StartsWith("# ", StringComparison.Ordinal)).ToList();
        Assert.Equal(SampleCatalogue.All.Select(s => s.Heading), headings);
        var expectedDocuments = SampleCatalogue.All.Sum(s => s.CreateMesh().Resources.Count);
        Assert.Equal(expectedDocuments, MeshYaml.Read(output, "stdout").Count);
    }

    [Fact]
    public void List_prints_one_line_per_sample_with_its_origin()
    {
        var (code, output, _) = Run("--list");

        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(SampleCatalogue.All.Count, lines.Length);
        Assert.All(SampleCatalogue.All.Zip(lines), pair =>
        {
            Assert.StartsWith(pair.First.Id + " ", pair.Second, StringComparison.Ordinal);
            Assert.Contains(pair.First.Origin, pair.Second, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Out_writes_one_file_per_sample_named_after_its_id()
    {
        var directory = Path.Combine(Path.GetTempPath(), "mesh-dsl-samples-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, _, _) = Run("--out", directory);

            Assert.Equal(0, code);
            Assert.Equal(
                SampleCatalogue.All.Select(s => s.Id + ".yaml").Order(StringComparer.Ordinal),
                Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            var sample = SampleCatalogue.All[0];
            Assert.Equal(sample.Heading + "\n" + sample.ToYaml(), File.ReadAllText(Path.Combine(directory, sample.Id + ".yaml")));
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public void Ids_select_the_samples_printed()
    {
        var id = SampleCatalogue.All[^1].Id;
        var (code, output, _) = Run(id);

        Assert.Equal(0, code);
        Assert.Equal(SampleCatalogue.Find(id)!.Heading + "\n" + SampleCatalogue.Find(id)!.ToYaml(), output);
    }

    [Theory]
    [InlineData("no-such-scenario")]
    [InlineData("--bogus")]
    [InlineData("--out")]
    public void Bad_command_lines_exit_with_2_and_say_why(string argument)
    {
        var (code, output, error) = Run(argument);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.NotEqual(string.Empty, error);
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = SamplesProgram.Run(args, output, error);
        return (code, output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), error.ToString());
    }
}
