namespace Mesh.Dsl.Model.Networking;

/// <summary>How the proxy resolves the endpoints of a ServiceEntry.</summary>
public enum ServiceEntryResolution
{
    /// <summary><c>NONE</c>: forward to the destination IP the connection was made to; needed for wildcard hosts.</summary>
    None,

    /// <summary><c>STATIC</c>: use the addresses in the endpoints.</summary>
    Static,

    /// <summary><c>DNS</c>: resolve the host (or endpoint addresses) by DNS, asynchronously.</summary>
    Dns,

    /// <summary><c>DNS_ROUND_ROBIN</c>: resolve by DNS and use the first address returned, per connection.</summary>
    DnsRoundRobin,

    /// <summary><c>DYNAMIC_DNS</c>: resolve each request's host by DNS (wildcard hosts).</summary>
    DynamicDns,
}
