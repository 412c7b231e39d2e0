using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Model.Security;
using Mesh.Dsl.Scenarios;

namespace Mesh.Dsl.Tests.Scenarios;

public class SidecarTlsTerminationRecipeTests
{
    [Fact]
    public void Mesh_mtls_is_turned_off_exactly_on_the_port_the_sidecar_terminates_tls_on()
    {
        var result = new IstioMesh().Ingress().TerminateTlsAtSidecar("httpbin", o => o.ExternalPort = 8443);

        Assert.Equal(MutualTlsMode.Strict, result.NamespacePolicy!.Spec.Mtls!.Mode);
        Assert.Null(result.NamespacePolicy.Spec.Selector);
        Assert.Equal("httpbin", result.PortPolicy.Spec.Selector!.MatchLabels["app"]);
        Assert.Equal(MutualTlsMode.Disable, Assert.Single(result.PortPolicy.Spec.PortLevelMtls).Value.Mode);
        Assert.Equal(8443u, Assert.Single(result.PortPolicy.Spec.PortLevelMtls).Key);
        var external = result.Sidecar.Spec.Ingress[0];
        Assert.Equal((8443u, "HTTPS"), (external.Port!.Number!.Value, external.Port.Protocol));
        Assert.Equal(ServerTlsMode.Mutual, external.Tls!.Mode);
        Assert.Equal("/etc/istio/tls-ca-certs/ca.crt", external.Tls.CaCertificates);
        Assert.Equal(ApiVersions.SecurityV1, result.PortPolicy.ApiVersion);
    }

    [Fact]
    public void Simple_tls_leaves_out_the_ca_and_options_change_ports_paths_labels_names_and_versions()
    {
        var mesh = new IstioMesh();
        var result = mesh.Ingress().TerminateTlsAtSidecar("web", o =>
        {
            o.Namespace = "frontend";
            o.NamespaceWideStrictMtls = false;
            o.PortPolicyName = "web-external-port";
            o.SidecarName = "web-sidecar";
            o.WorkloadLabels["tier"] = "edge";
            o.SidecarWorkloadLabels["version"] = "v2";
            o.InternalPort = null;
            o.ExternalPortName = "tls";
            o.DefaultEndpoint = "127.0.0.1:8080";
            o.TlsMode = ServerTlsMode.Simple;
            o.ServerCertificate = "/certs/web.crt";
            o.PrivateKey = "/certs/web.key";
            o.SecurityApiVersion = ApiVersions.SecurityV1Beta1;
            o.ApiVersion = ApiVersions.NetworkingV1Beta1;
        });

        Assert.Null(result.NamespacePolicy);
        Assert.Equal(["web-external-port", "web-sidecar"], mesh.Resources.Select(r => r.Metadata.Name));
        Assert.All(mesh.Resources, r => Assert.Equal("frontend", r.Metadata.NamespaceProperty));
        Assert.Equal(ApiVersions.SecurityV1Beta1, result.PortPolicy.ApiVersion);
        Assert.Equal(ApiVersions.NetworkingV1Beta1, result.Sidecar.ApiVersion);
        Assert.Equal(["app", "tier"], result.PortPolicy.Spec.Selector!.MatchLabels.Keys);
        Assert.Equal(["app", "version"], result.Sidecar.Spec.WorkloadSelector!.Labels.Keys);
        var listener = Assert.Single(result.Sidecar.Spec.Ingress);
        Assert.Equal(("tls", "127.0.0.1:8080"), (listener.Port!.Name, listener.DefaultEndpoint));
        Assert.Equal((ServerTlsMode.Simple, "/certs/web.crt", "/certs/web.key"), (listener.Tls!.Mode!.Value, listener.Tls.ServerCertificate, listener.Tls.PrivateKey));
        Assert.Null(listener.Tls.CaCertificates);
    }
}
