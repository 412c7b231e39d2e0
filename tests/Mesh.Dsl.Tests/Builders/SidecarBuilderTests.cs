using Mesh.Dsl.Builders;
using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Tests.Builders;

public class SidecarBuilderTests
{
    [Fact]
    public void Sidecar_is_written_in_proto_order_with_ports_number_name_protocol()
    {
        var sidecar = new SidecarBuilder("ingress-sidecar")
            .Ingress(l => l
                .Port(9080, "external", Protocols.Https)
                .DefaultEndpoint("0.0.0.0:80")
                .Tls(t => t.PrivateKey("/tls.key").Mode(ServerTlsMode.Mutual)))
            .Egress("./*")
            .OutboundTrafficPolicy(OutboundTrafficPolicyMode.RegistryOnly)
            .WorkloadSelector("app", "httpbin")
            .Build();

        Assert.Equal(
            """
            apiVersion: networking.istio.io/v1
            kind: Sidecar
            metadata:
              name: ingress-sidecar
            spec:
              workloadSelector:
                labels:
                  app: httpbin
              ingress:
              - port:
                  number: 9080
                  name: external
                  protocol: HTTPS
                defaultEndpoint: 0.0.0.0:80
                tls:
                  mode: MUTUAL
                  privateKey: /tls.key
              egress:
              - hosts:
                - ./*
              outboundTrafficPolicy:
                mode: REGISTRY_ONLY

            """.ReplaceLineEndings("\n"),
            MeshYaml.Serialize(sidecar));
    }

    [Fact]
    public void Listener_builders_reach_every_field()
    {
        var sidecar = new SidecarBuilder("every-field")
            .Ingress(l => l
                .Port(p => p.Number(80).Name("http").Protocol(Protocols.Http).TargetPort(8080))
                .Bind("172.16.1.32")
                .CaptureMode(CaptureMode.None)
                .DefaultEndpoint("127.0.0.1:8080")
                .Tls(t => t.Mode(ServerTlsMode.Simple))
                .ConnectionPool(c => c.Tcp(t => t.MaxConnections(100))))
            .Egress(l => l
                .Port(p => p.Number(3306).Name("egressmysql").Protocol(Protocols.Mysql))
                .Bind("127.0.0.1")
                .CaptureMode(CaptureMode.Iptables)
                .Hosts("*/mysql.foo.com"))
            .InboundConnectionPool(c => c.Http(h => h.Http1MaxPendingRequests(10)))
            .OutboundTrafficPolicy(OutboundTrafficPolicyMode.AllowAny, d => d.Host("egress-proxy.istio-system.svc.cluster.local").Subset("v1").Port(3128))
            .Build();

        var ingress = Assert.Single(sidecar.Spec.Ingress);
        Assert.Empty(IstioIngressListener.Schema.Fields.Where(f => !f.IsSet(ingress)).Select(f => f.Name));
        Assert.Equal(8080u, ingress.Port!.TargetPort);
        var egress = Assert.Single(sidecar.Spec.Egress);
        Assert.Empty(IstioEgressListener.Schema.Fields.Where(f => !f.IsSet(egress)).Select(f => f.Name));
        Assert.Equal(10, sidecar.Spec.InboundConnectionPool!.Http!.Http1MaxPendingRequests);
        var policy = sidecar.Spec.OutboundTrafficPolicy!;
        Assert.Equal(OutboundTrafficPolicyMode.AllowAny, policy.Mode);
        Assert.Equal(("egress-proxy.istio-system.svc.cluster.local", "v1", 3128u), (policy.EgressProxy!.Host, policy.EgressProxy.Subset, policy.EgressProxy.Port!.Number!.Value));
    }

    [Fact]
    public void Egress_shorthand_adds_one_listener_with_the_hosts()
    {
        var sidecar = new SidecarBuilder("default").Egress("./*", "istio-system/*").Build();

        Assert.Equal(["./*", "istio-system/*"], Assert.Single(sidecar.Spec.Egress).Hosts);
    }

    [Fact]
    public void AddSidecar_adds_the_sidecar_to_the_mesh_in_its_default_namespace()
    {
        var mesh = new IstioMesh("test");

        var sidecar = mesh.AddSidecar("default", s => s.Egress("./*"));

        Assert.Same(sidecar, Assert.Single(mesh.Resources));
        Assert.Equal("test", sidecar.Metadata.NamespaceProperty);
    }

    [Theory]
    [InlineData("mysql.foo.com")]
    [InlineData("*")]
    [InlineData("Prod/*")]
    [InlineData("prod/")]
    [InlineData("prod/http://mysql.foo.com")]
    public void Egress_rejects_a_host_without_a_namespace_or_with_a_bad_one(string host)
    {
        var error = Assert.Throws<ArgumentException>(() => new SidecarBuilder("default").Egress(host));
        Assert.Equal("hosts", error.ParamName);
    }

    [Fact]
    public void An_egress_proxy_is_rejected_unless_the_mode_is_allow_any()
    {
        var error = Assert.Throws<ArgumentException>(() => new SidecarBuilder("default")
            .OutboundTrafficPolicy(OutboundTrafficPolicyMode.RegistryOnly, d => d.Host("egress-proxy")));

        Assert.Contains("ALLOW_ANY", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(70000)]
    public void Listener_ports_out_of_range_are_rejected(int port)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SidecarBuilder("s").Ingress(l => l.Port(port, "http", Protocols.Http)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SidecarBuilder("s").Egress(l => l.Port(port, "http", Protocols.Http)));
    }

    [Fact]
    public void Builder_rejects_bad_names_empty_values_and_null_callbacks()
    {
        Assert.Throws<ArgumentException>(() => new SidecarBuilder("Ingress Sidecar"));
        Assert.Throws<ArgumentException>(() => new SidecarBuilder("s").WorkloadSelector("", "httpbin"));
        Assert.Throws<ArgumentNullException>(() => new SidecarBuilder("s").WorkloadSelector("app", null!));
        Assert.Throws<ArgumentException>(() => new SidecarBuilder("s").Ingress(l => l.DefaultEndpoint("")));
        Assert.Throws<ArgumentException>(() => new SidecarBuilder("s").Egress(l => l.Bind("")));
        Assert.Throws<ArgumentNullException>(() => new SidecarBuilder("s").Ingress(null!));
        Assert.Throws<ArgumentNullException>(() => new SidecarBuilder("s").Egress((Action<IstioEgressListenerBuilder>)null!));
        Assert.Throws<ArgumentNullException>(() => new SidecarBuilder("s").InboundConnectionPool(null!));
        Assert.Throws<ArgumentNullException>(() => new SidecarBuilder("s").Ingress(l => l.Tls(null!)));
        Assert.Throws<ArgumentNullException>(() => new IstioMesh().AddSidecar("s", null!));
    }
}
