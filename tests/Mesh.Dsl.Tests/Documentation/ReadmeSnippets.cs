using System.Text.RegularExpressions;

namespace Mesh.Dsl.Tests.Documentation;

/// <summary>
/// The C# code blocks of README.md, read from the file itself (the tests keep no copy of them). A block is
/// fenced with <c>```csharp</c>; an HTML comment <c>&lt;!-- readme-test: fragment: REASON --&gt;</c> on the line
/// right before the fence marks a block that is not a whole program, and says why.
/// </summary>
internal static partial class ReadmeSnippets
{
    /// <summary>README.md with \n line ends.</summary>
    public static string Readme { get; } = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>Every csharp block, in README order.</summary>
    public static IReadOnlyList<Snippet> All { get; } = Find(Readme);

    public static IReadOnlyList<Snippet> Find(string markdown)
    {
        var snippets = new List<Snippet>();
        foreach (Match match in CSharpBlock().Matches(markdown))
        {
            // The fence's line: the code starts on the line after it.
            var line = markdown.AsSpan(0, match.Groups["code"].Index).Count('\n');
            var marker = match.Groups["marker"];
            snippets.Add(new Snippet(line, match.Groups["code"].Value, marker.Success ? match.Groups["reason"].Value.Trim() : null));
        }

        return snippets;
    }

    // The optional marker comment on the line before the fence, then the fenced block up to the closing fence.
    [GeneratedRegex(@"(?:(?<marker><!--\s*readme-test:\s*fragment:(?<reason>[^\n]*?)-->)\n)?^```csharp\n(?<code>.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    /// <summary>One block.</summary>
    /// <param name="Line">The line of its opening fence in README.md.</param>
    /// <param name="Code">Its code.</param>
    /// <param name="FragmentReason">Why it is not a whole program, or null when it is one.</param>
    public sealed record Snippet(int Line, string Code, string? FragmentReason)
    {
        public override string ToString() => $"README.md line {Line}";
    }
}
