namespace Mesh.Dsl.Scenarios;

/// <summary>
/// How the proxy checks the external server's certificate when it originates TLS. A recipe's options start
/// secure: the CA certificates of the proxy image's system bundle (<see cref="SystemCaBundle"/>) and the
/// external host as the SNI. <see cref="None"/> turns that off, as older Istio docs write TLS origination;
/// validation then warns (IST0128/IST0129) and names this option.
/// </summary>
public sealed class ServerVerification
{
    /// <summary>
    /// The CA bundle of the operating system in Istio's proxy images (<c>/etc/ssl/certs/ca-certificates.crt</c>),
    /// which holds the public CAs that sign the certificates of services on the internet.
    /// </summary>
    public const string SystemCaBundle = "/etc/ssl/certs/ca-certificates.crt";

    internal ServerVerification(string? sni)
    {
        CaCertificates = SystemCaBundle;
        Sni = sni;
    }

    private ServerVerification()
    {
    }

    /// <summary>
    /// No verification: a new <see cref="ServerVerification"/> with nothing set, so the TLS settings get only a
    /// mode (what the seed documents write). The proxy then accepts any server certificate; validation warns.
    /// </summary>
    public static ServerVerification None => new();

    /// <summary>
    /// A file in the proxy with the CA certificates that sign the server's certificate: <see cref="SystemCaBundle"/>
    /// by default; null verifies nothing. Mutual TLS with a <c>CredentialName</c> takes the CA from the Secret's
    /// <c>ca.crt</c> instead and leaves this out, as Istio requires.
    /// </summary>
    public string? CaCertificates { get; set; }

    /// <summary>The SNI the proxy presents: the external host by default; null lets Istio choose.</summary>
    public string? Sni { get; set; }

    /// <summary>Names the server's certificate must carry, one of them; empty accepts any name the CA signed.</summary>
    public List<string> SubjectAltNames { get; set; } = new();

    /// <summary>Whether these settings verify the server's certificate (a CA is given, or a credential supplies one).</summary>
    /// <param name="credentialHoldsCa">Whether a credentialName supplies the CA certificates.</param>
    /// <returns>True when the server is verified.</returns>
    internal bool Verifies(bool credentialHoldsCa) => credentialHoldsCa || !string.IsNullOrEmpty(CaCertificates);

    /// <summary>Writes these settings into client TLS settings being built.</summary>
    /// <param name="tls">The client TLS settings builder.</param>
    /// <param name="credentialHoldsCa">Whether a credentialName supplies the CA certificates, so caCertificates must stay out.</param>
    internal void ApplyTo(Builders.ClientTlsSettingsBuilder tls, bool credentialHoldsCa = false)
    {
        if (CaCertificates is not null && !credentialHoldsCa)
        {
            tls.CaCertificates(CaCertificates);
        }

        if (SubjectAltNames.Count > 0)
        {
            tls.SubjectAltNames([.. SubjectAltNames]);
        }

        if (Sni is not null)
        {
            tls.Sni(Sni);
        }
    }
}
