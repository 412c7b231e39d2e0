using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds <see cref="ClientTlsSettings"/>: how a proxy secures its connections to the upstream.</summary>
public sealed partial class ClientTlsSettingsBuilder : MessageBuilder<ClientTlsSettingsBuilder, ClientTlsSettings>
{
    /// <summary>Creates a builder over client TLS settings.</summary>
    /// <param name="target">The settings to fill in.</param>
    public ClientTlsSettingsBuilder(ClientTlsSettings target)
        : base(target)
    {
    }

    /// <summary>Sets the mode: <see cref="ClientTlsMode.Simple"/> originates TLS, <see cref="ClientTlsMode.Mutual"/> adds a client certificate.</summary>
    /// <param name="mode">The mode.</param>
    /// <returns>This builder.</returns>
    public ClientTlsSettingsBuilder Mode(ClientTlsMode mode)
    {
        Target.Mode = mode;
        return this;
    }

    /// <summary>Sets the path of the client certificate file (for <see cref="ClientTlsMode.Mutual"/>).</summary>
    /// <param name="path">The file path in the proxy.</param>
    /// <returns>This builder.</returns>
    public ClientTlsSettingsBuilder ClientCertificate(string path)
    {
        Target.ClientCertificate = Guard.NotEmpty(path, nameof(path));
        return this;
    }

    /// <summary>Sets the path of the client's private key file (for <see cref="ClientTlsMode.Mutual"/>).</summary>
    /// <param name="path">The file path in the proxy.</param>
    /// <returns>This builder.</returns>
    public ClientTlsSettingsBuilder PrivateKey(string path)
    {
        Target.PrivateKey = Guard.NotEmpty(path, nameof(path));
        return this;
    }

    /// <summary>Sets the path of the CA certificates that verify the server.</summary>
    /// <param name="path">The file path in the proxy.</param>
    /// <returns>This builder.</returns>
    public ClientTlsSettingsBuilder CaCertificates(string path)
    {
        Target.CaCertificates = Guard.NotEmpty(path, nameof(path));
        return this;
    }

    /// <summary>Takes the client certificate, key and CA from a secret (gateways; sidecars only with a workload selector).</summary>
    /// <param name="secretName">The secret's name.</param>
    /// <returns>This builder.</returns>
    public ClientTlsSettingsBuilder CredentialName(string secretName)
    {
        Target.CredentialName = Guard.NotEmpty(secretName, nameof(secretName));
        return this;
    }

    /// <summary>Adds names the server certificate's subject alternative name must match.</summary>
    /// <param name="names">The names.</param>
    /// <returns>This builder.</returns>
    public ClientTlsSettingsBuilder SubjectAltNames(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        foreach (var name in names)
        {
            Target.SubjectAltNames.Add(Guard.NotEmpty(name, nameof(names)));
        }

        return this;
    }

    /// <summary>Sets the SNI sent in the TLS handshake.</summary>
    /// <param name="sni">The server name (<c>edition.cnn.com</c>).</param>
    /// <returns>This builder.</returns>
    public ClientTlsSettingsBuilder Sni(string sni)
    {
        Target.Sni = Guard.Host(sni, nameof(sni));
        return this;
    }

    /// <summary>Skips verifying the server certificate's CA signature and SAN. Insecure: for tests only.</summary>
    /// <param name="skip">True to skip verification.</param>
    /// <returns>This builder.</returns>
    public ClientTlsSettingsBuilder InsecureSkipVerify(bool skip = true)
    {
        Target.InsecureSkipVerify = skip;
        return this;
    }

    /// <summary>Sets the path of the certificate revocation list used to verify the server certificate.</summary>
    /// <param name="path">The file path in the proxy.</param>
    /// <returns>This builder.</returns>
    public ClientTlsSettingsBuilder CaCrl(string path)
    {
        Target.CaCrl = Guard.NotEmpty(path, nameof(path));
        return this;
    }
}
