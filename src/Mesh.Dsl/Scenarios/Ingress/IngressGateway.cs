using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Scenarios;

/// <summary>What <see cref="IngressScenarios.Gateway(string, Action{IngressGatewayOptions})"/> added.</summary>
/// <param name="Gateway">The Gateway on the ingress gateway's pods.</param>
/// <param name="VirtualService">The VirtualService bound to it, with the same hosts.</param>
public sealed record IngressGateway(Gateway Gateway, VirtualService VirtualService);
