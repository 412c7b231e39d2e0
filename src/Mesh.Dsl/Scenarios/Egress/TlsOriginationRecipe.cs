using Mesh.Dsl.Builders;
using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Scenarios;

/// <summary>Builds the resources of TLS and mutual TLS origination at the sidecar.</summary>
internal static class TlsOriginationRecipe
{
    public static TlsOrigination Build(string host, TlsOriginationOptions o)
    {
        var hosts = new[] { host }.Concat(o.AdditionalHosts.Select(h => Guard.Host(h, nameof(o.AdditionalHosts))));
        var ports = o.Style switch
        {
            TlsOriginationStyle.TargetPort => [ExternalPort.Http(o.HttpPort, o.HttpPortName) with { TargetPort = o.TlsPort }, ExternalPort.Https(o.TlsPort, o.TlsPortName)],
            TlsOriginationStyle.PortRewrite => [ExternalPort.Http(o.HttpPort, o.HttpPortName), ExternalPort.Http(o.TlsPort, o.TlsPortName)],
            _ => new[] { ExternalPort.Http(o.HttpPort, o.HttpPortName), ExternalPort.Https(o.TlsPort, o.TlsPortName) },
        };
        var entry = ExternalServiceEntry.Build(o.ServiceEntryName, hosts, ports, o.Resolution, o.Location, o);

        var rule = OriginatingRule(
            o.DestinationRuleName,
            host,
            o.Style == TlsOriginationStyle.TargetPort ? o.HttpPort : o.TlsPort,
            o.LoadBalancer,
            o.Verification,
            o.Style == TlsOriginationStyle.DedicatedSubset ? o.SubsetName : null);

        var virtualService = o.Style switch
        {
            TlsOriginationStyle.PortRewrite => new VirtualServiceBuilder(o.VirtualServiceName)
                .Hosts(host)
                .Http(r => r.Match(m => m.Port(o.HttpPort)).RouteTo(host, o.TlsPort)),
            TlsOriginationStyle.DedicatedSubset => new VirtualServiceBuilder(o.VirtualServiceName)
                .Hosts(host)
                .Http(r => r.Match(m => m.Port(o.HttpPort)).RouteTo(host, o.TlsPort, o.SubsetName))
                .Tls(r => r.MatchSni(o.TlsPort, host).RouteTo(host, o.TlsPort)),
            _ => null,
        };

        return new TlsOrigination(entry, o.ApplyTo(rule.Build()), virtualService is null ? null : o.ApplyTo(virtualService.Build()));
    }

    /// <summary>
    /// The DestinationRule that originates TLS (mode SIMPLE) on <paramref name="port"/> of <paramref name="host"/>:
    /// in its traffic policy, or only in <paramref name="subset"/> so that traffic routed elsewhere is untouched.
    /// </summary>
    public static DestinationRuleBuilder OriginatingRule(string name, string host, int port, LoadBalancerAlgorithm? loadBalancer, ServerVerification verification, string? subset)
    {
        var rule = new DestinationRuleBuilder(name).Host(host);
        void Originate(TrafficPolicyBuilder policy)
        {
            WithLoadBalancer(policy, loadBalancer);
            policy.PortLevelSettings(port, p => p.Tls(ClientTlsMode.Simple, tls => verification.ApplyTo(tls)));
        }

        if (subset is null)
        {
            return rule.TrafficPolicy(Originate);
        }

        if (loadBalancer is not null)
        {
            rule.TrafficPolicy(p => WithLoadBalancer(p, loadBalancer));
        }

        return rule.Subset(subset, s => s.TrafficPolicy(Originate));
    }

    public static TlsOrigination BuildMutual(string host, MutualTlsOriginationOptions o)
    {
        var hasFiles = o.ClientCertificate is not null || o.PrivateKey is not null;
        if (o.CredentialName is null && !hasFiles)
        {
            throw new ArgumentException("Give the client certificate: CredentialName (a Kubernetes Secret) or ClientCertificate and PrivateKey (files in the proxy).", nameof(o));
        }

        if (o.CredentialName is not null && hasFiles)
        {
            throw new ArgumentException("Give the client certificate either as CredentialName or as ClientCertificate and PrivateKey, not both.", nameof(o));
        }

        if (hasFiles && (o.ClientCertificate is null || o.PrivateKey is null))
        {
            throw new ArgumentException("ClientCertificate and PrivateKey go together: give both files.", nameof(o));
        }

        if (o.CredentialName is not null && o.Verification.CaCertificates is { } ca && ca != ServerVerification.SystemCaBundle)
        {
            throw new ArgumentException(
                $"With CredentialName the Secret's ca.crt verifies the server, and Istio rejects caCertificates next to a credentialName; put the CA into the Secret instead of Verification.CaCertificates (\"{ca}\").",
                nameof(o));
        }

        if (o.CredentialName is not null && o.WorkloadLabels.Count == 0)
        {
            throw new ArgumentException(
                $"CredentialName \"{o.CredentialName}\" is only read by sidecars the DestinationRule selects: set WorkloadLabels to the client workloads' labels (such as app: curl).",
                nameof(o));
        }

        var ports = new[] { ExternalPort.Http(o.HttpPort) with { TargetPort = o.TlsPort }, ExternalPort.Https(o.TlsPort) };
        var entry = ExternalServiceEntry.Build(o.ServiceEntryName, [host], ports, ServiceEntryResolution.Dns, null, o);

        var rule = new DestinationRuleBuilder(o.DestinationRuleName).Host(host);
        foreach (var (key, value) in o.WorkloadLabels)
        {
            rule.WorkloadSelector(key, value);
        }

        rule.TrafficPolicy(policy =>
        {
            WithLoadBalancer(policy, o.LoadBalancer);
            policy.PortLevelSettings(o.HttpPort, p => p.Tls(ClientTlsMode.Mutual, tls =>
            {
                if (o.CredentialName is not null)
                {
                    tls.CredentialName(o.CredentialName);
                }
                else
                {
                    tls.ClientCertificate(o.ClientCertificate!).PrivateKey(o.PrivateKey!);
                }

                o.Verification.ApplyTo(tls, credentialHoldsCa: o.CredentialName is not null);
            }));
        });

        return new TlsOrigination(entry, o.ApplyTo(rule.Build()), null);
    }

    private static void WithLoadBalancer(TrafficPolicyBuilder policy, LoadBalancerAlgorithm? algorithm)
    {
        if (algorithm is { } simple)
        {
            policy.LoadBalancer(simple);
        }
    }
}
