using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>An endpoint of a ServiceEntry (Istio message <c>WorkloadEntry</c>).</summary>
public sealed class WorkloadEntry
{
    internal static readonly MessageSchema<WorkloadEntry> Schema = new MessageSchema<WorkloadEntry>("WorkloadEntry", () => new())
        .Field("address", x => x.Address, (x, v) => x.Address = v, Codecs.String)
        .Field("ports", x => x._ports!, (x, v) => x.Ports = v, Codecs.ValueMap(Codecs.UInt32))
        .Field("labels", x => x._labels!, (x, v) => x.Labels = v, Codecs.StringMap)
        .Field("network", x => x.Network, (x, v) => x.Network = v, Codecs.String)
        .Field("locality", x => x.Locality, (x, v) => x.Locality = v, Codecs.String)
        .Field("weight", x => x.Weight, (x, v) => x.Weight = v, Codecs.UInt32)
        .Field("serviceAccount", x => x.ServiceAccount, (x, v) => x.ServiceAccount = v, Codecs.String);

    /// <summary>The endpoint's address: an IP, a DNS name, or a Unix socket (<c>unix:///path</c>).</summary>
    public string? Address { get; set; }

    private OrderedDictionary<string, uint>? _ports;

    /// <summary>Port name to port number on this endpoint, overriding the entry's port numbers.</summary>
    public OrderedDictionary<string, uint> Ports { get => _ports ??= new(); set => _ports = value; }

    private OrderedDictionary<string, string>? _labels;

    /// <summary>Labels of the endpoint.</summary>
    public OrderedDictionary<string, string> Labels { get => _labels ??= new(); set => _labels = value; }

    /// <summary>The network the endpoint is in, for multi-network meshes.</summary>
    public string? Network { get; set; }

    /// <summary>The locality (<c>region/zone/subzone</c>) of the endpoint.</summary>
    public string? Locality { get; set; }

    /// <summary>The load-balancing weight of the endpoint.</summary>
    public uint? Weight { get; set; }

    /// <summary>The service account of the workload, if it runs a sidecar.</summary>
    public string? ServiceAccount { get; set; }
}
