using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Scenarios;

namespace Mesh.Dsl.Tests.Scenarios;

public class MutualTlsOriginationRecipeTests
{
    private const string Host = "my-nginx.mesh-external.svc.cluster.local";

    [Fact]
    public void CredentialName_comes_with_the_workload_selector_and_sni_defaults_to_the_host()
    {
        var result = new IstioMesh().Egress().OriginateMutualTls(Host, o =>
        {
            o.CredentialName = "client-credential";
            o.WorkloadLabels["app"] = "curl";
        });

        Assert.Equal("originate-mtls-for-my-nginx", result.ServiceEntry.Metadata.Name);
        Assert.Equal("originate-mtls-for-my-nginx", result.DestinationRule.Metadata.Name);
        Assert.Equal("curl", result.DestinationRule.Spec.WorkloadSelector!.MatchLabels["app"]);
        var setting = Assert.Single(result.DestinationRule.Spec.TrafficPolicy!.PortLevelSettings);
        Assert.Equal(80u, setting.Port!.Number);
        Assert.Equal(ClientTlsMode.Mutual, setting.Tls!.Mode);
        Assert.Equal("client-credential", setting.Tls.CredentialName);
        Assert.Equal(Host, setting.Tls.Sni);
        Assert.Equal(443u, result.ServiceEntry.Spec.Ports[0].TargetPort);
    }

    [Fact]
    public void CredentialName_without_workload_labels_is_rejected_with_the_reason()
    {
        var error = Assert.Throws<ArgumentException>(() => new IstioMesh().Egress().OriginateMutualTls(Host, o => o.CredentialName = "client-credential"));
        Assert.Contains("WorkloadLabels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Certificate_files_replace_the_credential_and_need_no_selector()
    {
        var result = new IstioMesh().Egress().OriginateMutualTls(Host, o =>
        {
            o.ClientCertificate = "/etc/certs/client.pem";
            o.PrivateKey = "/etc/certs/client.key";
            o.Verification.CaCertificates = "/etc/certs/ca.pem";
            o.Verification.Sni = null;
            o.Namespace = "clients";
            o.HttpPort = 8080;
            o.TlsPort = 8443;
            o.ApiVersion = ApiVersions.NetworkingV1Alpha3;
        });

        var tls = Assert.Single(result.DestinationRule.Spec.TrafficPolicy!.PortLevelSettings).Tls!;
        Assert.Equal(("/etc/certs/client.pem", "/etc/certs/client.key", "/etc/certs/ca.pem"), (tls.ClientCertificate, tls.PrivateKey, tls.CaCertificates));
        Assert.Null(tls.CredentialName);
        Assert.Null(tls.Sni);
        Assert.Null(result.DestinationRule.Spec.WorkloadSelector);
        Assert.Equal((8080u, 8443u), (result.ServiceEntry.Spec.Ports[0].Number!.Value, result.ServiceEntry.Spec.Ports[0].TargetPort!.Value));
        Assert.All(new IstioResource[] { result.ServiceEntry, result.DestinationRule }, r =>
        {
            Assert.Equal("clients", r.Metadata.NamespaceProperty);
            Assert.Equal(ApiVersions.NetworkingV1Alpha3, r.ApiVersion);
        });
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("secret", "/c.pem", "/c.key")]
    [InlineData(null, "/c.pem", null)]
    public void The_client_certificate_must_be_given_exactly_one_way(string? credential, string? certificate, string? key)
    {
        var mesh = new IstioMesh();

        Assert.Throws<ArgumentException>(() => mesh.Egress().OriginateMutualTls(Host, o =>
        {
            o.CredentialName = credential;
            o.ClientCertificate = certificate;
            o.PrivateKey = key;
            o.WorkloadLabels["app"] = "curl";
        }));
        Assert.Empty(mesh.Resources);
    }
}
