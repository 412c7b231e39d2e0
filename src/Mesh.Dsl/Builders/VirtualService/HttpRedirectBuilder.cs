using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds a redirect (<see cref="HttpRedirect"/>).</summary>
public sealed partial class HttpRedirectBuilder : MessageBuilder<HttpRedirectBuilder, HttpRedirect>
{
    /// <summary>Creates a builder over a redirect.</summary>
    /// <param name="target">The redirect to fill in.</param>
    public HttpRedirectBuilder(HttpRedirect target)
        : base(target)
    {
    }

    /// <summary>Replaces the whole path of the URL.</summary>
    /// <param name="uri">The new path.</param>
    /// <returns>This builder.</returns>
    public HttpRedirectBuilder Uri(string uri)
    {
        Target.Uri = Guard.NotEmpty(uri, nameof(uri));
        return this;
    }

    /// <summary>Replaces the matched URI prefix and keeps the rest of the path.</summary>
    /// <param name="prefix">The new prefix.</param>
    /// <returns>This builder.</returns>
    public HttpRedirectBuilder PrefixRewrite(string prefix)
    {
        Target.PrefixRewrite = prefix ?? throw new ArgumentNullException(nameof(prefix));
        return this;
    }

    /// <summary>Replaces the authority (host) of the URL.</summary>
    /// <param name="authority">The new authority.</param>
    /// <returns>This builder.</returns>
    public HttpRedirectBuilder Authority(string authority)
    {
        Target.Authority = Guard.NotEmpty(authority, nameof(authority));
        return this;
    }

    /// <summary>Replaces the port of the URL (clears <see cref="DerivePort"/>).</summary>
    /// <param name="number">The port, 1 to 65535.</param>
    /// <returns>This builder.</returns>
    public HttpRedirectBuilder Port(int number)
    {
        Target.Port = Guard.Port(number);
        return this;
    }

    /// <summary>Derives the port from the scheme or the request (clears <see cref="Port"/>).</summary>
    /// <param name="selection">How to choose the port.</param>
    /// <returns>This builder.</returns>
    public HttpRedirectBuilder DerivePort(RedirectPortSelection selection)
    {
        Target.DerivePort = selection;
        return this;
    }

    /// <summary>Replaces the scheme of the URL.</summary>
    /// <param name="scheme"><c>http</c> or <c>https</c>.</param>
    /// <returns>This builder.</returns>
    public HttpRedirectBuilder Scheme(string scheme)
    {
        Target.Scheme = scheme is "http" or "https"
            ? scheme
            : throw new ArgumentException($"\"{scheme}\" is not a redirect scheme: use \"http\" or \"https\".", nameof(scheme));
        return this;
    }

    /// <summary>Sets the redirect status code (the default is 301).</summary>
    /// <param name="code">300 to 399.</param>
    /// <returns>This builder.</returns>
    public HttpRedirectBuilder RedirectCode(int code)
    {
        Target.RedirectCode = VirtualServiceGuard.RedirectCode(code);
        return this;
    }
}
