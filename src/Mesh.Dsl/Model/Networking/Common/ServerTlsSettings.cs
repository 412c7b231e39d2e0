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
        .Field("credentialNames", x => x._credentialNames!, (x, v) => x.CredentialNames = v, Codecs.StringList)
        .Field("caCertCredentialName", x => x.CaCertCredentialName, (x, v) => x.CaCertCredentialName = v, Codecs.String)
        .Field("tlsCertificates", x => x._tlsCertificates!, (x, v) => x.TlsCertificates = v, Codecs.MessageList(() => TlsCertificate.Schema))
        .Field("subjectAltNames", x => x._subjectAltNames!, (x, v) => x.SubjectAltNames = v, Codecs.StringList)
        .Field("verifyCertificateSpki", x => x._verifyCertificateSpki!, (x, v) => x.VerifyCertificateSpki = v, Codecs.StringList)
        .Field("verifyCertificateHash", x => x._verifyCertificateHash!, (x, v) => x.VerifyCertificateHash = v, Codecs.StringList)
        .Field("minProtocolVersion", x => x.MinProtocolVersion, (x, v) => x.MinProtocolVersion = v, Codecs.Enum<TlsProtocolVersion>())
        .Field("maxProtocolVersion", x => x.MaxProtocolVersion, (x, v) => x.MaxProtocolVersion = v, Codecs.Enum<TlsProtocolVersion>())
        .Field("cipherSuites", x => x._cipherSuites!, (x, v) => x.CipherSuites = v, Codecs.StringList)
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

    private List<string>? _credentialNames;

    /// <summary>As <see cref="CredentialName"/>, for a server with two certificates (RSA and ECDSA); one or two names.</summary>
    public List<string> CredentialNames { get => _credentialNames ??= new(); set => _credentialNames = value; }

    /// <summary>The secret or config map holding the CA certificates for mutual TLS, when they are not in the credential's secret.</summary>
    public string? CaCertCredentialName { get; set; }

    private List<TlsCertificate>? _tlsCertificates;

    /// <summary>Certificates given as files, for a server with two certificates (RSA and ECDSA); one or two.</summary>
    public List<TlsCertificate> TlsCertificates { get => _tlsCertificates ??= new(); set => _tlsCertificates = value; }

    private List<string>? _subjectAltNames;

    /// <summary>Subject alternative names a client certificate must carry one of.</summary>
    public List<string> SubjectAltNames { get => _subjectAltNames ??= new(); set => _subjectAltNames = value; }

    private List<string>? _verifyCertificateSpki;

    /// <summary>Base64-encoded SHA-256 hashes of the SPKIs of authorized client certificates.</summary>
    public List<string> VerifyCertificateSpki { get => _verifyCertificateSpki ??= new(); set => _verifyCertificateSpki = value; }

    private List<string>? _verifyCertificateHash;

    /// <summary>Hex-encoded SHA-256 hashes of authorized client certificates.</summary>
    public List<string> VerifyCertificateHash { get => _verifyCertificateHash ??= new(); set => _verifyCertificateHash = value; }

    /// <summary>The lowest TLS version accepted.</summary>
    public TlsProtocolVersion? MinProtocolVersion { get; set; }

    /// <summary>The highest TLS version accepted.</summary>
    public TlsProtocolVersion? MaxProtocolVersion { get; set; }

    private List<string>? _cipherSuites;

    /// <summary>The cipher suites offered; without them, the proxy's defaults.</summary>
    public List<string> CipherSuites { get => _cipherSuites ??= new(); set => _cipherSuites = value; }

    /// <summary>When true, a client certificate that fails verification is still accepted.</summary>
    public bool? InsecureSkipVerify { get; set; }
}
