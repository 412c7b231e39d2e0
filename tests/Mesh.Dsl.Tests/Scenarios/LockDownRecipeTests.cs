using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Scenarios;

namespace Mesh.Dsl.Tests.Scenarios;

public class LockDownRecipeTests
{
    [Fact]
    public void LockDown_adds_a_registry_only_sidecar_named_default_in_the_namespace()
    {
        var sidecar = new IstioMesh().Egress().LockDown("shop").Sidecar;

        Assert.Equal(("default", "shop"), (sidecar.Metadata.Name, sidecar.Metadata.NamespaceProperty));
        Assert.Equal(OutboundTrafficPolicyMode.RegistryOnly, sidecar.Spec.OutboundTrafficPolicy!.Mode);
        Assert.Empty(sidecar.Spec.Egress);
    }

    [Fact]
    public void Options_change_the_name_visible_hosts_and_api_version()
    {
        var sidecar = new IstioMesh().Egress().LockDown("shop", o =>
        {
            o.SidecarName = "registry-only";
            o.EgressHosts = ["./*", "istio-system/*"];
            o.ApiVersion = ApiVersions.NetworkingV1Alpha3;
        }).Sidecar;

        Assert.Equal("registry-only", sidecar.Metadata.Name);
        Assert.Equal(["./*", "istio-system/*"], Assert.Single(sidecar.Spec.Egress).Hosts);
        Assert.Equal(ApiVersions.NetworkingV1Alpha3, sidecar.ApiVersion);
    }

    [Fact]
    public void A_bad_namespace_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new IstioMesh().Egress().LockDown("Shop"));
    }
}
