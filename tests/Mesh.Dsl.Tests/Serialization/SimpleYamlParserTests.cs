using System.Text;
using Mesh.Dsl.Samples.Scale;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Tests.Serialization;

/// <summary>
/// The fast path gives exactly the tree YamlDotNet gives (values, styles, positions, duplicate keys)
/// for every text it accepts, and accepts the YAML the writer and kubectl produce.
/// </summary>
public class SimpleYamlParserTests
{
    [Fact]
    public void The_writers_output_for_the_scale_sample_takes_the_fast_path_and_parses_the_same()
        => AssertSameAsYamlDotNet(MeshYaml.Serialize(ScaleSample.Build(200).Resources), mustAccept: true);

    [Fact]
    public void Every_scenario_file_written_back_takes_the_fast_path_and_parses_the_same()
    {
        foreach (var path in ScenarioFiles())
        {
            var result = MeshYaml.TryRead(new StringReader(File.ReadAllText(path)));
            if (result.Succeeded)
            {
                AssertSameAsYamlDotNet(MeshYaml.Serialize(result.Resources), mustAccept: true);
            }
        }
    }

    [Theory]
    [InlineData("# c\na: 1\nb:\nc:\n- x\n-\n- k: v\n  j:\nd: {e: , f: [g, \"h\"]}\n---\n---\n...\n--- # x\ns: t\n")]
    [InlineData("a:   v1   \nd:\n  - x  # hi\ne: \"q\" \n\"f g\": 'it''s'\n---\n")]
    [InlineData("---\n# only\n")]
    [InlineData("# only\n")]
    [InlineData("")]
    [InlineData("a: 1\na: 2\nb: {x: 1, x: 2}\n")]
    [InlineData("a : b\nc:d: e\nurl: http://x/y?z=1#frag\nn: -1\nm: -.inf\nk: ~\nq: \"\\u00e9\\n\\\"\\\\\"\n")]
    [InlineData("- - a\n")]
    [InlineData("a:\n  b\n")]
    [InlineData("a: b\n  c\n")]
    [InlineData("- a: 1\n  b:\n  - x\n  - y\n- c: 2\n")]
    [InlineData("  a: 1\n  b: 2\n")]
    [InlineData("a: [x, y,]\nb: {a:b}\n")]
    [InlineData("a: 1\n...\nb: 2\n")]
    public void Snippets_parse_the_same_as_YamlDotNet_or_are_declined(string yaml)
        => AssertSameAsYamlDotNet(yaml, mustAccept: false);

    [Fact]
    public void Random_mutations_parse_the_same_as_YamlDotNet_or_are_declined()
    {
        var random = new Random(20261124);
        var texts = ScenarioFiles().Select(File.ReadAllText).Append(MeshYaml.Serialize(ScaleSample.Build(3).Resources)).ToArray();
        var accepted = 0;
        for (var i = 0; i < 3_000; i++)
        {
            accepted += AssertSameAsYamlDotNet(YamlMutations.Mutate(random, texts, maxEdits: 3), mustAccept: false) ? 1 : 0;
        }

        Assert.True(accepted > 300, $"only {accepted} mutations took the fast path; the comparison says little");
    }

    private static IEnumerable<string> ScenarioFiles()
        => TestPaths.ScenarioFiles;

    /// <summary>Returns whether the fast path accepted the text; when it did, its tree must be YamlDotNet's.</summary>
    private static bool AssertSameAsYamlDotNet(string yaml, bool mustAccept)
    {
        var fast = SimpleYamlParser.TryParse(yaml);
        if (fast is null)
        {
            Assert.False(mustAccept, "the fast path declined");
            return false;
        }

        var reference = YamlDocumentParser.Parse(new StringReader(yaml));
        Assert.True(reference.Error is null, $"the fast path accepted what YamlDotNet rejects ({reference.Error} at {reference.ErrorPosition}):\n{Visible(yaml)}");
        Assert.Equal(Describe(reference.Documents), Describe(fast));
        AssertStreamedAndParsedAgainTheSame(yaml, fast);
        return true;
    }

    /// <summary>
    /// A read takes the documents one at a time from reused memory, and a resource's source parses its
    /// document again alone: both must be the tree the fast path gives for the whole text.
    /// </summary>
    private static void AssertStreamedAndParsedAgainTheSame(string yaml, List<YamlDocumentParser.Document> expected)
    {
        var streamed = new List<string>();
        var parsedAgain = new List<string>();
        var starts = new List<(SimpleYamlParser.DocumentStart Start, SourcePosition Position)>();
        Assert.True(SimpleYamlParser.TryParse(yaml, (document, start) =>
        {
            streamed.Add(Describe([document]));
            var again = SimpleYamlParser.ParseAgain(yaml, start).Root;
            parsedAgain.Add(Describe([new YamlDocumentParser.Document(again, document.Position)]));
            starts.Add((start, document.Position));
        }));
        var each = expected.Select(d => Describe([d])).ToList();
        Assert.Equal(each, streamed);
        Assert.Equal(each, parsedAgain);

        // Parsed again in one parser's reused memory, last document first, each must still be its own tree.
        var parser = SimpleYamlParser.ForParsingAgain(yaml);
        var reused = starts.AsEnumerable().Reverse()
            .Select(s => Describe([new YamlDocumentParser.Document(parser.ParseAgainReused(s.Start).Root, s.Position)]))
            .Reverse();
        Assert.Equal(each, reused);
    }

    private static string Visible(string text)
        => string.Concat(text.Select(c => c is '\n' or (>= ' ' and <= '~') ? c.ToString() : $"\\u{(int)c:x4}"));

    private static string Describe(List<YamlDocumentParser.Document> documents)
    {
        var builder = new StringBuilder();
        foreach (var document in documents)
        {
            builder.Append("--- @").Append(document.Position).Append('\n');
            Describe(document.Root, builder, 0);
        }

        return builder.ToString();
    }

    /// <summary>Everything a reader can see of a node: kind, position, style, tag, text, entries, duplicate keys, counts.</summary>
    private static void Describe(YamlNode? node, StringBuilder builder, int depth)
    {
        builder.Append(' ', depth * 2);
        if (node is not { } n)
        {
            builder.Append("(none)\n");
        }
        else if (n.IsScalar)
        {
            builder.Append(n.IsPlain ? "plain " : "quoted ").Append(n.Tag).Append(" \"").Append(n.Value).Append("\" @").Append(n.Position)
                .Append(n.IsNull ? " null" : string.Empty).Append('\n');
        }
        else if (n.IsMapping)
        {
            builder.Append("mapping @").Append(n.Position).Append(" count ").Append(n.Count).Append('\n');
            foreach (var (key, value) in n.Entries)
            {
                builder.Append(' ', depth * 2 + 2).Append("key \"").Append(key.Value).Append("\" @").Append(key.Position).Append('\n');
                Describe(value, builder, depth + 2);
            }

            Assert.Equal(n.HasDuplicateKeys, n.DuplicateKeys().Count > 0);
            foreach (var (duplicate, first) in n.DuplicateKeys())
            {
                builder.Append(' ', depth * 2 + 2).Append("duplicate ").Append(duplicate.Value).Append(" @").Append(duplicate.Position).Append(" first @").Append(first.Position).Append('\n');
            }
        }
        else
        {
            Assert.True(n.IsSequence);
            builder.Append("sequence @").Append(n.Position).Append(" count ").Append(n.Count).Append('\n');
            foreach (var item in n.Items)
            {
                Describe(item, builder, depth + 1);
            }
        }
    }
}
