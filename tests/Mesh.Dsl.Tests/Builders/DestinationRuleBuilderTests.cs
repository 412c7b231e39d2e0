using Mesh.Dsl.Builders;
using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Serialization;
using Mesh.Dsl.Tests.Model;

namespace Mesh.Dsl.Tests.Builders;

public class DestinationRuleBuilderTests
{
    [Fact]
    public void Builders_reach_every_field_of_the_every_field_rule()
    {
        var expected = MeshYaml.Read(DestinationRuleEveryField.Yaml).OfType<DestinationRule>().First();

        var built = new DestinationRuleBuilder("every-field")
            .Namespace("prod")
            .Host("reviews.prod.svc.cluster.local")
            .TrafficPolicy(FullPolicy)
            .Subset("v1", s => s.Label("version", "v1").Label("app", "reviews").TrafficPolicy(FullPolicy))
            .Subset("v2", "version", "v2", s => s.TrafficPolicy(tp => tp.LoadBalancer(HeaderHash)))
            .Subset("v3", "version", "v3", s => s.TrafficPolicy(tp => tp.LoadBalancer(CookieHash)))
            .Subset("v4", "version", "v4", s => s.TrafficPolicy(tp => tp.ConsistentHash(h => h.UseSourceIp())))
            .Subset("v5", "version", "v5", s => s.TrafficPolicy(tp => tp.ConsistentHash(h => h.HttpQueryParameterName("session"))))
            .ExportTo(".", "istio-system")
            .WorkloadSelector("app", "curl")
            .Build();

        Assert.Equal(MeshYaml.Serialize(expected), MeshYaml.Serialize(built));
        Assert.True(ResourceComparer.Instance.Equals(expected, built));
    }

    [Fact]
    public void Common_settings_read_as_one_short_chain()
    {
        var rule = new DestinationRuleBuilder("reviews")
            .Host("reviews.prod.svc.cluster.local")
            .TrafficPolicy(tp => tp
                .LoadBalancer(LoadBalancerAlgorithm.LeastRequest)
                .ConnectionPool(cp => cp.Tcp(t => t.MaxConnections(100)).Http(h => h.Http2MaxRequests(1000).MaxRequestsPerConnection(10)))
                .OutlierDetection(od => od.Consecutive5xxErrors(7).Interval(TimeSpan.FromMinutes(5)).BaseEjectionTime(TimeSpan.FromMinutes(15))))
            .Build();

        Assert.Equal(
            """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: reviews
            spec:
              host: reviews.prod.svc.cluster.local
              trafficPolicy:
                loadBalancer:
                  simple: LEAST_REQUEST
                connectionPool:
                  tcp:
                    maxConnections: 100
                  http:
                    http2MaxRequests: 1000
                    maxRequestsPerConnection: 10
                outlierDetection:
                  consecutive5xxErrors: 7
                  interval: 5m
                  baseEjectionTime: 15m

            """,
            MeshYaml.Serialize(rule));
    }

    [Fact]
    public void Outlier_detection_without_settings_is_written_as_an_empty_mapping()
    {
        var rule = new DestinationRuleBuilder("od").Host("reviews").TrafficPolicy(tp => tp.OutlierDetection()).Build();

        Assert.EndsWith("  trafficPolicy:\n    outlierDetection: {}\n", MeshYaml.Serialize(rule));
    }

    [Fact]
    public void Choosing_consistent_hash_replaces_the_simple_algorithm_and_back()
    {
        var policy = new TrafficPolicy();
        var builder = new TrafficPolicyBuilder(policy);

        builder.LoadBalancer(LoadBalancerAlgorithm.RoundRobin).ConsistentHash(h => h.HttpHeaderName("x-user").RingHash(2048));
        Assert.Null(policy.LoadBalancer!.Simple);
        Assert.Equal("x-user", policy.LoadBalancer.ConsistentHash!.HttpHeaderName);

        builder.ConsistentHash(h => h.UseSourceIp().Maglev(65537));
        Assert.Null(policy.LoadBalancer.ConsistentHash!.HttpHeaderName);
        Assert.Null(policy.LoadBalancer.ConsistentHash.RingHash);

        builder.LoadBalancer(LoadBalancerAlgorithm.Random);
        Assert.Null(policy.LoadBalancer.ConsistentHash);
        Assert.Equal(LoadBalancerAlgorithm.Random, policy.LoadBalancer.Simple);
    }

    [Fact]
    public void The_same_subset_or_port_configured_twice_is_one_entry()
    {
        var rule = new DestinationRuleBuilder("twice")
            .Host("reviews")
            .Subset("v1", s => s.Label("version", "v1"))
            .Subset("v1", s => s.Label("track", "stable"))
            .TrafficPolicy(tp => tp.PortLevelSettings(443, p => p.Tls(ClientTlsMode.Simple)))
            .TrafficPolicy(tp => tp.PortLevelSettings(443, p => p.Tls(t => t.Sni("reviews.example.com"))))
            .Build();

        var subset = Assert.Single(rule.Spec.Subsets);
        Assert.Equal(["version", "track"], subset.Labels.Keys);
        var port = Assert.Single(rule.Spec.TrafficPolicy!.PortLevelSettings);
        Assert.Equal(ClientTlsMode.Simple, port.Tls!.Mode);
        Assert.Equal("reviews.example.com", port.Tls.Sni);
    }

    [Fact]
    public void AddDestinationRule_adds_the_rule_to_the_mesh_in_its_default_namespace()
    {
        var mesh = new IstioMesh("egress");

        var rule = mesh.AddDestinationRule("cnn", dr => dr.Host("edition.cnn.com"));

        Assert.Same(rule, Assert.Single(mesh.Resources));
        Assert.Equal("egress", rule.Metadata.NamespaceProperty);
        Assert.Same(rule, mesh.Find<DestinationRule>("cnn"));
    }

    [Fact]
    public void GetSubset_returns_the_subset_of_that_name()
    {
        var rule = new DestinationRuleBuilder("reviews").Host("reviews").Subset("v1", "version", "v1").Subset("v2", "version", "v2").Build();

        Assert.Same(rule.Spec.Subsets[1], rule.GetSubset("v2"));
    }

    [Fact]
    public void GetSubset_of_a_missing_name_names_the_rule_and_lists_its_subsets()
    {
        var rule = new DestinationRuleBuilder("reviews").Namespace("prod").Host("reviews").Subset("v1").Subset("v2").Build();
        var empty = new DestinationRuleBuilder("ratings").Host("ratings").Build();

        var error = Assert.Throws<ArgumentException>(() => rule.GetSubset("v3"));
        var none = Assert.Throws<ArgumentException>(() => empty.GetSubset("v1"));

        Assert.Equal("DestinationRule prod/reviews has no subset \"v3\": its subsets are \"v1\", \"v2\". (Parameter 'name')", error.Message);
        Assert.Equal("DestinationRule ratings has no subset \"v1\": it defines no subsets. (Parameter 'name')", none.Message);
    }

    private static void FullPolicy(TrafficPolicyBuilder tp)
        => tp.LoadBalancer(FullLoadBalancer)
            .ConnectionPool(FullConnectionPool)
            .OutlierDetection(FullOutlierDetection)
            .Tls(FullTls)
            .PortLevelSettings(80, p => p.LoadBalancer(FullLoadBalancer).ConnectionPool(FullConnectionPool).OutlierDetection(FullOutlierDetection).Tls(FullTls))
            .PortLevelSettings(81, p => p.LoadBalancer(HeaderHash))
            .PortLevelSettings(82, p => p.LoadBalancer(CookieHash))
            .PortLevelSettings(83, p => p.ConsistentHash(h => h.UseSourceIp()))
            .PortLevelSettings(84, p => p.ConsistentHash(h => h.HttpQueryParameterName("session")))
            .Tunnel("proxy.example.com", 8443, "CONNECT")
            .ProxyProtocol(ProxyProtocolVersion.V2)
            .RetryBudget(percent: 25, minRetryConcurrency: 5, budgetInterval: TimeSpan.FromSeconds(10));

    private static void FullLoadBalancer(LoadBalancerSettingsBuilder lb)
        => lb.Simple(LoadBalancerAlgorithm.LeastRequest)
            .LocalityLbSetting(l => l
                .Distribute("us-west/zone1/*", d => d.To("us-west/zone1/*", 80).To("us-west/zone2/*", 20))
                .Failover("us-east", "eu-west")
                .FailoverPriority("topology.istio.io/network", "version=v1")
                .Enabled())
            .ZoneAwareLbSetting(z => z.Enabled().Failover("us-west", "us-east").FailoverPriority("topology.istio.io/cluster").MinClusterSize(3))
            .WarmupDurationSecs(TimeSpan.FromMinutes(1))
            .Warmup(TimeSpan.FromMinutes(2), minimumPercent: 10.5, aggression: 1.5);

    private static void HeaderHash(LoadBalancerSettingsBuilder lb)
        => lb.ConsistentHash(h => h.HttpHeaderName("x-user").RingHash(2048).MinimumRingSize(1024));

    private static void CookieHash(LoadBalancerSettingsBuilder lb)
        => lb.ConsistentHash(h => h
            .HttpCookie("user", c => c.Path("/").Ttl(TimeSpan.Zero).Attribute("SameSite", "Strict").Attribute("Secure"))
            .Maglev(65537));

    private static void FullConnectionPool(ConnectionPoolSettingsBuilder cp)
        => cp.Tcp(t => t
                .MaxConnections(100)
                .ConnectTimeout(TimeSpan.FromMilliseconds(30))
                .TcpKeepalive(k => k.Probes(9).Time(TimeSpan.FromHours(2)).Interval(TimeSpan.FromSeconds(75)))
                .MaxConnectionDuration(TimeSpan.FromMinutes(90))
                .IdleTimeout(TimeSpan.Zero))
            .Http(h => h
                .Http1MaxPendingRequests(10)
                .Http2MaxRequests(1000)
                .MaxRequestsPerConnection(1)
                .MaxRetries(3)
                .IdleTimeout(TimeSpan.FromMinutes(5))
                .H2UpgradePolicy(H2UpgradePolicy.DoNotUpgrade)
                .UseClientProtocol()
                .MaxConcurrentStreams(100)
                .Http2KeepAlive(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10)));

    private static void FullOutlierDetection(OutlierDetectionBuilder od)
        => od.ConsecutiveErrors(7)
            .ConsecutiveLocalOriginFailures(3)
            .ConsecutiveGatewayErrors(4)
            .Consecutive5xxErrors(5)
            .Interval(TimeSpan.FromMinutes(5))
            .BaseEjectionTime(TimeSpan.FromMinutes(15))
            .MaxEjectionPercent(50)
            .MinHealthPercent(20)
            .OutlierDetectionHttpErrorCodes(500, 503);

    private static void FullTls(ClientTlsSettingsBuilder tls)
        => tls.Mode(ClientTlsMode.Mutual)
            .ClientCertificate("/etc/certs/client.pem")
            .PrivateKey("/etc/certs/key.pem")
            .CaCertificates("/etc/certs/ca.pem")
            .CredentialName("client-credential")
            .SubjectAltNames("spiffe://cluster.local/ns/db/sa/db")
            .Sni("db.example.com")
            .InsecureSkipVerify(false)
            .CaCrl("/etc/certs/crl.pem");
}
