using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds the <see cref="HttpCookie"/> a consistent hash uses.</summary>
public sealed partial class HttpCookieBuilder : MessageBuilder<HttpCookieBuilder, HttpCookie>
{
    /// <summary>Creates a builder over a hash cookie.</summary>
    /// <param name="target">The cookie to fill in.</param>
    public HttpCookieBuilder(HttpCookie target)
        : base(target)
    {
    }

    /// <summary>Sets the cookie's name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>This builder.</returns>
    public HttpCookieBuilder Name(string name)
    {
        Target.Name = Guard.NotEmpty(name, nameof(name));
        return this;
    }

    /// <summary>Sets the path of a generated cookie.</summary>
    /// <param name="path">The path (<c>/</c>).</param>
    /// <returns>This builder.</returns>
    public HttpCookieBuilder Path(string path)
    {
        Target.Path = Guard.NotEmpty(path, nameof(path));
        return this;
    }

    /// <summary>Sets the lifetime of a generated cookie; the proxy generates the cookie only when a TTL is set.</summary>
    /// <param name="ttl">The lifetime; <see cref="TimeSpan.Zero"/> makes a session cookie.</param>
    /// <returns>This builder.</returns>
    public HttpCookieBuilder Ttl(TimeSpan ttl)
    {
        Target.Ttl = ttl == TimeSpan.Zero ? ttl : Guard.PositiveDuration(ttl, nameof(ttl));
        return this;
    }

    /// <summary>Adds an attribute to a generated cookie (<c>SameSite=Strict</c>, <c>Secure</c>).</summary>
    /// <param name="name">The attribute name, unique in the cookie.</param>
    /// <param name="value">The attribute value, or null for a flag such as <c>Secure</c>.</param>
    /// <returns>This builder.</returns>
    public HttpCookieBuilder Attribute(string name, string? value = null)
    {
        Guard.NotEmpty(name, nameof(name));
        if (Target.Attributes.Exists(a => a.Name == name))
        {
            throw new ArgumentException($"The cookie already has the attribute \"{name}\"; attribute names must be unique.", nameof(name));
        }

        Target.Attributes.Add(new HttpCookieAttribute { Name = name, Value = value });
        return this;
    }
}
