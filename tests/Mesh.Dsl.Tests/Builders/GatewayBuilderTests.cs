using Mesh.Dsl.Builders;
using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Tests.Builders;

public class GatewayBuilderTests
{
    [Fact]
    public void Gateway_is_written_servers_first_as_the_proto_declares_them()
    {
        var gateway = new GatewayBuilder("istio-egressgateway")
            .Selector("istio", "egressgateway")
            .HttpServer(80, "http-port", "www.aliyun.com")
            .Build();

        Assert.Equal(
            """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata:
              name: istio-egressgateway
            spec:
              servers:
              - port:
                  number: 80
                  name: http-port
                  protocol: HTTP
                hosts:
                - www.aliyun.com
              selector:
                istio: egressgateway

            """.ReplaceLineEndings("\n"),
            MeshYaml.Serialize(gateway));
    }

    [Fact]
    public void HttpsServer_terminates_tls_with_the_secret()
    {
        var gateway = new GatewayBuilder("ingress")
            .HttpsServer(443, "https", "bookinfo-secret", "bookinfo-namespace/*.bookinfo.com")
            .Build();

        var server = Assert.Single(gateway.Spec.Servers);
        Assert.Equal((443u, "https", Protocols.Https), (server.Port!.Number!.Value, server.Port.Name, server.Port.Protocol));
        Assert.Equal(["bookinfo-namespace/*.bookinfo.com"], server.Hosts);
        Assert.Equal(ServerTlsMode.Simple, server.Tls!.Mode);
        Assert.Equal("bookinfo-secret", server.Tls.CredentialName);
    }

    [Fact]
    public void Server_builder_reaches_every_field()
    {
        var gateway = new GatewayBuilder("every-field")
            .Server(s => s
                .Port(p => p.Number(8443).Name("https-8443").Protocol(Protocols.Https).TargetPort(9443))
                .Bind("0.0.0.0")
                .Hosts("*", "./api.example.com")
                .Tls(t => t.Mode(ServerTlsMode.Mutual).CredentialName("api-cert"))
                .DefaultEndpoint("127.0.0.1:8080")
                .Name("api"))
            .Build();

        var server = Assert.Single(gateway.Spec.Servers);
        Assert.Equal(9443u, server.Port!.TargetPort);
        Assert.Equal("0.0.0.0", server.Bind);
        Assert.Equal(["*", "./api.example.com"], server.Hosts);
        Assert.Equal(ServerTlsMode.Mutual, server.Tls!.Mode);
        Assert.Equal("127.0.0.1:8080", server.DefaultEndpoint);
        Assert.Equal("api", server.Name);
    }

    [Fact]
    public void Tls_builder_reaches_every_field()
    {
        var tls = new ServerTlsSettings();
        new ServerTlsSettingsBuilder(tls)
            .HttpsRedirect()
            .Mode(ServerTlsMode.OptionalMutual)
            .ServerCertificate("/certs/server.pem")
            .PrivateKey("/certs/key.pem")
            .CaCertificates("/certs/ca.pem")
            .CaCrl("/certs/crl.pem")
            .CredentialName("cred")
            .CredentialNames("rsa", "ecdsa")
            .CaCertCredentialName("ca-cred")
            .TlsCertificate(c => c.ServerCertificate("/rsa.pem").PrivateKey("/rsa.key").CaCertificates("/ca.pem"))
            .SubjectAltNames("spiffe://cluster.local/ns/a/sa/b")
            .VerifyCertificateSpki("c3BraQ==")
            .VerifyCertificateHash("ab:cd")
            .MinProtocolVersion(TlsProtocolVersion.Tls1_2)
            .MaxProtocolVersion(TlsProtocolVersion.Tls1_3)
            .CipherSuites("ECDHE-RSA-AES256-GCM-SHA384")
            .InsecureSkipVerify();

        var unset = ServerTlsSettings.Schema.Fields.Where(f => !f.IsSet(tls)).Select(f => f.Name);
        Assert.Empty(unset);
        Assert.Equal("/rsa.key", Assert.Single(tls.TlsCertificates).PrivateKey);
    }

    [Fact]
    public void AddGateway_adds_the_gateway_to_the_mesh_in_its_default_namespace()
    {
        var mesh = new IstioMesh("istio-system");

        var gateway = mesh.AddGateway("istio-egressgateway", g => g.Selector("istio", "egressgateway").HttpServer(80, "http", "*"));

        Assert.Same(gateway, Assert.Single(mesh.Resources));
        Assert.Equal("istio-system", gateway.Metadata.NamespaceProperty);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(70000)]
    public void HttpServer_rejects_a_port_out_of_range(int port)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new GatewayBuilder("gw").HttpServer(port, "http", "*"));
        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("http://www.aliyun.com")]
    [InlineData("www.aliyun.com/path")]
    [InlineData("Bad_Namespace/www.aliyun.com")]
    [InlineData("prod/")]
    public void Server_rejects_a_host_that_is_not_namespace_slash_dns_name(string host)
    {
        Assert.Throws<ArgumentException>(() => new GatewayBuilder("gw").Server(s => s.Hosts(host)));
    }

    [Fact]
    public void Server_rejects_an_empty_port_name_and_protocol()
    {
        Assert.Throws<ArgumentException>(() => new ServerBuilder(new Server()).Port(80, "", Protocols.Http));
        Assert.Throws<ArgumentException>(() => new ServerBuilder(new Server()).Port(80, "http", ""));
    }

    [Fact]
    public void Tls_rejects_a_third_certificate()
    {
        var builder = new ServerTlsSettingsBuilder(new ServerTlsSettings()).CredentialNames("rsa", "ecdsa");
        var error = Assert.Throws<ArgumentException>(() => builder.CredentialNames("third"));
        Assert.Contains("at most 2", error.Message, StringComparison.Ordinal);

        var files = new ServerTlsSettingsBuilder(new ServerTlsSettings()).TlsCertificate(_ => { }).TlsCertificate(_ => { });
        Assert.Throws<ArgumentException>(() => files.TlsCertificate(_ => { }));
    }

    [Fact]
    public void Gateway_builder_rejects_bad_names_and_null_callbacks()
    {
        Assert.Throws<ArgumentException>(() => new GatewayBuilder("Istio_EgressGateway"));
        Assert.Throws<ArgumentException>(() => new GatewayBuilder("gw").Selector("", "egressgateway"));
        Assert.Throws<ArgumentNullException>(() => new GatewayBuilder("gw").Selector("istio", null!));
        Assert.Throws<ArgumentNullException>(() => new GatewayBuilder("gw").Server(null!));
        Assert.Throws<ArgumentNullException>(() => new ServerBuilder(new Server()).Tls(null!));
        Assert.Throws<ArgumentNullException>(() => new IstioMesh().AddGateway("gw", null!));
    }
}
