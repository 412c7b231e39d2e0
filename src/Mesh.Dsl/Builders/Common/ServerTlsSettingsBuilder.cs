using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds the <see cref="ServerTlsSettings"/> of a Gateway server or Sidecar ingress listener.</summary>
public sealed partial class ServerTlsSettingsBuilder : MessageBuilder<ServerTlsSettingsBuilder, ServerTlsSettings>
{
    // Istio accepts at most two certificates per server: one RSA and one ECDSA.
    private const int MaxCertificates = 2;

    /// <summary>Creates a builder over TLS settings.</summary>
    /// <param name="target">The settings to fill in.</param>
    public ServerTlsSettingsBuilder(ServerTlsSettings target)
        : base(target)
    {
    }

    /// <summary>Makes a Gateway answer plain HTTP with a 301 redirect to HTTPS.</summary>
    /// <param name="redirect">Whether to redirect.</param>
    /// <returns>This builder.</returns>
    public ServerTlsSettingsBuilder HttpsRedirect(bool redirect = true)
    {
        Target.HttpsRedirect = redirect;
        return this;
    }

    /// <summary>Sets the TLS mode.</summary>
    /// <param name="mode">The mode.</param>
    /// <returns>This builder.</returns>
    public ServerTlsSettingsBuilder Mode(ServerTlsMode mode)
    {
        Target.Mode = mode;
        return this;
    }

    /// <summary>Sets the path of the server certificate file.</summary>
    /// <param name="path">The path, e.g. <c>/etc/istio/tls-certs/tls.crt</c>.</param>
    /// <returns>This builder.</returns>
    public ServerTlsSettingsBuilder ServerCertificate(string path)
    {
        Target.ServerCertificate = Guard.NotEmpty(path, nameof(path));
        return this;
    }

    /// <summary>Sets the path of the server's private key file.</summary>
    /// <param name="path">The path, e.g. <c>/etc/istio/tls-certs/tls.key</c>.</param>
    /// <returns>This builder.</returns>
    public ServerTlsSettingsBuilder PrivateKey(string path)
    {
        Target.PrivateKey = Guard.NotEmpty(path, nameof(path));
        return this;
    }

    /// <summary>Sets the path of the CA certificates that verify client certificates.</summary>
    /// <param name="path">The path, e.g. <c>/etc/istio/tls-ca-certs/ca.crt</c>.</param>
    /// <returns>This builder.</returns>
    public ServerTlsSettingsBuilder CaCertificates(string path)
    {
        Target.CaCertificates = Guard.NotEmpty(path, nameof(path));
        return this;
    }

    /// <summary>Sets the path of the certificate revocation list.</summary>
    /// <param name="path">The path.</param>
    /// <returns>This builder.</returns>
    public ServerTlsSettingsBuilder CaCrl(string path)
    {
        Target.CaCrl = Guard.NotEmpty(path, nameof(path));
        return this;
    }

    /// <summary>Takes the certificate, key (and CA certificates) from a Kubernetes secret; gateways only.</summary>
    /// <param name="secretName">The secret's name.</param>
    /// <returns>This builder.</returns>
    public ServerTlsSettingsBuilder CredentialName(string secretName)
    {
        Target.CredentialName = Guard.NotEmpty(secretName, nameof(secretName));
        return this;
    }

    /// <summary>Adds secrets for a server with two certificates (RSA and ECDSA).</summary>
    /// <param name="secretNames">The secrets' names; two at most in all.</param>
    /// <returns>This builder.</returns>
    public ServerTlsSettingsBuilder CredentialNames(params string[] secretNames)
    {
        ArgumentNullException.ThrowIfNull(secretNames);
        CheckCertificateCount(Target.CredentialNames.Count + secretNames.Length, nameof(secretNames));
        foreach (var name in secretNames)
        {
            Target.CredentialNames.Add(Guard.NotEmpty(name, nameof(secretNames)));
        }

        return this;
    }

    /// <summary>Takes the CA certificates for mutual TLS from their own secret or config map.</summary>
    /// <param name="name">The secret's or config map's name.</param>
    /// <returns>This builder.</returns>
    public ServerTlsSettingsBuilder CaCertCredentialName(string name)
    {
        Target.CaCertCredentialName = Guard.NotEmpty(name, nameof(name));
        return this;
    }

    /// <summary>Adds a certificate given as files, for a server with two certificates (RSA and ECDSA).</summary>
    /// <param name="configure">Sets the certificate's files.</param>
    /// <returns>This builder.</returns>
    public ServerTlsSettingsBuilder TlsCertificate(Action<TlsCertificateBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        CheckCertificateCount(Target.TlsCertificates.Count + 1, nameof(configure));
        return AddChild(Target.TlsCertificates, static () => new(), c => new TlsCertificateBuilder(c), configure);
    }

    /// <summary>Adds subject alternative names a client certificate must carry one of.</summary>
    /// <param name="names">The names.</param>
    /// <returns>This builder.</returns>
    public ServerTlsSettingsBuilder SubjectAltNames(params string[] names) => AddStrings(Target.SubjectAltNames, names, nameof(names));

    /// <summary>Adds base64-encoded SHA-256 SPKI hashes of authorized client certificates.</summary>
    /// <param name="hashes">The hashes.</param>
    /// <returns>This builder.</returns>
    public ServerTlsSettingsBuilder VerifyCertificateSpki(params string[] hashes) => AddStrings(Target.VerifyCertificateSpki, hashes, nameof(hashes));

    /// <summary>Adds hex-encoded SHA-256 hashes of authorized client certificates.</summary>
    /// <param name="hashes">The hashes.</param>
    /// <returns>This builder.</returns>
    public ServerTlsSettingsBuilder VerifyCertificateHash(params string[] hashes) => AddStrings(Target.VerifyCertificateHash, hashes, nameof(hashes));

    /// <summary>Sets the lowest TLS version accepted.</summary>
    /// <param name="version">The version.</param>
    /// <returns>This builder.</returns>
    public ServerTlsSettingsBuilder MinProtocolVersion(TlsProtocolVersion version)
    {
        Target.MinProtocolVersion = version;
        return this;
    }

    /// <summary>Sets the highest TLS version accepted.</summary>
    /// <param name="version">The version.</param>
    /// <returns>This builder.</returns>
    public ServerTlsSettingsBuilder MaxProtocolVersion(TlsProtocolVersion version)
    {
        Target.MaxProtocolVersion = version;
        return this;
    }

    /// <summary>Adds cipher suites to offer instead of the proxy's defaults.</summary>
    /// <param name="suites">The suites, e.g. <c>ECDHE-ECDSA-AES256-GCM-SHA384</c>.</param>
    /// <returns>This builder.</returns>
    public ServerTlsSettingsBuilder CipherSuites(params string[] suites) => AddStrings(Target.CipherSuites, suites, nameof(suites));

    /// <summary>Accepts client certificates even when their verification fails.</summary>
    /// <param name="skip">Whether to skip verification failures.</param>
    /// <returns>This builder.</returns>
    public ServerTlsSettingsBuilder InsecureSkipVerify(bool skip = true)
    {
        Target.InsecureSkipVerify = skip;
        return this;
    }

    private static void CheckCertificateCount(int count, string parameter)
    {
        if (count > MaxCertificates)
        {
            throw new ArgumentException($"A server takes at most {MaxCertificates} certificates (one RSA, one ECDSA); this would make {count}.", parameter);
        }
    }

    private ServerTlsSettingsBuilder AddStrings(List<string> list, string[] values, string parameter)
    {
        ArgumentNullException.ThrowIfNull(values, parameter);
        foreach (var value in values)
        {
            list.Add(Guard.NotEmpty(value, parameter));
        }

        return this;
    }
}
