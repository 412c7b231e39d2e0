using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>The Cross-Origin Resource Sharing policy of an HTTP rule (Istio message <c>CorsPolicy</c>).</summary>
public sealed class CorsPolicy
{
    internal static readonly MessageSchema<CorsPolicy> Schema = new MessageSchema<CorsPolicy>("CorsPolicy", () => new())
        .Field("allowOrigin", x => x._allowOrigin!, (x, v) => x.AllowOrigin = v, Codecs.StringList)
        .Field("allowOrigins", x => x._allowOrigins!, (x, v) => x.AllowOrigins = v, Codecs.MessageList(() => StringMatch.Schema))
        .Field("allowMethods", x => x._allowMethods!, (x, v) => x.AllowMethods = v, Codecs.StringList)
        .Field("allowHeaders", x => x._allowHeaders!, (x, v) => x.AllowHeaders = v, Codecs.StringList)
        .Field("exposeHeaders", x => x._exposeHeaders!, (x, v) => x.ExposeHeaders = v, Codecs.StringList)
        .Field("maxAge", x => x.MaxAge, (x, v) => x.MaxAge = v, Codecs.Duration)
        .Field("allowCredentials", x => x.AllowCredentials, (x, v) => x.AllowCredentials = v, Codecs.Bool)
        .Field("unmatchedPreflights", x => x.UnmatchedPreflights, (x, v) => x.UnmatchedPreflights = v, Codecs.Enum<CorsUnmatchedPreflights>());

    private List<string>? _allowOrigin;

    /// <summary>Deprecated: use <see cref="AllowOrigins"/>. Origins allowed, as exact strings (<c>*</c> for all).</summary>
    public List<string> AllowOrigin { get => _allowOrigin ??= new(); set => _allowOrigin = value; }

    private List<StringMatch>? _allowOrigins;

    /// <summary>Patterns of allowed origins; an origin is allowed when any of them matches, and is echoed in <c>Access-Control-Allow-Origin</c>.</summary>
    public List<StringMatch> AllowOrigins { get => _allowOrigins ??= new(); set => _allowOrigins = value; }

    private List<string>? _allowMethods;

    /// <summary>The methods allowed (<c>Access-Control-Allow-Methods</c>).</summary>
    public List<string> AllowMethods { get => _allowMethods ??= new(); set => _allowMethods = value; }

    private List<string>? _allowHeaders;

    /// <summary>The request headers allowed (<c>Access-Control-Allow-Headers</c>).</summary>
    public List<string> AllowHeaders { get => _allowHeaders ??= new(); set => _allowHeaders = value; }

    private List<string>? _exposeHeaders;

    /// <summary>The response headers browsers may read (<c>Access-Control-Expose-Headers</c>).</summary>
    public List<string> ExposeHeaders { get => _exposeHeaders ??= new(); set => _exposeHeaders = value; }

    /// <summary>How long browsers may cache a preflight result, in whole seconds (<c>Access-Control-Max-Age</c>).</summary>
    public TimeSpan? MaxAge { get; set; }

    /// <summary>Whether the actual request may carry credentials (<c>Access-Control-Allow-Credentials</c>).</summary>
    public bool? AllowCredentials { get; set; }

    /// <summary>What to do with preflight requests from origins not allowed.</summary>
    public CorsUnmatchedPreflights? UnmatchedPreflights { get; set; }
}
