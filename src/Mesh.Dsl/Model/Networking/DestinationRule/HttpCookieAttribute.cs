using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>An attribute of a generated hash cookie, such as <c>SameSite=Strict</c> (Istio message <c>HTTPCookie.Attribute</c>).</summary>
public sealed class HttpCookieAttribute
{
    internal static readonly MessageSchema<HttpCookieAttribute> Schema = new MessageSchema<HttpCookieAttribute>("Attribute", () => new())
        .Field("name", x => x.Name, (x, v) => x.Name = v, Codecs.String)
        .Field("value", x => x.Value, (x, v) => x.Value = v, Codecs.String);

    /// <summary>The attribute's name (<c>SameSite</c>, <c>Secure</c>, <c>HttpOnly</c>).</summary>
    public string? Name { get; set; }

    /// <summary>The attribute's value, if it has one (<c>Strict</c>).</summary>
    public string? Value { get; set; }
}
