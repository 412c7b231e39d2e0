using System.Diagnostics;
using System.Text;
using Mesh.Dsl.Serialization;
using static Mesh.Dsl.Tests.Serialization.ReadErrors;

namespace Mesh.Dsl.Tests.Serialization;

/// <summary>
/// Input built to hurt a YAML reader ends in one clear error, quickly: no exception escapes, no stack
/// overflow, no exponential or quadratic work.
/// </summary>
public class HostileInputTests
{
    /// <summary>Generous for a shared two-core machine; the real times are a few hundred milliseconds.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public void A_billion_laughs_alias_bomb_stops_at_the_expansion_limit()
    {
        var yaml = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 'b'; level <= 'i'; level++)
        {
            var previous = (char)(level - 1);
            yaml.Append(level).Append(": &").Append(level).Append(" [").AppendJoin(", ", Enumerable.Repeat("*" + previous, 10)).Append("]\n");
        }

        var errors = TimedErrors(yaml.ToString());

        // Levels a to d expand to 12,330 values; each *d adds 11,111 more, so the 8th on line 5 passes 100,000.
        Assert.Equal(["t.yaml:5:36: aliases expand this document beyond 100,000 values (an alias bomb?)"], errors);
    }

    [Fact]
    public void Aliases_within_the_limit_read_as_copies()
    {
        var result = Read(ServiceEntryHead + "  hosts: &hosts [a.example.com, b.example.com]\n  subjectAltNames: *hosts\n");

        Assert.True(result.Succeeded);
        var entry = Assert.IsType<Mesh.Dsl.Model.Networking.ServiceEntry>(Assert.Single(result.Resources));
        Assert.Equal(entry.Spec.Hosts, entry.Spec.SubjectAltNames);
    }

    [Theory]
    [InlineData(10_000)]
    [InlineData(1_000_000)]
    public void Deep_flow_nesting_stops_at_the_depth_limit(int depth)
    {
        // Root mapping and spec are two levels: the 99th "[" is the 101st level, at column 10 + 98.
        var errors = TimedErrors(ServiceEntryHead + "  hosts: " + new string('[', depth) + new string(']', depth) + "\n");

        Assert.Equal(["t.yaml:6:108: nesting deeper than 100 levels"], errors);
    }

    [Theory]
    [InlineData("-", 2, "t.yaml:105:101: nesting deeper than 100 levels")]
    [InlineData("a:", 4, "t.yaml:105:103: nesting deeper than 100 levels")]
    public void Deep_block_nesting_stops_at_the_depth_limit(string line, int firstIndent, string expected)
    {
        // Line 7 on each nest one column deeper than the line before; line 105 (level 101) is the first too deep.
        var yaml = new StringBuilder(ServiceEntryHead).Append("  hosts:\n");
        for (var i = 0; i < 10_000; i++)
        {
            yaml.Append(' ', i + firstIndent).Append(line).Append('\n');
        }

        Assert.Equal([expected], TimedErrors(yaml.ToString()));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("\"", "\"")]
    [InlineData("'", "'")]
    public void A_50_MB_scalar_on_one_line_stops_at_the_length_limit(string open, string close)
    {
        var yaml = ServiceEntryHead + "  hosts: [" + open + new string('x', 50 << 20) + close + "]\n";

        Assert.Equal(["t.yaml:6:11: a value is longer than the limit of 1,048,576 characters"], TimedErrors(yaml));
    }

    [Fact]
    public void A_long_multi_line_scalar_stops_at_the_length_limit()
    {
        var yaml = new StringBuilder(ServiceEntryHead).Append("  hosts:\n  - |\n");
        for (var i = 0; i < 100_000; i++)
        {
            yaml.Append("    ").Append('x', 63).Append('\n');
        }

        Assert.Equal(["t.yaml:7:5: a value is longer than the limit of 1,048,576 characters"], TimedErrors(yaml.ToString()));
    }

    [Fact]
    public void A_value_of_exactly_the_length_limit_is_read()
    {
        var value = new string('x', YamlDocumentParser.MaxScalarLength);

        var result = Read(ServiceEntryHead + "  hosts: [a]\n  subjectAltNames: [" + value + "]\n");

        Assert.True(result.Succeeded);
        Assert.Equal(value, Assert.IsType<Mesh.Dsl.Model.Networking.ServiceEntry>(Assert.Single(result.Resources)).Spec.SubjectAltNames[0]);
    }

    [Fact]
    public void Minified_JSON_longer_than_the_value_limit_is_read()
    {
        var items = Enumerable.Range(0, 20_000).Select(i => "{\"apiVersion\":\"networking.istio.io/v1\",\"kind\":\"ServiceEntry\",\"metadata\":{\"name\":\"e" + i + "\"},\"spec\":{\"hosts\":[\"h" + i + ".example.com\"]}}");
        var json = "{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[" + string.Join(",", items) + "]}";
        Assert.True(json.Length > YamlDocumentParser.MaxScalarLength);

        var result = Read(json);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(20_000, result.Resources.Count);
    }

    [Theory]
    [InlineData("  {hosts: a}: x\n", "t.yaml:6:3: a key must be a plain value such as a name, not a mapping")]
    [InlineData("  ? [hosts]\n  : x\n", "t.yaml:6:5: a key must be a plain value such as a name, not a list")]
    [InlineData("  hosts: &k {a: b}\n  ? *k\n  : x\n", "t.yaml:6:10: a key must be a plain value such as a name, not a mapping")]
    public void A_key_that_is_a_mapping_or_a_list_is_an_error(string spec, string expected)
        => Assert.Equal([expected], TimedErrors(ServiceEntryHead + spec));

    [Fact]
    public void Thousands_of_errors_are_cut_at_one_hundred_with_a_count()
    {
        var yaml = new StringBuilder(ServiceEntryHead).Append("  hosts:\n");
        for (var i = 0; i < 5_000; i++)
        {
            yaml.Append("  - [x]\n");
        }

        var errors = TimedErrors(yaml.ToString());

        Assert.Equal(ReadContext.MaxErrors + 1, errors.Count);
        Assert.Equal("t.yaml:7:5: spec.hosts[0]: expected a string, got a list", errors[0]);
        Assert.Equal("t.yaml:106:5: spec.hosts[99]: expected a string, got a list", errors[99]);
        Assert.Equal("t.yaml:106:5: 4,900 more errors not shown (only the first 100 are)", errors[100]);
    }

    [Fact]
    public void Random_mutations_of_the_scenario_files_never_throw()
    {
        // YamlDotNet throws InvalidOperationException and ArgumentException on some malformed input
        // (found this way); every failure must come back as errors with 1-based positions.
        var random = new Random(20261123);
        var texts = TestPaths.ScenarioFiles.Select(File.ReadAllText).ToArray();
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < 2_000; i++)
        {
            var result = MeshYaml.TryRead(new StringReader(YamlMutations.Mutate(random, texts, maxEdits: 5)), "m.yaml");

            Assert.All(result.Errors, e => Assert.True(e.Line >= 1 && e.Column >= 1, e.ToString()));
        }

        Assert.True(stopwatch.Elapsed < Bound * 3, $"took {stopwatch.Elapsed}");
    }

    private static List<string> TimedErrors(string yaml)
    {
        var stopwatch = Stopwatch.StartNew();
        var errors = Of(yaml);
        Assert.True(stopwatch.Elapsed < Bound, $"reading took {stopwatch.Elapsed}");
        return errors;
    }
}
