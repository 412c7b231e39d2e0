using Mesh.Dsl.Builders;
using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Security;

namespace Mesh.Dsl.Tests.Builders;

public class PeerAuthenticationBuilderTests
{
    [Fact]
    public void PortMtls_keys_the_setting_by_port_and_replaces_an_earlier_one()
    {
        var policy = new PeerAuthenticationBuilder("p")
            .Selector("app", "httpbin")
            .PortMtls(9080, MutualTlsMode.Permissive)
            .PortMtls(9080, MutualTlsMode.Disable)
            .Build();

        var (port, mtls) = Assert.Single(policy.Spec.PortLevelMtls);
        Assert.Equal((9080u, MutualTlsMode.Disable), (port, mtls.Mode!.Value));
        Assert.Equal("httpbin", policy.Spec.Selector!.MatchLabels["app"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    public void PortMtls_rejects_a_port_out_of_range(int port)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PeerAuthenticationBuilder("p").PortMtls(port, MutualTlsMode.Disable));
        Assert.Equal("port", error.ParamName);
    }

    [Fact]
    public void Builder_rejects_bad_names_empty_selector_keys_and_null_callbacks()
    {
        Assert.Throws<ArgumentException>(() => new PeerAuthenticationBuilder("Default"));
        Assert.Throws<ArgumentException>(() => new PeerAuthenticationBuilder("p").Selector("", "httpbin"));
        Assert.Throws<ArgumentNullException>(() => new PeerAuthenticationBuilder("p").Selector("app", null!));
        Assert.Throws<ArgumentNullException>(() => new IstioMesh().AddPeerAuthentication("p", null!));
    }
}
