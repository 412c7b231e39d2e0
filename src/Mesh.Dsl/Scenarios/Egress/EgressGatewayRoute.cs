using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Model.Security;

namespace Mesh.Dsl.Scenarios;

/// <summary>What <see cref="EgressScenarios.RouteThroughGateway(string, EgressGatewayTraffic, Action{EgressGatewayOptions})"/> added.</summary>
/// <param name="ServiceEntry">The ServiceEntry for the external host.</param>
/// <param name="Gateway">The Gateway on the egress gateway's pods.</param>
/// <param name="GatewayDestinationRule">The DestinationRule that defines the subset of the gateway's service.</param>
/// <param name="VirtualService">The VirtualService with the routes from the sidecars to the gateway and from the gateway to the host.</param>
/// <param name="TlsDestinationRule">The DestinationRule that originates TLS at the gateway, for <see cref="EgressGatewayTraffic.HttpWithTlsOrigination"/>; otherwise null.</param>
/// <param name="AuthorizationPolicy">The AuthorizationPolicy on the gateway's pods that lets only <see cref="EgressGatewayOptions.AllowedNamespaces"/> and <see cref="EgressGatewayOptions.AllowedPrincipals"/> send this host's traffic; null when neither is set.</param>
public sealed record EgressGatewayRoute(
    ServiceEntry ServiceEntry,
    Gateway Gateway,
    DestinationRule GatewayDestinationRule,
    VirtualService VirtualService,
    DestinationRule? TlsDestinationRule,
    AuthorizationPolicy? AuthorizationPolicy = null);
