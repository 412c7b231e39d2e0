using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>TLS for connections to the upstream service (Istio message <c>ClientTLSSettings</c>).</summary>
public sealed class ClientTlsSettings
{
    internal static readonly MessageSchema<ClientTlsSettings> Schema = new MessageSchema<ClientTlsSettings>("ClientTLSSettings", () => new())
        .Field("mode", x => x.Mode, (x, v) => x.Mode = v, Codecs.Enum<ClientTlsMode>())
        .Field("clientCertificate", x => x.ClientCertificate, (x, v) => x.ClientCertificate = v, Codecs.String)
        .Field("privateKey", x => x.PrivateKey, (x, v) => x.PrivateKey = v, Codecs.String)
        .Field("caCertificates", x => x.CaCertificates, (x, v) => x.CaCertificates = v, Codecs.String)
        .Field("credentialName", x => x.CredentialName, (x, v) => x.CredentialName = v, Codecs.String)
        .Field("subjectAltNames", x => x._subjectAltNames!, (x, v) => x.SubjectAltNames = v, Codecs.StringList)
        .Field("sni", x => x.Sni, (x, v) => x.Sni = v, Codecs.String)
        .Field("insecureSkipVerify", x => x.InsecureSkipVerify, (x, v) => x.InsecureSkipVerify = v, Codecs.Bool)
        .Field("caCrl", x => x.CaCrl, (x, v) => x.CaCrl = v, Codecs.String);

    /// <summary>Whether and how TLS is used: <c>DISABLE</c> (the default), <c>SIMPLE</c>, <c>MUTUAL</c>, <c>ISTIO_MUTUAL</c>.</summary>
    public ClientTlsMode? Mode { get; set; }

    /// <summary>The path of the client certificate file; required for <c>MUTUAL</c> without a credential name.</summary>
    public string? ClientCertificate { get; set; }

    /// <summary>The path of the client's private key file; required for <c>MUTUAL</c> without a credential name.</summary>
    public string? PrivateKey { get; set; }

    /// <summary>The path of the CA certificates that verify the server; without it, the OS's CAs.</summary>
    public string? CaCertificates { get; set; }

    /// <summary>
    /// The secret holding the client certificate, key and CA (<c>key</c>, <c>cert</c>, <c>cacert</c>);
    /// used by gateways, and by sidecars only when the rule has a workload selector.
    /// </summary>
    public string? CredentialName { get; set; }

    private List<string>? _subjectAltNames;

    /// <summary>Names the server certificate's subject alternative name must match; overrides the ServiceEntry's.</summary>
    public List<string> SubjectAltNames { get => _subjectAltNames ??= new(); set => _subjectAltNames = value; }

    /// <summary>The SNI sent in the TLS handshake; by default the request's host.</summary>
    public string? Sni { get; set; }

    /// <summary>True skips verifying the server certificate's CA signature and SAN.</summary>
    public bool? InsecureSkipVerify { get; set; }

    /// <summary>The path of the certificate revocation list used to verify the server certificate.</summary>
    public string? CaCrl { get; set; }
}
