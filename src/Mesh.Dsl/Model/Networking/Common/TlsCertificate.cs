using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>One certificate of a server that presents several, e.g. RSA and ECDSA (Istio message <c>ServerTLSSettings.TLSCertificate</c>).</summary>
public sealed class TlsCertificate
{
    internal static readonly MessageSchema<TlsCertificate> Schema = new MessageSchema<TlsCertificate>("TLSCertificate", () => new())
        .Field("serverCertificate", x => x.ServerCertificate, (x, v) => x.ServerCertificate = v, Codecs.String)
        .Field("privateKey", x => x.PrivateKey, (x, v) => x.PrivateKey = v, Codecs.String)
        .Field("caCertificates", x => x.CaCertificates, (x, v) => x.CaCertificates = v, Codecs.String);

    /// <summary>The path of the file holding the server certificate.</summary>
    public string? ServerCertificate { get; set; }

    /// <summary>The path of the file holding the server's private key.</summary>
    public string? PrivateKey { get; set; }

    /// <summary>The path of the file holding the CA certificates that verify client certificates.</summary>
    public string? CaCertificates { get; set; }
}
