using Mesh.Dsl.Model.Security;
using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>The spec of a <see cref="DestinationRule"/> (Istio message <c>istio.networking.v1alpha3.DestinationRule</c>).</summary>
public sealed class DestinationRuleSpec
{
    internal static readonly MessageSchema<DestinationRuleSpec> Schema = new MessageSchema<DestinationRuleSpec>("DestinationRule", () => new())
        .Field("host", x => x.Host, (x, v) => x.Host = v, Codecs.String)
        .Field("trafficPolicy", x => x.TrafficPolicy, (x, v) => x.TrafficPolicy = v, Codecs.Message(() => TrafficPolicy.Schema))
        .Field("subsets", x => x._subsets!, (x, v) => x.Subsets = v, Codecs.MessageList(() => Subset.Schema))
        .Field("exportTo", x => x._exportTo!, (x, v) => x.ExportTo = v, Codecs.StringList)
        .Field("workloadSelector", x => x.WorkloadSelector, (x, v) => x.WorkloadSelector = v, Codecs.Message(() => LabelSelector.Schema));

    /// <summary>
    /// The service the rule applies to, from the service registry or a ServiceEntry. A short name
    /// (<c>reviews</c>) is read in the rule's namespace; prefer fully qualified names.
    /// </summary>
    public string? Host { get; set; }

    /// <summary>The policies for all traffic to the host: load balancing, connection pool, outlier detection, TLS.</summary>
    public TrafficPolicy? TrafficPolicy { get; set; }

    private List<Subset>? _subsets;

    /// <summary>Named sets of the host's endpoints (versions), each optionally with its own traffic policy.</summary>
    public List<Subset> Subsets { get => _subsets ??= new(); set => _subsets = value; }

    /// <summary>Reads <see cref="Subsets"/> without creating it: the list (or an empty one) for read-only checks.</summary>
    internal IReadOnlyList<Subset> SubsetsOrEmpty => _subsets is { } value ? value : Array.Empty<Subset>();

    private List<string>? _exportTo;

    /// <summary>The namespaces the rule is visible to (<c>.</c> for its own, <c>*</c> for all); all when empty.</summary>
    public List<string> ExportTo { get => _exportTo ??= new(); set => _exportTo = value; }

    /// <summary>Reads <see cref="ExportTo"/> without creating it: the list (or an empty one) for read-only checks.</summary>
    internal IReadOnlyList<string> ExportToOrEmpty => _exportTo is { } value ? value : Array.Empty<string>();

    /// <summary>The workloads (in the rule's namespace) the rule applies to; without it, every client.</summary>
    public LabelSelector? WorkloadSelector { get; set; }
}
