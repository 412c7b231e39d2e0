using Mesh.Dsl.Builders;
using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Tests.Builders;

/// <summary>Impossible values are rejected by the call that gives them, with a message naming the value.</summary>
public class DestinationRuleBuilderGuardTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(70000)]
    public void Port_level_settings_reject_a_port_out_of_range(int port)
    {
        var builder = new TrafficPolicyBuilder(new TrafficPolicy());

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => builder.PortLevelSettings(port, p => p.Tls(ClientTlsMode.Simple)));

        Assert.Equal("port", error.ParamName);
        Assert.Contains($"Port {port} is out of range", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("http://edition.cnn.com")]
    [InlineData("edition.cnn.com/path")]
    public void Host_rejects_what_is_not_a_host(string host)
    {
        Assert.Throws<ArgumentException>(() => new DestinationRuleBuilder("dr").Host(host));
    }

    [Theory]
    [InlineData("V1")]
    [InlineData("-v1")]
    [InlineData("v1.stable")]
    [InlineData("")]
    public void Subset_rejects_a_name_that_is_not_a_dns_label(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => new DestinationRuleBuilder("dr").Subset(name));

        Assert.Contains($"\"{name}\" is not a valid subset name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Workload_selector_rejects_wildcards()
    {
        var error = Assert.Throws<ArgumentException>(() => new DestinationRuleBuilder("dr").WorkloadSelector("app", "cu*"));

        Assert.Contains("\"app: cu*\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(65536)]
    [InlineData(5000011)]
    public void Maglev_table_size_must_be_a_prime_below_5000011(long size)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ConsistentHashBuilder(new ConsistentHashLB()).Maglev(size));

        Assert.Contains($"A Maglev table size of {size} is not allowed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Maglev_accepts_a_prime_table_size()
    {
        var hash = new ConsistentHashLB();

        new ConsistentHashBuilder(hash).Maglev(4999999);

        Assert.Equal(4999999, hash.Maglev!.TableSize);
    }

    [Fact]
    public void Tunnel_rejects_a_protocol_other_than_connect_or_post()
    {
        var error = Assert.Throws<ArgumentException>(() => new TrafficPolicyBuilder(new TrafficPolicy()).Tunnel("proxy", 8080, "GET"));

        Assert.Equal("protocol", error.ParamName);
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(100.5)]
    [InlineData(double.NaN)]
    public void Retry_budget_percent_must_be_a_percentage(double percent)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrafficPolicyBuilder(new TrafficPolicy()).RetryBudget(percent));
    }

    [Fact]
    public void Connection_pool_limits_cannot_be_negative()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new TcpSettingsBuilder(new TcpSettings()).MaxConnections(-1));

        Assert.Equal("maxConnections", error.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new HttpSettingsBuilder(new HttpSettings()).MaxRetries(-3));
    }

    [Fact]
    public void Durations_must_be_positive_except_where_zero_means_off()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TcpSettingsBuilder(new TcpSettings()).ConnectTimeout(TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OutlierDetectionBuilder(new OutlierDetection()).Interval(TimeSpan.FromSeconds(-1)));
        var tcp = new TcpSettings();

        new TcpSettingsBuilder(tcp).IdleTimeout(TimeSpan.Zero);

        Assert.Equal(TimeSpan.Zero, tcp.IdleTimeout);
    }

    [Fact]
    public void Outlier_detection_error_codes_must_be_http_status_codes()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new OutlierDetectionBuilder(new OutlierDetection()).OutlierDetectionHttpErrorCodes(503, 600));

        Assert.Contains("600 is not an HTTP status code", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Warmup_aggression_must_be_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LoadBalancerSettingsBuilder(new LoadBalancerSettings()).Warmup(TimeSpan.FromMinutes(1), aggression: 0));
    }

    [Fact]
    public void Locality_weights_are_1_to_100_and_failover_needs_two_regions()
    {
        var locality = new LocalityLoadBalancerSettingBuilder(new LocalityLoadBalancerSetting());

        Assert.Throws<ArgumentOutOfRangeException>(() => locality.Distribute("us-west/*", d => d.To("us-east/*", 0)));
        var error = Assert.Throws<ArgumentException>(() => locality.Failover("us-east", "us-east"));
        Assert.Contains("\"us-east\" to itself", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cookie_attribute_names_are_unique()
    {
        var cookie = new HttpCookieBuilder(new HttpCookie()).Attribute("Secure");

        Assert.Throws<ArgumentException>(() => cookie.Attribute("Secure"));
    }

    [Fact]
    public void Configuration_callbacks_cannot_be_null()
    {
        var builder = new DestinationRuleBuilder("dr");

        Assert.Throws<ArgumentNullException>(() => builder.TrafficPolicy(null!));
        Assert.Throws<ArgumentNullException>(() => new TrafficPolicyBuilder(new TrafficPolicy()).ConnectionPool(null!));
        Assert.Throws<ArgumentNullException>(() => new IstioMesh().AddDestinationRule("dr", null!));
    }
}
