using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>Conditions a TLS connection must all meet (Istio message <c>TLSMatchAttributes</c>).</summary>
public sealed class TlsMatchAttributes
{
    internal static readonly MessageSchema<TlsMatchAttributes> Schema = new MessageSchema<TlsMatchAttributes>("TLSMatchAttributes", () => new())
        .Field("sniHosts", x => x._sniHosts!, (x, v) => x.SniHosts = v, Codecs.StringList)
        .Field("destinationSubnets", x => x._destinationSubnets!, (x, v) => x.DestinationSubnets = v, Codecs.StringList)
        .Field("port", x => x.Port, (x, v) => x.Port = v, Codecs.UInt32)
        .Field("sourceLabels", x => x._sourceLabels!, (x, v) => x.SourceLabels = v, Codecs.StringMap)
        .Field("gateways", x => x._gateways!, (x, v) => x.Gateways = v, Codecs.StringList)
        .Field("sourceNamespace", x => x.SourceNamespace, (x, v) => x.SourceNamespace = v, Codecs.String);

    private List<string>? _sniHosts;

    /// <summary>The SNI names to match (wildcards allowed: <c>*.com</c>); each must fall within the VirtualService's hosts. Required.</summary>
    public List<string> SniHosts { get => _sniHosts ??= new(); set => _sniHosts = value; }

    private List<string>? _destinationSubnets;

    /// <summary>Destination IP addresses or subnets (<c>a.b.c.d/xx</c>).</summary>
    public List<string> DestinationSubnets { get => _destinationSubnets ??= new(); set => _destinationSubnets = value; }

    /// <summary>The port of the host being addressed.</summary>
    public uint? Port { get; set; }

    private OrderedDictionary<string, string>? _sourceLabels;

    /// <summary>Labels the client workload must carry.</summary>
    public OrderedDictionary<string, string> SourceLabels { get => _sourceLabels ??= new(); set => _sourceLabels = value; }

    private List<string>? _gateways;

    /// <summary>The gateways (and <c>mesh</c>) this match applies at, overriding the VirtualService's <c>gateways</c>.</summary>
    public List<string> Gateways { get => _gateways ??= new(); set => _gateways = value; }

    /// <summary>The namespace the client workload must run in.</summary>
    public string? SourceNamespace { get; set; }
}
