using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>A region-to-region failover (Istio message <c>LocalityLoadBalancerSetting.Failover</c>).</summary>
public sealed class LocalityFailover
{
    internal static readonly MessageSchema<LocalityFailover> Schema = new MessageSchema<LocalityFailover>("Failover", () => new())
        .Field("from", x => x.From, (x, v) => x.From = v, Codecs.String)
        .Field("to", x => x.To, (x, v) => x.To = v, Codecs.String);

    /// <summary>The originating region.</summary>
    public string? From { get; set; }

    /// <summary>The region traffic fails over to when the endpoints of <see cref="From"/> are unhealthy.</summary>
    public string? To { get; set; }
}
