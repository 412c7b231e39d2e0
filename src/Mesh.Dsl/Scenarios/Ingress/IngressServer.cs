using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Scenarios;

/// <summary>A server (a port with its protocol and TLS settings) of an ingress Gateway.</summary>
/// <param name="Port">The port number on the gateway.</param>
/// <param name="Name">The port's name.</param>
/// <param name="Protocol">The protocol, one of <see cref="Protocols"/>.</param>
/// <param name="TlsMode">How the gateway handles TLS; null for plain HTTP.</param>
/// <param name="CredentialName">The Kubernetes Secret with the gateway's certificate (and, for mutual TLS, the CA certificate), for terminated TLS.</param>
/// <param name="HttpsRedirect">For plain HTTP: answer every request with a redirect to HTTPS.</param>
public sealed record IngressServer(int Port, string Name, string Protocol, ServerTlsMode? TlsMode = null, string? CredentialName = null, bool HttpsRedirect = false)
{
    /// <summary>Whether the gateway passes TLS through to the service without terminating it.</summary>
    public bool IsPassthrough => TlsMode == ServerTlsMode.Passthrough;
}
