using Mesh.Dsl.Model.Security;
using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>The spec of a <see cref="DestinationRule"/> (Istio message <c>istio.networking.v1alpha3.DestinationRule</c>).</summary>
public sealed class DestinationRuleSpec
{
    internal static readonly MessageSchema<DestinationRuleSpec> Schema = new MessageSchema<DestinationRuleSpec>("DestinationRule", () => new())
        .Field("host", x => x.Host, (x, v) => x.Host = v, Codecs.String)
        .Field("trafficPolicy", x => x.TrafficPolicy, (x, v) => x.TrafficPolicy = v, TrafficPolicy.Schema)
        .Field("subsets", x => x.Subsets, (x, v) => x.Subsets = v, Codecs.MessageList(Subset.Schema))
        .Field("exportTo", x => x.ExportTo, (x, v) => x.ExportTo = v, Codecs.StringList)
        .Field("workloadSelector", x => x.WorkloadSelector, (x, v) => x.WorkloadSelector = v, LabelSelector.Schema);

    /// <summary>
    /// The service the rule applies to, from the service registry or a ServiceEntry. A short name
    /// (<c>reviews</c>) is read in the rule's namespace; prefer fully qualified names.
    /// </summary>
    public string? Host { get; set; }

    /// <summary>The policies for all traffic to the host: load balancing, connection pool, outlier detection, TLS.</summary>
    public TrafficPolicy? TrafficPolicy { get; set; }

    /// <summary>Named sets of the host's endpoints (versions), each optionally with its own traffic policy.</summary>
    public List<Subset> Subsets { get; set; } = new();

    /// <summary>The namespaces the rule is visible to (<c>.</c> for its own, <c>*</c> for all); all when empty.</summary>
    public List<string> ExportTo { get; set; } = new();

    /// <summary>The workloads (in the rule's namespace) the rule applies to; without it, every client.</summary>
    public LabelSelector? WorkloadSelector { get; set; }
}
