namespace Mesh.Dsl.Model.Networking;

/// <content>Shorthands that make a match of each kind.</content>
public sealed partial class StringMatch
{
    /// <summary>Matches exactly <paramref name="value"/> (<c>exact</c>).</summary>
    /// <param name="value">The value.</param>
    /// <returns>A new match.</returns>
    public static StringMatch Exactly(string value) => new() { Exact = value ?? throw new ArgumentNullException(nameof(value)) };

    /// <summary>Matches values that start with <paramref name="prefix"/> (<c>prefix</c>).</summary>
    /// <param name="prefix">The prefix.</param>
    /// <returns>A new match.</returns>
    public static StringMatch StartingWith(string prefix) => new() { Prefix = prefix ?? throw new ArgumentNullException(nameof(prefix)) };

    /// <summary>Matches values that an RE2 regular expression matches in full (<c>regex</c>).</summary>
    /// <param name="regex">The RE2 expression (no look-around, no back-references).</param>
    /// <returns>A new match.</returns>
    public static StringMatch MatchingRegex(string regex) => new() { Regex = regex ?? throw new ArgumentNullException(nameof(regex)) };
}
