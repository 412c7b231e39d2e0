using System.Text.RegularExpressions;
using Mesh.Dsl.Model;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Tests.Serialization.Comments;

/// <summary>
/// Comments inserted at random lines of every scenario file, on lines of their own at random
/// indentation and at the ends of lines: formatting keeps each exactly once, changes no value, and
/// formatting the output again changes nothing.
/// </summary>
public class CommentPropertyTests
{
    private const int Rounds = 40;

    [Theory]
    [MemberData(nameof(RoundTripTests.ScenarioFiles), MemberType = typeof(RoundTripTests))]
    public void Every_comment_inserted_anywhere_is_kept_exactly_once_and_no_value_changes(string file)
    {
        var original = File.ReadAllText(Path.Combine(TestPaths.Scenarios, file));
        var expected = MeshYaml.Read(original, file);
        var random = new Random(file.Length * 7919 + original.Length);
        for (var round = 0; round < Rounds; round++)
        {
            var (commented, comments) = InsertComments(original, random, round);

            var formatted = DocumentFormatterTests.Format(commented, file);

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

    private static int Occurrences(string text, string comment)
        => Regex.Matches(text, Regex.Escape(comment) + "(\n|$)").Count;
}
