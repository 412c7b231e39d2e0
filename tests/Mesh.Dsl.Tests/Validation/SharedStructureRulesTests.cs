using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Serialization;
using Mesh.Dsl.Validation;
using static Mesh.Dsl.Tests.Validation.ValidationTestHelper;

namespace Mesh.Dsl.Tests.Validation;

/// <summary>
/// Catalogue §2 rules (connection pool, traffic policy, outlier detection, load balancer, server TLS): each row
/// is a failing spec with its exact diagnostic and a passing spec that differs only in the offending field.
/// </summary>
public class SharedStructureRulesTests
{
    private const string E = "error";
    private const string W = "warning";

    [Theory]
    // CP-06, CP-10
    [InlineData("connectionPool: {http: {http2KeepAlive: {interval: 30s}}}", "connectionPool: {http: {http2KeepAlive: {interval: 30s, timeout: 10s}}}", DiagnosticCodes.MissingField, E, "spec.trafficPolicy.connectionPool.http.http2KeepAlive")]
    [InlineData("connectionPool: {http: {http2KeepAlive: {interval: 1500us, timeout: 10s}}}", "connectionPool: {http: {http2KeepAlive: {interval: 2ms, timeout: 10s}}}", DiagnosticCodes.InvalidDuration, E, "spec.trafficPolicy.connectionPool.http.http2KeepAlive.interval")]
    [InlineData("connectionPool: {tcp: {tcpKeepalive: {time: 0s}}}", "connectionPool: {tcp: {tcpKeepalive: {time: 7200s}}}", DiagnosticCodes.InvalidDuration, E, "spec.trafficPolicy.connectionPool.tcp.tcpKeepalive.time")]
    [InlineData("connectionPool: {tcp: {tcpKeepalive: {interval: 1500us}}}", "connectionPool: {tcp: {tcpKeepalive: {interval: 75s}}}", DiagnosticCodes.InvalidDuration, E, "spec.trafficPolicy.connectionPool.tcp.tcpKeepalive.interval")]
    // TP-08, OD-05
    [InlineData("retryBudget: {percent: 120}", "retryBudget: {percent: 20}", DiagnosticCodes.InvalidPercentage, E, "spec.trafficPolicy.retryBudget.percent")]
    [InlineData("outlierDetection: {outlierDetectionHttpErrorCodes: [503, 600]}", "outlierDetection: {outlierDetectionHttpErrorCodes: [503, 599]}", DiagnosticCodes.InvalidTrafficPolicy, E, "spec.trafficPolicy.outlierDetection.outlierDetectionHttpErrorCodes[1]")]
    // LB-04
    [InlineData("loadBalancer: {consistentHash: {httpCookie: {ttl: 0s}}}", "loadBalancer: {consistentHash: {httpCookie: {name: user, ttl: 0s}}}", DiagnosticCodes.MissingField, E, "spec.trafficPolicy.loadBalancer.consistentHash.httpCookie.name")]
    [InlineData("loadBalancer: {consistentHash: {httpCookie: {name: u, attributes: [{name: SameSite, value: Lax}, {name: SameSite}]}}}", "loadBalancer: {consistentHash: {httpCookie: {name: u, attributes: [{name: SameSite, value: Lax}, {name: Secure}]}}}", DiagnosticCodes.InvalidTrafficPolicy, E, "spec.trafficPolicy.loadBalancer.consistentHash.httpCookie.attributes[1].name")]
    [InlineData("loadBalancer: {consistentHash: {httpCookie: {name: u, attributes: [{value: Lax}]}}}", "loadBalancer: {consistentHash: {httpCookie: {name: u, attributes: [{name: SameSite, value: Lax}]}}}", DiagnosticCodes.MissingField, E, "spec.trafficPolicy.loadBalancer.consistentHash.httpCookie.attributes[0].name")]
    // LB-05
    [InlineData("loadBalancer: {consistentHash: {useSourceIp: true, minimumRingSize: 1024}}", "loadBalancer: {consistentHash: {useSourceIp: true, ringHash: {minimumRingSize: 1024}}}", DiagnosticCodes.Deprecated, W, "spec.trafficPolicy.loadBalancer.consistentHash.minimumRingSize")]
    [InlineData("loadBalancer: {consistentHash: {useSourceIp: true, minimumRingSize: 1024, ringHash: {minimumRingSize: 1024}}}", "loadBalancer: {consistentHash: {useSourceIp: true, ringHash: {minimumRingSize: 1024}}}", DiagnosticCodes.ConflictingFields, E, "spec.trafficPolicy.loadBalancer.consistentHash.minimumRingSize")]
    // LB-06
    [InlineData("loadBalancer: {consistentHash: {useSourceIp: true, maglev: {tableSize: 65536}}}", "loadBalancer: {consistentHash: {useSourceIp: true, maglev: {tableSize: 65537}}}", DiagnosticCodes.InvalidTrafficPolicy, E, "spec.trafficPolicy.loadBalancer.consistentHash.maglev.tableSize")]
    [InlineData("loadBalancer: {consistentHash: {useSourceIp: true, maglev: {tableSize: 5000011}}}", "loadBalancer: {consistentHash: {useSourceIp: true, maglev: {tableSize: 4999999}}}", DiagnosticCodes.InvalidTrafficPolicy, E, "spec.trafficPolicy.loadBalancer.consistentHash.maglev.tableSize")]
    [InlineData("loadBalancer: {consistentHash: {useSourceIp: true, maglev: {}}}", "loadBalancer: {consistentHash: {useSourceIp: true, maglev: {tableSize: 251}}}", DiagnosticCodes.InvalidTrafficPolicy, E, "spec.trafficPolicy.loadBalancer.consistentHash.maglev.tableSize")]
    // LB-07, LB-08, LB-09
    [InlineData("loadBalancer: {localityLbSetting: {enabled: true}, zoneAwareLbSetting: {enabled: true}}", "loadBalancer: {zoneAwareLbSetting: {enabled: true}}", DiagnosticCodes.ConflictingFields, E, "spec.trafficPolicy.loadBalancer.zoneAwareLbSetting")]
    [InlineData("outlierDetection: {consecutive5xxErrors: 5}\nloadBalancer: {localityLbSetting: {distribute: [{from: us-west/*, to: {us-west/*: 100}}], failover: [{from: us-east, to: eu-west}]}}", "outlierDetection: {consecutive5xxErrors: 5}\nloadBalancer: {localityLbSetting: {failover: [{from: us-east, to: eu-west}]}}", DiagnosticCodes.ConflictingFields, E, "spec.trafficPolicy.loadBalancer.localityLbSetting.failover")]
    [InlineData("outlierDetection: {consecutive5xxErrors: 5}\nloadBalancer: {localityLbSetting: {failover: [{from: us-east, to: eu-west}], failoverPriority: [topology.kubernetes.io/zone]}}", "outlierDetection: {consecutive5xxErrors: 5}\nloadBalancer: {localityLbSetting: {failover: [{from: us-east, to: eu-west}], failoverPriority: [network]}}", DiagnosticCodes.ConflictingFields, E, "spec.trafficPolicy.loadBalancer.localityLbSetting.failoverPriority")]
    // LB-10, LB-11
    [InlineData("loadBalancer: {localityLbSetting: {distribute: [{from: us-west/*, to: {us-west/*: 80, us-east/*: 10}}]}}", "loadBalancer: {localityLbSetting: {distribute: [{from: us-west/*, to: {us-west/*: 80, us-east/*: 20}}]}}", DiagnosticCodes.InvalidTrafficPolicy, E, "spec.trafficPolicy.loadBalancer.localityLbSetting.distribute[0].to")]
    [InlineData("loadBalancer: {localityLbSetting: {distribute: [{from: us-west/*, to: {us-west/*: 0, us-east/*: 100}}]}}", "loadBalancer: {localityLbSetting: {distribute: [{from: us-west/*, to: {us-west/*: 1, us-east/*: 99}}]}}", DiagnosticCodes.InvalidTrafficPolicy, E, "spec.trafficPolicy.loadBalancer.localityLbSetting.distribute[0].to[us-west/*]")]
    [InlineData("loadBalancer: {localityLbSetting: {distribute: [{from: us-west/*, to: {us-west/*: 50, us-west/zone1: 50}}]}}", "loadBalancer: {localityLbSetting: {distribute: [{from: us-west/*, to: {us-west/zone2: 50, us-west/zone1: 50}}]}}", DiagnosticCodes.InvalidTrafficPolicy, E, "spec.trafficPolicy.loadBalancer.localityLbSetting.distribute[0].to[us-west/zone1]")]
    [InlineData("loadBalancer: {localityLbSetting: {distribute: [{from: '*/zone1', to: {us-west: 100}}]}}", "loadBalancer: {localityLbSetting: {distribute: [{from: 'us-west/zone1', to: {us-west: 100}}]}}", DiagnosticCodes.InvalidTrafficPolicy, E, "spec.trafficPolicy.loadBalancer.localityLbSetting.distribute[0].from")]
    [InlineData("loadBalancer: {localityLbSetting: {distribute: [{from: 'us-west//z', to: {us-west: 100}}]}}", "loadBalancer: {localityLbSetting: {distribute: [{from: 'us-west/a/z', to: {us-west: 100}}]}}", DiagnosticCodes.InvalidTrafficPolicy, E, "spec.trafficPolicy.loadBalancer.localityLbSetting.distribute[0].from")]
    [InlineData("loadBalancer: {localityLbSetting: {distribute: [{from: us-west, to: {us-west: 100}}, {from: us-west/zone1, to: {us-west: 100}}]}}", "loadBalancer: {localityLbSetting: {distribute: [{from: us-west, to: {us-west: 100}}, {from: us-east/zone1, to: {us-west: 100}}]}}", DiagnosticCodes.InvalidTrafficPolicy, E, "spec.trafficPolicy.loadBalancer.localityLbSetting.distribute[1].from")]
    // LB-12, LB-13, LB-14
    [InlineData("loadBalancer: {localityLbSetting: {failover: [{from: us-east, to: eu-west}]}}", "outlierDetection: {consecutive5xxErrors: 5}\nloadBalancer: {localityLbSetting: {failover: [{from: us-east, to: eu-west}]}}", DiagnosticCodes.IgnoredField, W, "spec.trafficPolicy.loadBalancer.localityLbSetting")]
    [InlineData("outlierDetection: {consecutive5xxErrors: 5}\nloadBalancer: {localityLbSetting: {failover: [{from: us-east/zone1, to: eu-west}]}}", "outlierDetection: {consecutive5xxErrors: 5}\nloadBalancer: {localityLbSetting: {failover: [{from: us-east, to: eu-west}]}}", DiagnosticCodes.InvalidTrafficPolicy, E, "spec.trafficPolicy.loadBalancer.localityLbSetting.failover[0]")]
    [InlineData("outlierDetection: {consecutive5xxErrors: 5}\nloadBalancer: {localityLbSetting: {failover: [{from: us-east, to: us-east}]}}", "outlierDetection: {consecutive5xxErrors: 5}\nloadBalancer: {localityLbSetting: {failover: [{from: us-east, to: us-west}]}}", DiagnosticCodes.InvalidTrafficPolicy, E, "spec.trafficPolicy.loadBalancer.localityLbSetting.failover[0]")]
    [InlineData("outlierDetection: {consecutive5xxErrors: 5}\nloadBalancer: {zoneAwareLbSetting: {failoverPriority: [topology.istio.io/subzone]}}", "outlierDetection: {consecutive5xxErrors: 5}\nloadBalancer: {zoneAwareLbSetting: {failoverPriority: [network]}}", DiagnosticCodes.InvalidTrafficPolicy, E, "spec.trafficPolicy.loadBalancer.zoneAwareLbSetting.failoverPriority")]
    [InlineData("loadBalancer: {zoneAwareLbSetting: {minClusterSize: 0}}", "loadBalancer: {zoneAwareLbSetting: {minClusterSize: 1}}", DiagnosticCodes.InvalidTrafficPolicy, E, "spec.trafficPolicy.loadBalancer.zoneAwareLbSetting.minClusterSize")]
    // LB-15, LB-16
    [InlineData("loadBalancer: {simple: ROUND_ROBIN, warmup: {aggression: 2}}", "loadBalancer: {simple: ROUND_ROBIN, warmup: {duration: 60s, aggression: 2}}", DiagnosticCodes.MissingField, E, "spec.trafficPolicy.loadBalancer.warmup.duration")]
    [InlineData("loadBalancer: {simple: ROUND_ROBIN, warmup: {duration: 60s, aggression: 0}}", "loadBalancer: {simple: ROUND_ROBIN, warmup: {duration: 60s, aggression: 1}}", DiagnosticCodes.InvalidTrafficPolicy, E, "spec.trafficPolicy.loadBalancer.warmup.aggression")]
    [InlineData("loadBalancer: {simple: ROUND_ROBIN, warmup: {duration: 60s, minimumPercent: 101}}", "loadBalancer: {simple: ROUND_ROBIN, warmup: {duration: 60s, minimumPercent: 10}}", DiagnosticCodes.InvalidPercentage, E, "spec.trafficPolicy.loadBalancer.warmup.minimumPercent")]
    [InlineData("loadBalancer: {simple: ROUND_ROBIN, warmup: {duration: 1500us}}", "loadBalancer: {simple: ROUND_ROBIN, warmup: {duration: 2ms}}", DiagnosticCodes.InvalidDuration, E, "spec.trafficPolicy.loadBalancer.warmup.duration")]
    [InlineData("loadBalancer: {simple: ROUND_ROBIN, warmupDurationSecs: 500us}", "loadBalancer: {simple: ROUND_ROBIN, warmupDurationSecs: 60s}", DiagnosticCodes.InvalidDuration, E, "spec.trafficPolicy.loadBalancer.warmupDurationSecs")]
    public void Traffic_policy_rule(string invalid, string valid, string code, string severity, string path)
    {
        Expect(Rule(invalid), Rule(valid), code, severity, path);

        static string Rule(string policy) => Resource("DestinationRule", "host: a.svc.cluster.local\ntrafficPolicy:\n" + Indent(policy));
    }

    [Fact]
    public void Port_level_load_balancer_is_checked_too()
    {
        var yaml = Resource("DestinationRule", "host: a.svc.cluster.local\ntrafficPolicy: {portLevelSettings: [{port: {number: 80}, loadBalancer: {consistentHash: {useSourceIp: true, maglev: {tableSize: 100}}}}]}");
        var diagnostic = Single(Validate(yaml), DiagnosticCodes.InvalidTrafficPolicy);
        Assert.Equal("spec.trafficPolicy.portLevelSettings[0].loadBalancer.consistentHash.maglev.tableSize", diagnostic.Path);
    }

    [Fact]
    public void More_than_4096_port_level_settings_are_rejected()
    {
        var rule = (DestinationRule)MeshYaml.Read(Resource("DestinationRule", "host: a.svc.cluster.local\ntrafficPolicy: {tls: {mode: ISTIO_MUTUAL}}"))[0];
        for (uint p = 1; p <= 4097; p++)
        {
            rule.Spec.TrafficPolicy!.PortLevelSettings.Add(new PortTrafficPolicy { Port = new PortSelector { Number = p }, Tls = new ClientTlsSettings { Mode = ClientTlsMode.IstioMutual } });
        }

        var diagnostic = Single(new MeshValidator().Validate([rule]), DiagnosticCodes.InvalidTrafficPolicy);
        Assert.Equal("spec.trafficPolicy.portLevelSettings", diagnostic.Path);
        rule.Spec.TrafficPolicy!.PortLevelSettings.RemoveAt(0);
        AssertNone(new MeshValidator().Validate([rule]), DiagnosticCodes.InvalidTrafficPolicy);
    }

    [Theory]
    [InlineData("loadBalancer: {simple: RANDOM, consistentHash: {useSourceIp: true}}")]
    [InlineData("loadBalancer: {consistentHash: {useSourceIp: true, httpHeaderName: x-user}}")]
    [InlineData("loadBalancer: {consistentHash: {useSourceIp: true, ringHash: {minimumRingSize: 8}, maglev: {tableSize: 251}}}")]
    public void Two_members_of_a_load_balancer_one_of_are_a_read_error(string policy)
    {
        // LB-01 and LB-03: the model keeps one member (setters clear the others); a file with two is rejected when read.
        var file = Path.Combine(Path.GetTempPath(), $"mesh-lb-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, Resource("DestinationRule", "host: a.svc.cluster.local\ntrafficPolicy:\n" + Indent(policy)));
        try
        {
            var diagnostic = Single(new MeshValidator().ValidateFiles([file]), DiagnosticCodes.ReadError);
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
            Assert.Equal(file, diagnostic.File);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Setting_one_load_balancer_algorithm_clears_the_other()
    {
        var settings = new LoadBalancerSettings { Simple = LoadBalancerAlgorithm.Random };
        settings.ConsistentHash = new ConsistentHashLB { UseSourceIp = true };
        Assert.Null(settings.Simple);
    }

    [Theory]
    [InlineData("spec.trafficPolicy.connectionPool.http.h2UpgradePolicy")]
    [InlineData("spec.trafficPolicy.proxyProtocol.version")]
    [InlineData("spec.trafficPolicy.loadBalancer.simple")]
    public void Enum_value_outside_the_crd_enum_is_rejected(string path)
    {
        // CP-04, TP-07, LB-02.
        var yaml = Resource("DestinationRule", "host: a.svc.cluster.local\ntrafficPolicy: {connectionPool: {http: {h2UpgradePolicy: UPGRADE}}, loadBalancer: {simple: RANDOM}, proxyProtocol: {version: V2}}");
        ExpectInvalidEnum<DestinationRule>(yaml, rule => Corrupt(rule.Spec.TrafficPolicy!), path);

        void Corrupt(TrafficPolicy policy)
        {
            if (path.EndsWith("h2UpgradePolicy", StringComparison.Ordinal))
            {
                policy.ConnectionPool!.Http!.H2UpgradePolicy = (H2UpgradePolicy)7;
            }
            else if (path.EndsWith("version", StringComparison.Ordinal))
            {
                policy.ProxyProtocol!.Version = (ProxyProtocolVersion)7;
            }
            else
            {
                policy.LoadBalancer!.Simple = (LoadBalancerAlgorithm)42;
            }
        }
    }

    [Theory]
    // ST-03, ST-04
    [InlineData("{mode: SIMPLE, credentialName: c, minProtocolVersion: TLSV1_1}", "{mode: SIMPLE, credentialName: c, minProtocolVersion: TLSV1_1, cipherSuites: [ECDHE-RSA-AES128-SHA]}", DiagnosticCodes.InvalidServerTls, W, "spec.servers[0].tls.minProtocolVersion")]
    [InlineData("{mode: SIMPLE, credentialName: c, cipherSuites: [ECDHE-RSA-AES128-GCM-SHA256, RC4-MD5]}", "{mode: SIMPLE, credentialName: c, cipherSuites: [ECDHE-RSA-AES128-GCM-SHA256, '-RC4-MD5']}", DiagnosticCodes.IgnoredField, W, "spec.servers[0].tls.cipherSuites[1]")]
    [InlineData("{mode: SIMPLE, credentialName: c, cipherSuites: [AES128-SHA, AES128-SHA]}", "{mode: SIMPLE, credentialName: c, cipherSuites: [AES128-SHA, ALL]}", DiagnosticCodes.IgnoredField, W, "spec.servers[0].tls.cipherSuites[1]")]
    // ST-08
    [InlineData("{mode: SIMPLE, credentialNames: [a, b, c]}", "{mode: SIMPLE, credentialNames: [a, b]}", DiagnosticCodes.InvalidServerTls, E, "spec.servers[0].tls.credentialNames")]
    [InlineData("{mode: SIMPLE, tlsCertificates: [{serverCertificate: /a, privateKey: /a}, {serverCertificate: /b, privateKey: /b}, {serverCertificate: /c, privateKey: /c}]}", "{mode: SIMPLE, tlsCertificates: [{serverCertificate: /a, privateKey: /a}, {serverCertificate: /b, privateKey: /b}]}", DiagnosticCodes.InvalidServerTls, E, "spec.servers[0].tls.tlsCertificates")]
    // ST-11
    [InlineData("{mode: SIMPLE, serverCertificate: /c, privateKey: /k, caCrl: /crl}", "{mode: MUTUAL, serverCertificate: /c, privateKey: /k, caCertificates: /ca, caCrl: /crl}", DiagnosticCodes.ConflictingFields, E, "spec.servers[0].tls.caCrl")]
    [InlineData("{mode: MUTUAL, credentialName: c, caCrl: /crl}", "{mode: MUTUAL, credentialName: c}", DiagnosticCodes.ConflictingFields, E, "spec.servers[0].tls.caCrl")]
    public void Server_tls_rule(string invalid, string valid, string code, string severity, string path)
    {
        Expect(Server(invalid), Server(valid), code, severity, path);

        static string Server(string tls) => Resource("Gateway", $"selector: {{istio: ingressgateway}}\nservers: [{{port: {{number: 443, name: https, protocol: HTTPS}}, hosts: ['a.com'], tls: {tls}}}]");
    }

    [Theory]
    [InlineData("mode")]
    [InlineData("minProtocolVersion")]
    [InlineData("maxProtocolVersion")]
    public void Server_tls_enum_outside_the_crd_enum_is_rejected(string field)
    {
        // ST-01, ST-02.
        var yaml = Resource("Gateway", "selector: {istio: ingressgateway}\nservers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: ['a.com'], tls: {mode: SIMPLE, credentialName: c, minProtocolVersion: TLSV1_2, maxProtocolVersion: TLSV1_3}}]");
        ExpectInvalidEnum<Gateway>(yaml, gateway => Corrupt(gateway.Spec.Servers[0].Tls!), $"spec.servers[0].tls.{field}");

        void Corrupt(ServerTlsSettings tls)
        {
            switch (field)
            {
                case "mode":
                    tls.Mode = (ServerTlsMode)9;
                    break;
                case "minProtocolVersion":
                    tls.MinProtocolVersion = (TlsProtocolVersion)9;
                    break;
                default:
                    tls.MaxProtocolVersion = (TlsProtocolVersion)9;
                    break;
            }
        }
    }

    internal static void Expect(string invalidYaml, string validYaml, string code, string severity, string path)
    {
        var diagnostics = Validate(invalidYaml, securityAdvice: false);
        var matching = diagnostics.Where(d => d.Code == code && d.Path == path).ToList();
        Assert.True(matching.Count == 1, $"expected one {code} at {path}, got:\n" + string.Join("\n", diagnostics));
        Assert.Equal(severity, Diagnostic.SeverityName(matching[0].Severity));
        Assert.EndsWith(".", matching[0].Message, StringComparison.Ordinal);
        var passing = Validate(validYaml, securityAdvice: false);
        Assert.True(!passing.Any(d => d.Code == code && d.Path.StartsWith(path, StringComparison.Ordinal)), $"expected no {code} at {path} in the valid variant, got:\n" + string.Join("\n", passing));
    }

    internal static string Indent(string text) => string.Join("\n", text.Split('\n').Select(l => "  " + l));
}
