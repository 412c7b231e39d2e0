using Mesh.Dsl.Builders;
using System.Globalization;
using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Model.Security;

namespace Mesh.Dsl.Scenarios;

/// <summary>
/// Builds egress gateway routing: sidecars (gateway <c>mesh</c>) send the host's traffic to the egress
/// gateway, the gateway sends it on to the external host.
/// </summary>
internal static class EgressGatewayRecipe
{
    private const string Mesh = "mesh";

    public static EgressGatewayRoute Build(string host, EgressGatewayOptions o)
    {
        Guard.Host(o.GatewayService, nameof(o.GatewayService));
        var passthrough = o.Traffic == EgressGatewayTraffic.TlsPassthrough;
        var originate = o.Traffic == EgressGatewayTraffic.HttpWithTlsOrigination;

        // Passthrough carries only TLS; a plain HTTP port would let the app's HTTP leave the mesh unencrypted.
        ExternalPort[] ports = passthrough
            ? [ExternalPort.Https(o.TlsPort, o.TlsPortName)]
            : [ExternalPort.Http(o.HttpPort, o.HttpPortName), ExternalPort.Https(o.TlsPort, o.TlsPortName)];
        var entry = ExternalServiceEntry.Build(o.ServiceEntryName, [host], ports, o.Resolution, null, o);

        var gateway = new GatewayBuilder(o.GatewayName);
        foreach (var (key, value) in o.GatewaySelector)
        {
            gateway.Selector(key, value);
        }

        gateway.Server(s =>
        {
            if (passthrough)
            {
                s.Port(o.TlsPort, o.GatewayTlsPortName, Protocols.Tls).Hosts(host).Tls(t => t.Mode(ServerTlsMode.Passthrough));
            }
            else
            {
                s.Port(o.HttpPort, o.HttpPortName, Protocols.Http).Hosts(host);
            }
        });

        var gatewayRule = new DestinationRuleBuilder(o.GatewayDestinationRuleName).Host(o.GatewayService).Subset(o.GatewaySubsetName);

        var port = passthrough ? o.TlsPort : o.HttpPort;
        var virtualService = new VirtualServiceBuilder(o.VirtualServiceName).Hosts(host).Gateways(o.GatewayName, Mesh);
        if (passthrough)
        {
            virtualService
                .Tls(r => r.Match(m => m.Gateways(Mesh).Port(port).SniHosts(host)).RouteTo(o.GatewayService, port, o.GatewaySubsetName, o.RouteWeight))
                .Tls(r => r.Match(m => m.Gateways(o.GatewayName).Port(port).SniHosts(host)).RouteTo(host, port, weight: o.RouteWeight));
        }
        else
        {
            virtualService
                .Http(r => r.Match(m => m.Gateways(Mesh).Port(port)).RouteTo(o.GatewayService, port, o.GatewaySubsetName, o.RouteWeight))
                .Http(r => r.Match(m => m.Gateways(o.GatewayName).Port(port)).RouteTo(
                    host, originate ? o.TlsPort : port, originate ? o.TlsSubsetName : null, o.RouteWeight));
        }

        var tlsRule = originate
            ? TlsOriginationRecipe.OriginatingRule(o.TlsDestinationRuleName, host, o.TlsPort, o.LoadBalancer, o.Verification, o.TlsSubsetName)
            : null;

        return new EgressGatewayRoute(
            entry,
            o.ApplyTo(gateway.Build()),
            o.ApplyTo(gatewayRule.Build()),
            o.ApplyTo(virtualService.Build()),
            tlsRule is null ? null : o.ApplyTo(tlsRule.Build()),
            AllowOnly(host, passthrough, o));
    }

    /// <summary>
    /// The ALLOW policy on the gateway's pods for <see cref="EgressGatewayOptions.AllowedNamespaces"/> and
    /// <see cref="EgressGatewayOptions.AllowedPrincipals"/>: one rule whose sources are alternatives (each
    /// <c>from</c> entry is ORed, fields within one are ANDed) and whose target is this host only.
    /// </summary>
    private static AuthorizationPolicy? AllowOnly(string host, bool passthrough, EgressGatewayOptions o)
    {
        if (o.AllowedNamespaces.Count == 0 && o.AllowedPrincipals.Count == 0)
        {
            return null;
        }

        var namespaces = o.AllowedNamespaces.Select(n => Guard.NamespaceName(n, nameof(o.AllowedNamespaces))).ToArray();
        var principals = o.AllowedPrincipals.Select(p => Guard.NotEmpty(p, nameof(o.AllowedPrincipals))).ToArray();
        var gatewayNamespace = Guard.NamespaceName(o.GatewayNamespace ?? NamespaceOf(o.GatewayService), nameof(o.GatewayNamespace));

        var policy = new AuthorizationPolicyBuilder(o.AuthorizationPolicyName)
            .Selector(s =>
            {
                foreach (var (key, value) in o.GatewaySelector)
                {
                    s.MatchLabels(key, value);
                }
            })
            .Action(AuthorizationPolicyAction.Allow)
            .Rules(r =>
            {
                if (namespaces.Length > 0)
                {
                    r.From(f => f.Source(s => s.Namespaces(namespaces)));
                }

                if (principals.Length > 0)
                {
                    r.From(f => f.Source(s => s.Principals(principals)));
                }

                // Passed-through TLS has no Host header, so an HTTP-only field would never match; the SNI
                // names the host instead.
                if (passthrough)
                {
                    r.To(t => t.Operation(op => op.Ports(o.TlsPort.ToString(CultureInfo.InvariantCulture))))
                        .When(c => c.Key("connection.sni").Values(host));
                }
                else
                {
                    r.To(t => t.Operation(op => op.Hosts(host)));
                }
            })
            .Build();
        policy.ApiVersion = ApiVersions.SecurityV1;
        policy.MetadataNamespace = gatewayNamespace;
        return policy;
    }

    /// <summary>The namespace in a service host <c>name.namespace.svc...</c>; a host without one names no namespace.</summary>
    private static string NamespaceOf(string serviceHost)
    {
        var labels = serviceHost.Split('.');
        return labels.Length >= 2
            ? labels[1]
            : throw new ArgumentException($"The gateway service \"{serviceHost}\" names no namespace; set GatewayNamespace to the egress gateway's namespace.", nameof(serviceHost));
    }
}
