using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>How traffic from one locality is split over others (Istio message <c>LocalityLoadBalancerSetting.Distribute</c>).</summary>
public sealed class LocalityDistribute
{
    internal static readonly MessageSchema<LocalityDistribute> Schema = new MessageSchema<LocalityDistribute>("Distribute", () => new())
        .Field("from", x => x.From, (x, v) => x.From = v, Codecs.String)
        .Field("to", x => x._to!, (x, v) => x.To = v, Codecs.ValueMap(Codecs.UInt32));

    /// <summary>The originating locality, <c>region/zone/subzone</c>, with an optional trailing <c>*</c>.</summary>
    public string? From { get; set; }

    private OrderedDictionary<string, uint>? _to;

    /// <summary>Upstream localities and their weights, summing to 100; localities not named get no traffic.</summary>
    public OrderedDictionary<string, uint> To { get => _to ??= new(); set => _to = value; }
}
