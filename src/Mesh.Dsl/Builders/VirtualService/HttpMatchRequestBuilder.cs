using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds the conditions of an HTTP match (<see cref="HttpMatchRequest"/>); all conditions set must hold.</summary>
public sealed partial class HttpMatchRequestBuilder : MatchConditionsBuilder<HttpMatchRequestBuilder, HttpMatchRequest>
{
    /// <summary>Creates a builder over a match.</summary>
    /// <param name="target">The match to fill in.</param>
    public HttpMatchRequestBuilder(HttpMatchRequest target)
        : base(target)
    {
    }

    private protected override uint? MatchPort { get => Target.Port; set => Target.Port = value; }

    private protected override OrderedDictionary<string, string> MatchSourceLabels => Target.SourceLabels;

    private protected override List<string> MatchGateways => Target.Gateways;

    private protected override string? MatchSourceNamespace { get => Target.SourceNamespace; set => Target.SourceNamespace = value; }

    /// <summary>Names the match, for the access log.</summary>
    /// <param name="name">The name.</param>
    /// <returns>This builder.</returns>
    public HttpMatchRequestBuilder Name(string name)
    {
        Target.Name = Guard.NotEmpty(name, nameof(name));
        return this;
    }

    /// <summary>Matches the request path.</summary>
    /// <param name="match">For example <c>StringMatch.StartingWith("/api")</c>.</param>
    /// <returns>This builder.</returns>
    public HttpMatchRequestBuilder Uri(StringMatch match)
    {
        Target.Uri = match ?? throw new ArgumentNullException(nameof(match));
        return this;
    }

    /// <summary>Matches the request path exactly.</summary>
    /// <param name="path">The path.</param>
    /// <returns>This builder.</returns>
    public HttpMatchRequestBuilder UriExact(string path) => Uri(StringMatch.Exactly(path));

    /// <summary>Matches request paths that start with <paramref name="prefix"/>.</summary>
    /// <param name="prefix">The prefix, e.g. <c>/api/</c>.</param>
    /// <returns>This builder.</returns>
    public HttpMatchRequestBuilder UriPrefix(string prefix) => Uri(StringMatch.StartingWith(prefix));

    /// <summary>Matches request paths an RE2 regular expression matches in full.</summary>
    /// <param name="regex">The expression.</param>
    /// <returns>This builder.</returns>
    public HttpMatchRequestBuilder UriRegex(string regex) => Uri(StringMatch.MatchingRegex(regex));

    /// <summary>Makes the <c>exact</c> and <c>prefix</c> path matches ignore case.</summary>
    /// <param name="ignore">Whether to ignore case.</param>
    /// <returns>This builder.</returns>
    public HttpMatchRequestBuilder IgnoreUriCase(bool ignore = true)
    {
        Target.IgnoreUriCase = ignore;
        return this;
    }

    /// <summary>Matches the URI scheme.</summary>
    /// <param name="match">For example <c>StringMatch.Exactly("https")</c>.</param>
    /// <returns>This builder.</returns>
    public HttpMatchRequestBuilder Scheme(StringMatch match)
    {
        Target.Scheme = match ?? throw new ArgumentNullException(nameof(match));
        return this;
    }

    /// <summary>Matches the HTTP method.</summary>
    /// <param name="match">For example <c>StringMatch.Exactly("GET")</c>.</param>
    /// <returns>This builder.</returns>
    public HttpMatchRequestBuilder Method(StringMatch match)
    {
        Target.Method = match ?? throw new ArgumentNullException(nameof(match));
        return this;
    }

    /// <summary>Matches the authority (Host header).</summary>
    /// <param name="match">For example <c>StringMatch.Exactly("api.example.com")</c>.</param>
    /// <returns>This builder.</returns>
    public HttpMatchRequestBuilder Authority(StringMatch match)
    {
        Target.Authority = match ?? throw new ArgumentNullException(nameof(match));
        return this;
    }

    /// <summary>Matches a request header.</summary>
    /// <param name="name">The header name, lowercase with hyphens (<c>end-user</c>).</param>
    /// <param name="match">The match of its value; an empty <see cref="StringMatch"/> checks only that the header is present.</param>
    /// <returns>This builder.</returns>
    public HttpMatchRequestBuilder Header(string name, StringMatch match)
    {
        Target.Headers[Guard.NotEmpty(name, nameof(name))] = match ?? throw new ArgumentNullException(nameof(match));
        return this;
    }

    /// <summary>Matches requests that carry a header, whatever its value.</summary>
    /// <param name="name">The header name, lowercase with hyphens.</param>
    /// <returns>This builder.</returns>
    public HttpMatchRequestBuilder HeaderPresent(string name) => Header(name, new StringMatch());

    /// <summary>Matches a query parameter (<c>exact</c> or <c>regex</c>; <c>exact: ""</c> matches a parameter without value).</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="match">The match of its value.</param>
    /// <returns>This builder.</returns>
    public HttpMatchRequestBuilder QueryParam(string name, StringMatch match)
    {
        Target.QueryParams[Guard.NotEmpty(name, nameof(name))] = match ?? throw new ArgumentNullException(nameof(match));
        return this;
    }

    /// <summary>Excludes requests whose header matches: the opposite of <see cref="Header"/>.</summary>
    /// <param name="name">The header name, lowercase with hyphens.</param>
    /// <param name="match">The match that excludes a request.</param>
    /// <returns>This builder.</returns>
    public HttpMatchRequestBuilder WithoutHeader(string name, StringMatch match)
    {
        Target.WithoutHeaders[Guard.NotEmpty(name, nameof(name))] = match ?? throw new ArgumentNullException(nameof(match));
        return this;
    }

    /// <summary>Sets the prefix of Envoy's per-route statistics for requests this match selects.</summary>
    /// <param name="prefix">The prefix.</param>
    /// <returns>This builder.</returns>
    public HttpMatchRequestBuilder StatPrefix(string prefix)
    {
        Target.StatPrefix = Guard.NotEmpty(prefix, nameof(prefix));
        return this;
    }
}
