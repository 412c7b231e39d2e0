using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>Rewrites parts of a request before it is forwarded (Istio message <c>HTTPRewrite</c>).</summary>
public sealed class HttpRewrite
{
    internal static readonly MessageSchema<HttpRewrite> Schema = new MessageSchema<HttpRewrite>("HTTPRewrite", () => new())
        .Field("uri", x => x.Uri, (x, v) => x.Uri = v, Codecs.String)
        .Field("authority", x => x.Authority, (x, v) => x.Authority = v, Codecs.String)
        .Field("uriRegexRewrite", x => x.UriRegexRewrite, (x, v) => x.UriRegexRewrite = v, Codecs.Message(() => RegexRewrite.Schema));

    /// <summary>Replaces the path, or the matched prefix when the request matched a <c>uri</c> prefix; not combined with <see cref="UriRegexRewrite"/>.</summary>
    public string? Uri { get; set; }

    /// <summary>Replaces the authority (Host header).</summary>
    public string? Authority { get; set; }

    /// <summary>Rewrites the path with a regular expression and substitution; not combined with <see cref="Uri"/>.</summary>
    public RegexRewrite? UriRegexRewrite { get; set; }
}
