using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>The cookie a consistent hash uses as its key (Istio message <c>ConsistentHashLB.HTTPCookie</c>).</summary>
public sealed class HttpCookie
{
    // Field order confirmed against destination_rule.proto in sschepens/api@478fc083 (a fork of istio/api ahead of the CRD).
    internal static readonly MessageSchema<HttpCookie> Schema = new MessageSchema<HttpCookie>("HTTPCookie", () => new())
        .Field("name", x => x.Name, (x, v) => x.Name = v, Codecs.String)
        .Field("path", x => x.Path, (x, v) => x.Path = v, Codecs.String)
        .Field("ttl", x => x.Ttl, (x, v) => x.Ttl = v, Codecs.Duration)
        .Field("attributes", x => x._attributes!, (x, v) => x.Attributes = v, Codecs.MessageList(() => HttpCookieAttribute.Schema));

    /// <summary>The cookie's name.</summary>
    public string? Name { get; set; }

    /// <summary>The path set on a generated cookie.</summary>
    public string? Path { get; set; }

    /// <summary>The lifetime of a generated cookie; a cookie is generated only with a TTL, and <c>0s</c> makes it a session cookie.</summary>
    public TimeSpan? Ttl { get; set; }

    private List<HttpCookieAttribute>? _attributes;

    /// <summary>Extra attributes of a generated cookie (<c>SameSite</c>, <c>Secure</c>, ...).</summary>
    public List<HttpCookieAttribute> Attributes { get => _attributes ??= new(); set => _attributes = value; }
}
