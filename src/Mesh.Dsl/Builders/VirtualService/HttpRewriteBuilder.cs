using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds a rewrite (<see cref="HttpRewrite"/>).</summary>
public sealed partial class HttpRewriteBuilder : MessageBuilder<HttpRewriteBuilder, HttpRewrite>
{
    /// <summary>Creates a builder over a rewrite.</summary>
    /// <param name="target">The rewrite to fill in.</param>
    public HttpRewriteBuilder(HttpRewrite target)
        : base(target)
    {
    }

    /// <summary>Replaces the path, or the matched prefix when the request matched a <c>uri</c> prefix.</summary>
    /// <param name="uri">The new path or prefix.</param>
    /// <returns>This builder.</returns>
    public HttpRewriteBuilder Uri(string uri)
    {
        Target.Uri = Guard.NotEmpty(uri, nameof(uri));
        return this;
    }

    /// <summary>Replaces the authority (Host header).</summary>
    /// <param name="authority">The new authority.</param>
    /// <returns>This builder.</returns>
    public HttpRewriteBuilder Authority(string authority)
    {
        Target.Authority = Guard.NotEmpty(authority, nameof(authority));
        return this;
    }

    /// <summary>Rewrites the path with an RE2 regular expression and a substitution.</summary>
    /// <param name="match">The expression, e.g. <c>^/service/([^/]+)(/.*)$</c>.</param>
    /// <param name="rewrite">The substitution, e.g. <c>\2/instance/\1</c>.</param>
    /// <returns>This builder.</returns>
    public HttpRewriteBuilder UriRegexRewrite(string match, string rewrite)
    {
        Target.UriRegexRewrite = new RegexRewrite
        {
            Match = Guard.NotEmpty(match, nameof(match)),
            Rewrite = rewrite ?? throw new ArgumentNullException(nameof(rewrite)),
        };
        return this;
    }
}
