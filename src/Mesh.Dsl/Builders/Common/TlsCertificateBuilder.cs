using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds one <see cref="TlsCertificate"/> of a server that presents several.</summary>
public sealed partial class TlsCertificateBuilder : MessageBuilder<TlsCertificateBuilder, TlsCertificate>
{
    /// <summary>Creates a builder over a certificate.</summary>
    /// <param name="target">The certificate to fill in.</param>
    public TlsCertificateBuilder(TlsCertificate target)
        : base(target)
    {
    }

    /// <summary>Sets the path of the server certificate file.</summary>
    /// <param name="path">The path.</param>
    /// <returns>This builder.</returns>
    public TlsCertificateBuilder ServerCertificate(string path)
    {
        Target.ServerCertificate = Guard.NotEmpty(path, nameof(path));
        return this;
    }

    /// <summary>Sets the path of the private key file.</summary>
    /// <param name="path">The path.</param>
    /// <returns>This builder.</returns>
    public TlsCertificateBuilder PrivateKey(string path)
    {
        Target.PrivateKey = Guard.NotEmpty(path, nameof(path));
        return this;
    }

    /// <summary>Sets the path of the CA certificates file that verifies client certificates.</summary>
    /// <param name="path">The path.</param>
    /// <returns>This builder.</returns>
    public TlsCertificateBuilder CaCertificates(string path)
    {
        Target.CaCertificates = Guard.NotEmpty(path, nameof(path));
        return this;
    }
}
