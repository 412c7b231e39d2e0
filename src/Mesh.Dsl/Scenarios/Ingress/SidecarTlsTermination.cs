using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Model.Security;

namespace Mesh.Dsl.Scenarios;

/// <summary>What <see cref="IngressScenarios.TerminateTlsAtSidecar(string, Action{SidecarTlsTerminationOptions})"/> added.</summary>
/// <param name="NamespacePolicy">The namespace-wide STRICT PeerAuthentication, or null when it was not asked for.</param>
/// <param name="PortPolicy">The PeerAuthentication that turns mesh mTLS off on the exposed port.</param>
/// <param name="Sidecar">The Sidecar whose ingress listener terminates TLS.</param>
public sealed record SidecarTlsTermination(PeerAuthentication? NamespacePolicy, PeerAuthentication PortPolicy, Sidecar Sidecar);
