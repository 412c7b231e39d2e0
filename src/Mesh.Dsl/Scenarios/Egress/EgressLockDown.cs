using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Scenarios;

/// <summary>What <see cref="EgressScenarios.LockDown(string, Action{LockDownOptions})"/> added.</summary>
/// <param name="Sidecar">The Sidecar with <c>outboundTrafficPolicy: REGISTRY_ONLY</c>.</param>
public sealed record EgressLockDown(Sidecar Sidecar);
