using Mesh.Dsl.Builders;
using Mesh.Dsl.Model.Networking;

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
            tlsRule is null ? null : o.ApplyTo(tlsRule.Build()));
    }
}
