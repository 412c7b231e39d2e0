using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>
/// The TLS a Gateway server or Sidecar ingress listener offers its clients (Istio message
/// <c>istio.networking.v1alpha3.ServerTLSSettings</c>).
/// </summary>
public sealed class ServerTlsSettings
{
    // Order checked against gateway.proto: caCrl after caCertificates (khulnasoft/SecAPI@7443db51, a copy of istio/api),
    // credentialNames right after credentialName (istio/api#3466). Not confirmed by any stored proto: the places of
    // caCertCredentialName and tlsCertificates between credentialNames and subjectAltNames, and insecureSkipVerify last.
    internal static readonly MessageSchema<ServerTlsSettings> Schema = new MessageSchema<ServerTlsSettings>("ServerTLSSettings", () => new())
        .Field("httpsRedirect", x => x.HttpsRedirect, (x, v) => x.HttpsRedirect = v, Codecs.Bool)
        .Field("mode", x => x.Mode, (x, v) => x.Mode = v, Codecs.Enum<ServerTlsMode>())
        .Field("serverCertificate", x => x.ServerCertificate, (x, v) => x.ServerCertificate = v, Codecs.String)
        .Field("privateKey", x => x.PrivateKey, (x, v) => x.PrivateKey = v, Codecs.String)
        .Field("caCertificates", x => x.CaCertificates, (x, v) => x.CaCertificates = v, Codecs.String)
        .Field("caCrl", x => x.CaCrl, (x, v) => x.CaCrl = v, Codecs.String)
        .Field("credentialName", x => x.CredentialName, (x, v) => x.CredentialName = v, Codecs.String)
        .Field("credentialNames", x => x.CredentialNames, (x, v) => x.CredentialNames = v, Codecs.StringList)
        .Field("caCertCredentialName", x => x.CaCertCredentialName, (x, v) => x.CaCertCredentialName = v, Codecs.String)
        .Field("tlsCertificates", x => x.TlsCertificates, (x, v) => x.TlsCertificates = v, Codecs.MessageList(TlsCertificate.Schema))
        .Field("subjectAltNames", x => x.SubjectAltNames, (x, v) => x.SubjectAltNames = v, Codecs.StringList)
        .Field("verifyCertificateSpki", x => x.VerifyCertificateSpki, (x, v) => x.VerifyCertificateSpki = v, Codecs.StringList)
        .Field("verifyCertificateHash", x => x.VerifyCertificateHash, (x, v) => x.VerifyCertificateHash = v, Codecs.StringList)
        .Field("minProtocolVersion", x => x.MinProtocolVersion, (x, v) => x.MinProtocolVersion = v, Codecs.Enum<TlsProtocolVersion>())
        .Field("maxProtocolVersion", x => x.MaxProtocolVersion, (x, v) => x.MaxProtocolVersion = v, Codecs.Enum<TlsProtocolVersion>())
        .Field("cipherSuites", x => x.CipherSuites, (x, v) => x.CipherSuites = v, Codecs.StringList)
        .Field("insecureSkipVerify", x => x.InsecureSkipVerify, (x, v) => x.InsecureSkipVerify = v, Codecs.Bool);

    /// <summary>When true, a Gateway answers plain HTTP requests with a 301 redirect to HTTPS (not used by Sidecars).</summary>
    public bool? HttpsRedirect { get; set; }

    /// <summary>How TLS is handled; without it, <c>PASSTHROUGH</c>.</summary>
    public ServerTlsMode? Mode { get; set; }

    /// <summary>The path of the server certificate file; needed for <c>SIMPLE</c> and <c>MUTUAL</c> without a credential name.</summary>
    public string? ServerCertificate { get; set; }

    /// <summary>The path of the server's private key file; needed for <c>SIMPLE</c> and <c>MUTUAL</c> without a credential name.</summary>
    public string? PrivateKey { get; set; }

    /// <summary>The path of the CA certificates that verify client certificates; needed for <c>MUTUAL</c> and <c>OPTIONAL_MUTUAL</c>.</summary>
    public string? CaCertificates { get; set; }

    /// <summary>The path of the certificate revocation list checked against client certificates.</summary>
    public string? CaCrl { get; set; }

    /// <summary>The Kubernetes secret holding the certificate, key (and CA certificates); gateways only.</summary>
    public string? CredentialName { get; set; }

    /// <summary>As <see cref="CredentialName"/>, for a server with two certificates (RSA and ECDSA); one or two names.</summary>
    public List<string> CredentialNames { get; set; } = new();

    /// <summary>The secret or config map holding the CA certificates for mutual TLS, when they are not in the credential's secret.</summary>
    public string? CaCertCredentialName { get; set; }

    /// <summary>Certificates given as files, for a server with two certificates (RSA and ECDSA); one or two.</summary>
    public List<TlsCertificate> TlsCertificates { get; set; } = new();

    /// <summary>Subject alternative names a client certificate must carry one of.</summary>
    public List<string> SubjectAltNames { get; set; } = new();

    /// <summary>Base64-encoded SHA-256 hashes of the SPKIs of authorized client certificates.</summary>
    public List<string> VerifyCertificateSpki { get; set; } = new();

    /// <summary>Hex-encoded SHA-256 hashes of authorized client certificates.</summary>
    public List<string> VerifyCertificateHash { get; set; } = new();

    /// <summary>The lowest TLS version accepted.</summary>
    public TlsProtocolVersion? MinProtocolVersion { get; set; }

    /// <summary>The highest TLS version accepted.</summary>
    public TlsProtocolVersion? MaxProtocolVersion { get; set; }

    /// <summary>The cipher suites offered; without them, the proxy's defaults.</summary>
    public List<string> CipherSuites { get; set; } = new();

    /// <summary>When true, a client certificate that fails verification is still accepted.</summary>
    public bool? InsecureSkipVerify { get; set; }
}
