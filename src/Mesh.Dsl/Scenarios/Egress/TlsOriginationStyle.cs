namespace Mesh.Dsl.Scenarios;

/// <summary>The three ways Istio's docs have configured TLS origination at the sidecar.</summary>
public enum TlsOriginationStyle
{
    /// <summary>
    /// Today's docs: the ServiceEntry's HTTP port 80 forwards to <c>targetPort</c> 443, and the
    /// DestinationRule originates TLS on port 80. HTTPS sent by the app to 443 keeps working.
    /// </summary>
    TargetPort,

    /// <summary>
    /// Older docs (networking v1alpha3): the ServiceEntry declares 443 as plain HTTP, a VirtualService
    /// rewrites port 80 to 443, and the DestinationRule originates TLS on 443. HTTPS sent by the app
    /// to 443 no longer works, since 443 now expects plain HTTP.
    /// </summary>
    PortRewrite,

    /// <summary>
    /// The variant that upgrades only HTTP: the VirtualService sends port 80 to a dedicated subset on
    /// 443 whose policy originates TLS, and passes HTTPS on 443 through by SNI, so both kinds of
    /// request work.
    /// </summary>
    DedicatedSubset,
}
