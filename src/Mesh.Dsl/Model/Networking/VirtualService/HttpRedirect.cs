using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>
/// An HTTP redirect sent back instead of forwarding the request (Istio message <c>HTTPRedirect</c>). The
/// port is one choice: setting <see cref="Port"/> clears <see cref="DerivePort"/> and the other way round.
/// </summary>
public sealed class HttpRedirect
{
    internal static readonly MessageSchema<HttpRedirect> Schema = new MessageSchema<HttpRedirect>("HTTPRedirect", () => new())
        .Field("uri", x => x.Uri, (x, v) => x.Uri = v, Codecs.String)
        .Field("authority", x => x.Authority, (x, v) => x.Authority = v, Codecs.String)
        .Field("port", x => x.Port, (x, v) => x.Port = v, Codecs.UInt32, oneOf: "redirectPort")
        .Field("derivePort", x => x.DerivePort, (x, v) => x.DerivePort = v, Codecs.Enum<RedirectPortSelection>(), oneOf: "redirectPort")
        .Field("scheme", x => x.Scheme, (x, v) => x.Scheme = v, Codecs.String)
        .Field("redirectCode", x => x.RedirectCode, (x, v) => x.RedirectCode = v, Codecs.UInt32)
        .Field("prefixRewrite", x => x.PrefixRewrite, (x, v) => x.PrefixRewrite = v, Codecs.String);

    private uint? _port;
    private RedirectPortSelection? _derivePort;

    /// <summary>Replaces the whole path of the URL, whether the request matched by exact path or prefix.</summary>
    public string? Uri { get; set; }

    /// <summary>Replaces the authority (host) of the URL.</summary>
    public string? Authority { get; set; }

    /// <summary>Replaces the port of the URL; setting it clears <see cref="DerivePort"/>.</summary>
    public uint? Port
    {
        get => _port;
        set
        {
            _port = value;
            if (value.HasValue)
            {
                _derivePort = null;
            }
        }
    }

    /// <summary>Chooses the port from the scheme or from the request; setting it clears <see cref="Port"/>.</summary>
    public RedirectPortSelection? DerivePort
    {
        get => _derivePort;
        set
        {
            _derivePort = value;
            if (value.HasValue)
            {
                _port = null;
            }
        }
    }

    /// <summary>Replaces the scheme of the URL (<c>http</c> or <c>https</c>); unset keeps the request's.</summary>
    public string? Scheme { get; set; }

    /// <summary>The redirect status code (300 to 399); unset means 301 Moved Permanently.</summary>
    public uint? RedirectCode { get; set; }

    /// <summary>Replaces the matched URI prefix (the rule's <c>uri</c> prefix match) and keeps the rest of the path; not combined with <see cref="Uri"/>.</summary>
    public string? PrefixRewrite { get; set; }
}
