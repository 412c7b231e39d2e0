using Mesh.Dsl.Validation.Rules;

namespace Mesh.Dsl.Tests.Validation.NewKinds;

/// <summary>Go's net/url as Istio's Wasm url checks use it: the scheme found, or null when the URL does not parse.</summary>
public class GoUrlTests
{
    [Theory]
    [InlineData("oci://ghcr.io/org/plugin:1.0", "oci")]
    [InlineData("HTTPS://example.com/a.wasm", "https")]
    [InlineData("file:///opt/filters/a.wasm", "file")]
    [InlineData("ghcr.io/org/plugin:1.0", "http")]
    [InlineData("localhost:5000/plugin", "localhost")]
    [InlineData("mailto:someone", "mailto")]
    [InlineData("/absolute/path.wasm", "")]
    [InlineData("http://[fe80::1%25eth0]:8080/a", "http")]
    [InlineData("http://user:pa%20ss@host/a?q=1#top", "http")]

    // Go's parser rejects the port, and then, read after http://, "http:" is a host with an empty port: Istio accepts it.
    [InlineData("http://host:80a/x", "http")]
    public void Parsable_urls_give_their_scheme(string url, string scheme) => Assert.Equal(scheme, GoUrl.Scheme(url));

    [Theory]
    [InlineData("#%blah$#@")]
    [InlineData("http://a/b%zz")]
    [InlineData("http://a/b#%zz")]
    [InlineData("exa mple.com/x")]
    [InlineData("[::1/a")]
    [InlineData("[not-an-ip]/a")]
    [InlineData("host{1}/x")]
    [InlineData("http://a\u0001b/x")]
    [InlineData("us{er@host/x")]
    public void Unparsable_urls_give_null(string url) => Assert.Null(GoUrl.Scheme(url));
}
