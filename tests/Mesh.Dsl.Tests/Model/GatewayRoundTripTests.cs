using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Tests.Model;

public class GatewayRoundTripTests
{
    // Every Gateway field set, in the canonical order.
    private const string EveryField = """
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata:
          name: every-field
          namespace: istio-system
        spec:
          servers:
          - port:
              number: 443
              name: https
              protocol: HTTPS
              targetPort: 8443
            bind: 0.0.0.0
            hosts:
            - "*"
            - prod/*.example.com
            tls:
              httpsRedirect: true
              mode: OPTIONAL_MUTUAL
              serverCertificate: /etc/certs/server.pem
              privateKey: /etc/certs/key.pem
              caCertificates: /etc/certs/ca.pem
              caCrl: /etc/certs/crl.pem
              credentialName: main-cert
              credentialNames:
              - rsa-cert
              - ecdsa-cert
              caCertCredentialName: ca-cert
              tlsCertificates:
              - serverCertificate: /etc/certs/rsa.pem
                privateKey: /etc/certs/rsa.key
                caCertificates: /etc/certs/rsa-ca.pem
              subjectAltNames:
              - spiffe://cluster.local/ns/a/sa/b
              verifyCertificateSpki:
              - c3BraQ==
              verifyCertificateHash:
              - ab:cd:ef
              minProtocolVersion: TLSV1_2
              maxProtocolVersion: TLSV1_3
              cipherSuites:
              - ECDHE-RSA-AES256-GCM-SHA384
              insecureSkipVerify: false
            defaultEndpoint: 127.0.0.1:8080
            name: main
          selector:
            istio: ingressgateway

        """;

    [Fact]
    public void Every_field_reads_and_writes_back_the_same_text()
    {
        var text = EveryField.ReplaceLineEndings("\n");

        var resources = MeshYaml.Read(text, "every-field.yaml");

        Assert.Equal(text, MeshYaml.Serialize(resources));
    }

    [Fact]
    public void Every_field_document_sets_every_leaf_of_the_crd()
    {
        var crdLeaves = CrdLeafPaths.OfKind("Gateway", "v1");

        Assert.Equal(crdLeaves, CrdLeafPaths.SetIn(EveryField, crdLeaves));
        Assert.Equal(28, crdLeaves.Count);
    }

    [Fact]
    public void Every_field_is_read_into_the_model()
    {
        var gateway = Assert.IsType<Gateway>(Assert.Single(MeshYaml.Read(EveryField, "every-field.yaml")));

        var server = Assert.Single(gateway.Spec.Servers);
        var tls = server.Tls!;
        Assert.Equal(8443u, server.Port!.TargetPort);
        Assert.Equal(ServerTlsMode.OptionalMutual, tls.Mode);
        Assert.Equal(TlsProtocolVersion.Tls1_2, tls.MinProtocolVersion);
        Assert.Equal(TlsProtocolVersion.Tls1_3, tls.MaxProtocolVersion);
        Assert.False(tls.InsecureSkipVerify);
        Assert.Equal(["rsa-cert", "ecdsa-cert"], tls.CredentialNames);
        Assert.Equal("/etc/certs/rsa-ca.pem", Assert.Single(tls.TlsCertificates).CaCertificates);
        Assert.Equal("ingressgateway", gateway.Spec.Selector["istio"]);
        var unset = ServerTlsSettings.Schema.Fields.Where(f => !f.IsSet(tls)).Select(f => f.Name);
        Assert.Empty(unset);
    }

    [Theory]
    [InlineData("AUTO_PASSTHROUGH", ServerTlsMode.AutoPassthrough)]
    [InlineData("ISTIO_MUTUAL", ServerTlsMode.IstioMutual)]
    [InlineData("PASSTHROUGH", ServerTlsMode.Passthrough)]
    public void Tls_modes_are_spelled_as_istio_spells_them(string name, ServerTlsMode mode)
    {
        var gateway = Assert.IsType<Gateway>(Assert.Single(MeshYaml.Read(Tls($"mode: {name}"), "gw.yaml")));

        Assert.Equal(mode, gateway.Spec.Servers[0].Tls!.Mode);
    }

    [Theory]
    [InlineData("mode: TLS_PASSTHROUGH", "PASSTHROUGH")]
    [InlineData("minProtocolVersion: TLSV1_4", "TLSV1_3")]
    [InlineData("minProtocolVersion: TLS1_2", "TLSV1_2")]
    [InlineData("httpsRedirect: yes please", "true or false")]
    [InlineData("credentialNmae: cert", "credentialName")]
    public void Bad_tls_values_are_errors_that_say_what_is_expected(string line, string expected)
    {
        var error = Assert.Throws<MeshReadException>(() => MeshYaml.Read(Tls(line), "gw.yaml"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("gw.yaml", error.Message, StringComparison.Ordinal);
    }

    private static string Tls(string line) => $"""
        apiVersion: networking.istio.io/v1
        kind: Gateway
        metadata:
          name: gw
        spec:
          servers:
          - port:
              number: 443
              name: https
              protocol: HTTPS
            hosts:
            - "*"
            tls:
              {line}
        """;
}
