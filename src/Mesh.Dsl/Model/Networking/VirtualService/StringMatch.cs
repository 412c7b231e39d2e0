using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>
/// How to match a string, case-sensitively: exactly, by prefix or by RE2 regular expression (Istio message
/// <c>StringMatch</c>). The three are one choice: setting one clears the others.
/// </summary>
public sealed class StringMatch
{
    internal static readonly MessageSchema<StringMatch> Schema = new MessageSchema<StringMatch>("StringMatch", () => new())
        .Field("exact", x => x.Exact, (x, v) => x.Exact = v, Codecs.String, oneOf: "matchType")
        .Field("prefix", x => x.Prefix, (x, v) => x.Prefix = v, Codecs.String, oneOf: "matchType")
        .Field("regex", x => x.Regex, (x, v) => x.Regex = v, Codecs.String, oneOf: "matchType");

    private string? _exact;
    private string? _prefix;
    private string? _regex;

    /// <summary>The exact value; setting it clears <see cref="Prefix"/> and <see cref="Regex"/>.</summary>
    public string? Exact
    {
        get => _exact;
        set
        {
            _exact = value;
            if (value is not null)
            {
                _prefix = null;
                _regex = null;
            }
        }
    }

    /// <summary>The prefix the value starts with; setting it clears <see cref="Exact"/> and <see cref="Regex"/>.</summary>
    public string? Prefix
    {
        get => _prefix;
        set
        {
            _prefix = value;
            if (value is not null)
            {
                _exact = null;
                _regex = null;
            }
        }
    }

    /// <summary>An RE2 regular expression the whole value matches; setting it clears <see cref="Exact"/> and <see cref="Prefix"/>.</summary>
    public string? Regex
    {
        get => _regex;
        set
        {
            _regex = value;
            if (value is not null)
            {
                _exact = null;
                _prefix = null;
            }
        }
    }

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
