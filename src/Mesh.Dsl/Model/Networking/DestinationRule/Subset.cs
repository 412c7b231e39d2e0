using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>
/// A named set of a service's endpoints, usually one version, that routes can target (Istio message
/// <c>Subset</c>). Its traffic policy overrides the rule's for traffic routed to the subset.
/// </summary>
public sealed class Subset
{
    internal static readonly MessageSchema<Subset> Schema = new MessageSchema<Subset>("Subset", () => new())
        .Field("name", x => x.Name, (x, v) => x.Name = v, Codecs.String)
        .Field("labels", x => x._labels!, (x, v) => x.Labels = v, Codecs.StringMap)
        .Field("trafficPolicy", x => x.TrafficPolicy, (x, v) => x.TrafficPolicy = v, Codecs.Message(() => TrafficPolicy.Schema));

    /// <summary>The subset's name, which routes use (<c>v1</c>, <c>tls-origination</c>).</summary>
    public string? Name { get; set; }

    private OrderedDictionary<string, string>? _labels;

    /// <summary>The labels that select the subset's endpoints; may be empty for an egress gateway's SNI subsets.</summary>
    public OrderedDictionary<string, string> Labels { get => _labels ??= new(); set => _labels = value; }

    /// <summary>The subset's traffic policy; it overrides the rule's policy field by field.</summary>
    public TrafficPolicy? TrafficPolicy { get; set; }
}
