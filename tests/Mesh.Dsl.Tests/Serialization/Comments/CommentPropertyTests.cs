using System.Text.RegularExpressions;
using Mesh.Dsl.Model;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Tests.Serialization.Comments;

/// <summary>
/// Comments inserted at random lines of every scenario file and a document of every kind, on lines of their own at random
/// indentation and at the ends of lines: formatting keeps each exactly once, changes no value, and
/// formatting the output again changes nothing.
/// </summary>
public class CommentPropertyTests
{
    private const int Rounds = 40;

    /// <summary>The scenario files and a document of every kind (Fixtures/Kinds: EnvoyFilter's free-form values too).</summary>
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var row in RoundTripTests.ScenarioFiles())
        {
            data.Add("Scenarios/" + row);
        }

        foreach (var path in Directory.GetFiles(Fixture("Kinds"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add("Kinds/" + Path.GetFileName(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_comment_inserted_anywhere_is_kept_exactly_once_and_no_value_changes(string file)
        => InsertAndFormat(File.ReadAllText(Fixture(file)), file);

    /// <summary>
    /// The same for the file's resources as one kubectl <c>List</c> (what <c>kubectl get -o yaml</c> prints for several
    /// objects): the items become documents of their own, with every comment, the List's own included.
    /// </summary>
    [Theory]
    [MemberData(nameof(Files))]
    public void Every_comment_inserted_anywhere_in_a_kubectl_List_is_kept_exactly_once_and_no_value_changes(string file)
        => InsertAndFormat(KubectlList(MeshYaml.Read(File.ReadAllText(Fixture(file)), file)), file);

    /// <summary>The resources as kubectl prints a List: <c>apiVersion</c>, <c>items</c> at the left margin, <c>kind</c>, <c>metadata</c>.</summary>
    internal static string KubectlList(IEnumerable<IstioResource> resources)
    {
        var text = new System.Text.StringBuilder("apiVersion: v1\nitems:\n");
        foreach (var resource in resources)
        {
            var lines = MeshYaml.Serialize(resource).TrimEnd('\n').Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                text.Append(i == 0 ? "- " : "  ").Append(lines[i]).Append('\n');
            }
        }

        return text.Append("kind: List\nmetadata:\n  resourceVersion: \"\"\n").ToString();
    }

    private static void InsertAndFormat(string original, string file)
    {
        var expected = MeshYaml.Read(original, file);
        var random = new Random(file.Length * 7919 + original.Length);
        for (var round = 0; round < Rounds; round++)
        {
            var (commented, comments) = InsertComments(original, random, round);

            string formatted;
            try
            {
                formatted = DocumentFormatterTests.Format(commented, file);
            }
            catch (MeshReadException e)
            {
                throw new InvalidOperationException($"{e.Message}\nInput:\n{commented}", e);
            }

            foreach (var comment in comments)
            {
                Assert.True(Occurrences(formatted, comment) == 1, $"\"{comment}\" is not in the output exactly once.\nInput:\n{commented}\nOutput:\n{formatted}");
            }

            Assert.Equal(expected, MeshYaml.Read(formatted, file), ResourceComparer.Instance);
            Assert.True(formatted == DocumentFormatterTests.Format(formatted, file), $"Formatting again changed the output.\nInput:\n{commented}\nOutput:\n{formatted}");
        }
    }

    /// <summary>The text with comments added at random lines, and every comment it then has (the file's own too).</summary>
    private static (string Text, List<string> Comments) InsertComments(string text, Random random, int round)
    {
        var lines = text.Split('\n').ToList();
        var comments = lines.Where(l => l.TrimStart().StartsWith('#')).Select(l => l.Trim()).ToList();
        var count = 1 + random.Next(Math.Max(1, lines.Count / 3));
        for (var i = 0; i < count; i++)
        {
            // Punctuation YAML would otherwise read: a comment is all text to the end of its line.
            var comment = $"# c{round}.{i} {(random.Next(3) switch { 0 => "why: \"quoted\" [x] {y}", 1 => "#nested, - dash", _ => "plain words" })}";
            var at = random.Next(lines.Count);
            var blockLines = BlockScalarLines(lines);
            if (blockLines.Contains(at) || blockLines.Contains(at - 1))
            {
                // A '#' inside a block scalar is text, a line less indented would end it, and a line right after its
                // last, indented as deep as its text, would be more of its text.
                continue;
            }

            var line = lines[at];
            if (random.Next(2) == 0 && line.Trim().Length > 0 && !line.Contains('#'))
            {
                lines[at] = line + new string(' ', 1 + random.Next(3)) + comment;
            }
            else
            {
                lines.Insert(at, new string(' ', random.Next(9)) + comment);
            }

            comments.Add(comment);
        }

        return (string.Join('\n', lines), comments);
    }

    /// <summary>The lines that are the text of a block scalar (<c>key: |</c> and the lines indented below it).</summary>
    private static HashSet<int> BlockScalarLines(List<string> lines)
    {
        var inside = new HashSet<int>();
        for (var i = 0; i < lines.Count; i++)
        {
            var header = lines[i].TrimEnd();
            if (!Regex.IsMatch(header, @"(^|:|-)\s*[|>][-+0-9]*(\s+#.*)?$"))
            {
                continue;
            }

            var indent = header.Length - header.TrimStart().Length;
            for (var j = i + 1; j < lines.Count && (lines[j].Trim().Length == 0 || lines[j].Length - lines[j].TrimStart().Length > indent); j++)
            {
                inside.Add(j);
            }
        }

        return inside;
    }

    /// <summary>A file below tests/Mesh.Dsl.Tests/Fixtures.</summary>
    internal static string Fixture(string relativePath) => Path.GetFullPath(Path.Combine(TestPaths.Scenarios, "..", relativePath));

    internal static int Occurrences(string text, string comment)
        => Regex.Matches(text, Regex.Escape(comment) + "(\n|$)").Count;
}
