namespace Mesh.Dsl.Scenarios;

/// <summary>What kind of traffic a host's requests take through the egress gateway.</summary>
public enum EgressGatewayTraffic
{
    /// <summary>Plain HTTP: the sidecar sends it to the gateway, the gateway to the external host's HTTP port.</summary>
    Http,

    /// <summary>Plain HTTP from the app that the egress gateway upgrades to TLS, through a dedicated subset of the external host.</summary>
    HttpWithTlsOrigination,

    /// <summary>HTTPS (or any TLS) from the app, passed through the gateway untouched and routed by SNI.</summary>
    TlsPassthrough,
}
