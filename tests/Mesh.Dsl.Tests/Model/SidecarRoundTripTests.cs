using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Tests.Model;

public class SidecarRoundTripTests
{
    // Every Sidecar field set (72 leaves), in the canonical order.
    private const string EveryField = """
        apiVersion: networking.istio.io/v1
        kind: Sidecar
        metadata:
          name: every-field
          namespace: prod-us1
        spec:
          workloadSelector:
            labels:
              app: productpage
          ingress:
          - port:
              number: 9080
              name: external
              protocol: HTTPS
              targetPort: 8080
            bind: 172.16.1.32
            captureMode: NONE
            defaultEndpoint: 127.0.0.1:8080
            tls:
              httpsRedirect: false
              mode: MUTUAL
              serverCertificate: /etc/istio/tls-certs/tls.crt
              privateKey: /etc/istio/tls-certs/tls.key
              caCertificates: /etc/istio/tls-ca-certs/ca.crt
              caCrl: /etc/istio/tls-ca-certs/crl.pem
              credentialName: unused
              credentialNames:
              - rsa
              caCertCredentialName: ca
              tlsCertificates:
              - serverCertificate: /rsa.crt
                privateKey: /rsa.key
                caCertificates: /ca.crt
              subjectAltNames:
              - client.example.com
              verifyCertificateSpki:
              - c3BraQ==
              verifyCertificateHash:
              - abcdef
              minProtocolVersion: TLSV1_2
              maxProtocolVersion: TLS_AUTO
              cipherSuites:
              - ECDHE-ECDSA-AES128-GCM-SHA256
              insecureSkipVerify: true
            connectionPool:
              tcp:
                maxConnections: 100
                connectTimeout: 30ms
                tcpKeepalive:
                  probes: 3
                  time: 2h
                  interval: 1m15s
                maxConnectionDuration: 1h
                idleTimeout: 5m
              http:
                http1MaxPendingRequests: 10
                http2MaxRequests: 1000
                maxRequestsPerConnection: 1
                maxRetries: 3
                idleTimeout: 1m30s
                h2UpgradePolicy: DO_NOT_UPGRADE
                useClientProtocol: true
                maxConcurrentStreams: 50
                http2KeepAlive:
                  interval: 10s
                  timeout: 5s
          egress:
          - port:
              number: 3306
              name: egressmysql
              protocol: MYSQL
              targetPort: 3307
            bind: 127.0.0.1
            captureMode: IPTABLES
            hosts:
            - "*/mysql.foo.com"
            - istio-system/*
          inboundConnectionPool:
            tcp:
              maxConnections: 200
              connectTimeout: 1s
              tcpKeepalive:
                probes: 5
                time: 10m
                interval: 1m
              maxConnectionDuration: 24h
              idleTimeout: 1h
            http:
              http1MaxPendingRequests: 20
              http2MaxRequests: 2000
              maxRequestsPerConnection: 2
              maxRetries: 4
              idleTimeout: 30s
              h2UpgradePolicy: UPGRADE
              useClientProtocol: false
              maxConcurrentStreams: 100
              http2KeepAlive:
                interval: 20s
                timeout: 10s
          outboundTrafficPolicy:
            mode: ALLOW_ANY
            egressProxy:
              host: egress-proxy.istio-system.svc.cluster.local
              subset: squid
              port:
                number: 3128

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
        var crdLeaves = CrdLeafPaths.OfKind("Sidecar", "v1");

        Assert.Equal(crdLeaves, CrdLeafPaths.SetIn(EveryField, crdLeaves));
        Assert.Equal(72, crdLeaves.Count);
    }

    [Fact]
    public void Every_field_is_read_into_the_model()
    {
        var sidecar = Assert.IsType<Sidecar>(Assert.Single(MeshYaml.Read(EveryField, "every-field.yaml")));
        var spec = sidecar.Spec;

        Assert.Empty(SidecarSpec.Schema.Fields.Where(f => !f.IsSet(spec)).Select(f => f.Name));
        var ingress = Assert.Single(spec.Ingress);
        Assert.Empty(IstioIngressListener.Schema.Fields.Where(f => !f.IsSet(ingress)).Select(f => f.Name));
        Assert.Empty(ServerTlsSettings.Schema.Fields.Where(f => !f.IsSet(ingress.Tls!)).Select(f => f.Name));
        Assert.Equal(CaptureMode.None, ingress.CaptureMode);
        Assert.Equal(TimeSpan.FromHours(2), ingress.ConnectionPool!.Tcp!.TcpKeepalive!.Time);
        var egress = Assert.Single(spec.Egress);
        Assert.Equal(CaptureMode.Iptables, egress.CaptureMode);
        Assert.Equal(3307u, egress.Port!.TargetPort);
        Assert.Equal(OutboundTrafficPolicyMode.AllowAny, spec.OutboundTrafficPolicy!.Mode);
        Assert.Equal(3128u, spec.OutboundTrafficPolicy.EgressProxy!.Port!.Number);
    }

    [Fact]
    public void Scenario_sidecar_in_docs_order_reads_into_the_same_model()
    {
        var sidecar = Assert.IsType<Sidecar>(Assert.Single(ScenarioDocuments.OfKind("ingress-sidecar-tls-termination.yaml", "Sidecar")));

        var external = sidecar.Spec.Ingress[0];
        Assert.Equal((9080u, "external", "HTTPS"), (external.Port!.Number!.Value, external.Port.Name, external.Port.Protocol));
        Assert.Equal("/etc/istio/tls-certs/tls.key", external.Tls!.PrivateKey);
        Assert.Equal("0.0.0.0:80", sidecar.Spec.Ingress[1].DefaultEndpoint);
    }

    [Theory]
    [InlineData("captureMode: REDIRECT", "DEFAULT, IPTABLES, NONE")]
    [InlineData("bindd: 127.0.0.1", "bind")]
    [InlineData("hosts: ./*", "a list")]
    public void Bad_egress_values_are_errors_that_say_what_is_expected(string line, string expected)
    {
        var text = $"""
            apiVersion: networking.istio.io/v1
            kind: Sidecar
            metadata:
              name: s
            spec:
              egress:
              - {line}
            """;

        var error = Assert.Throws<MeshReadException>(() => MeshYaml.Read(text, "sidecar.yaml"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_outbound_traffic_policy_mode_is_an_error()
    {
        const string text = """
            apiVersion: networking.istio.io/v1
            kind: Sidecar
            metadata:
              name: s
            spec:
              outboundTrafficPolicy:
                mode: ALLOW_ALL
            """;

        var error = Assert.Throws<MeshReadException>(() => MeshYaml.Read(text, "sidecar.yaml"));

        Assert.Contains("REGISTRY_ONLY, ALLOW_ANY", error.Message, StringComparison.Ordinal);
    }
}
