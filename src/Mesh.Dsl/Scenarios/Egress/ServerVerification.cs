namespace Mesh.Dsl.Scenarios;

/// <summary>How the proxy checks the external server's certificate when it originates TLS.</summary>
public sealed class ServerVerification
{
    internal ServerVerification()
    {
    }

    /// <summary>A file with the CA certificates that sign the server's certificate; null uses the proxy's defaults.</summary>
    public string? CaCertificates { get; set; }

    /// <summary>The SNI the proxy presents; null lets Istio choose (the host of the request).</summary>
    public string? Sni { get; set; }

    /// <summary>Names the server's certificate must carry, one of them; empty accepts any name the CA signed.</summary>
    public List<string> SubjectAltNames { get; set; } = new();

    /// <summary>Writes these settings into client TLS settings being built.</summary>
    /// <param name="tls">The client TLS settings builder.</param>
    internal void ApplyTo(Builders.ClientTlsSettingsBuilder tls)
    {
        if (CaCertificates is not null)
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
