using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Validation;

namespace Mesh.Dsl.Scenarios;

/// <summary>
/// The hints a recipe leaves on the mesh for the warnings its options ask for, each naming the option that
/// settles it (see <see cref="DiagnosticHints"/>). A recipe with its default options produces no warning.
/// </summary>
internal static class RecipeAdvice
{
    /// <summary>IST0128/IST0129 on a TLS-originating DestinationRule whose verification checks no CA.</summary>
    public static void Verification(IstioMesh mesh, string recipe, DestinationRule? rule, ServerVerification verification, bool credentialHoldsCa)
    {
        if (rule is null || verification.Verifies(credentialHoldsCa))
        {
            return;
        }

        var hint = $"{recipe} added it with Verification = ServerVerification.None (or no Verification.CaCertificates); leave Verification at its default, which sets caCertificates to {ServerVerification.SystemCaBundle} and the SNI, or set Verification.CaCertificates.";
        mesh.Hints.Add(rule, DiagnosticCodes.NoServerCertificateVerificationPortLevel, hint);
        mesh.Hints.Add(rule, DiagnosticCodes.NoServerCertificateVerificationDestinationLevel, hint);
    }

    /// <summary>MESH3001 on the ServiceEntry of <see cref="EgressScenarios.ExternalService(IEnumerable{string}, Action{ExternalServiceOptions})"/> when its ports include plain HTTP.</summary>
    public static void PlainHttpPorts(IstioMesh mesh, ServiceEntry entry, IEnumerable<ExternalPort> ports)
    {
        var http = ports.Where(p => p.Protocol == Protocols.Http).Select(p => p.Number).ToList();
        if (http.Count > 0)
        {
            mesh.Hints.Add(entry, DiagnosticCodes.PlaintextExternalEgress, $"ExternalService added it with plain HTTP port {string.Join(", ", http)} in Ports (ExternalPort.Http); leave Ports at its default (HTTPS on 443 only), or use OriginateTls so the sidecar encrypts port 80.");
        }
    }

    /// <summary>MESH3002 on the ServiceEntry of a wildcard host, which needs resolution NONE.</summary>
    public static void WildcardHosts(IstioMesh mesh, ServiceEntry entry, IEnumerable<string> hosts)
    {
        var wildcards = hosts.Where(h => h.StartsWith('*')).ToList();
        if (wildcards.Count > 0)
        {
            mesh.Hints.Add(entry, DiagnosticCodes.WildcardEgressWithResolutionNone, $"ExternalService added it for the wildcard host {string.Join(", ", wildcards)} (resolution NONE); give ExternalService the exact hosts instead, or send the traffic through the egress gateway with RouteThroughGateway.");
        }
    }

    /// <summary>MESH3001 on the ServiceEntry of TLS origination when further hosts keep plain HTTP on the HTTP port.</summary>
    public static void AdditionalHosts(IstioMesh mesh, ServiceEntry entry, IReadOnlyCollection<string> hosts)
    {
        if (hosts.Count > 0)
        {
            mesh.Hints.Add(entry, DiagnosticCodes.PlaintextExternalEgress, $"OriginateTls added it with AdditionalHosts {string.Join(", ", hosts)}, which keep plain HTTP on the HTTP port; remove them from AdditionalHosts and call OriginateTls for each.");
        }
    }

    /// <summary>MESH3001 on the ServiceEntry of egress gateway routing of plain HTTP.</summary>
    public static void GatewayTraffic(IstioMesh mesh, ServiceEntry entry, EgressGatewayTraffic traffic)
    {
        if (traffic == EgressGatewayTraffic.Http)
        {
            mesh.Hints.Add(entry, DiagnosticCodes.PlaintextExternalEgress, "RouteThroughGateway added it with EgressGatewayTraffic.Http; use EgressGatewayTraffic.HttpWithTlsOrigination (the default) so the gateway originates TLS, or TlsPassthrough for HTTPS from the app.");
        }
    }
}
