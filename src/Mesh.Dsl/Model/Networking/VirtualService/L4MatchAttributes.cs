using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>Conditions a TCP connection must all meet (Istio message <c>L4MatchAttributes</c>).</summary>
public sealed class L4MatchAttributes
{
    internal static readonly MessageSchema<L4MatchAttributes> Schema = new MessageSchema<L4MatchAttributes>("L4MatchAttributes", () => new())
        .Field("destinationSubnets", x => x._destinationSubnets!, (x, v) => x.DestinationSubnets = v, Codecs.StringList)
        .Field("port", x => x.Port, (x, v) => x.Port = v, Codecs.UInt32)
        .Field("sourceSubnet", x => x.SourceSubnet, (x, v) => x.SourceSubnet = v, Codecs.String)
        .Field("sourceLabels", x => x._sourceLabels!, (x, v) => x.SourceLabels = v, Codecs.StringMap)
        .Field("gateways", x => x._gateways!, (x, v) => x.Gateways = v, Codecs.StringList)
        .Field("sourceNamespace", x => x.SourceNamespace, (x, v) => x.SourceNamespace = v, Codecs.String);

    private List<string>? _destinationSubnets;

    /// <summary>Destination IP addresses or subnets (<c>a.b.c.d/xx</c>).</summary>
    public List<string> DestinationSubnets { get => _destinationSubnets ??= new(); set => _destinationSubnets = value; }

    /// <summary>The port of the host being addressed.</summary>
    public uint? Port { get; set; }

    /// <summary>The source IP address or subnet (<c>a.b.c.d/xx</c>); hidden from Istio's docs.</summary>
    public string? SourceSubnet { get; set; }

    private OrderedDictionary<string, string>? _sourceLabels;

    /// <summary>Labels the client workload must carry.</summary>
    public OrderedDictionary<string, string> SourceLabels { get => _sourceLabels ??= new(); set => _sourceLabels = value; }

    private List<string>? _gateways;

    /// <summary>The gateways (and <c>mesh</c>) this match applies at, overriding the VirtualService's <c>gateways</c>.</summary>
    public List<string> Gateways { get => _gateways ??= new(); set => _gateways = value; }

    /// <summary>The namespace the client workload must run in.</summary>
    public string? SourceNamespace { get; set; }
}
