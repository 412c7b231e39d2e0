using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Security;

/// <summary>
/// Selects workloads by labels (Istio message <c>istio.type.v1beta1.WorkloadSelector</c>, field
/// <c>matchLabels</c>), as PeerAuthentication's selector and DestinationRule's workloadSelector use it.
/// </summary>
public sealed class LabelSelector
{
    internal static readonly MessageSchema<LabelSelector> Schema = new MessageSchema<LabelSelector>("WorkloadSelector", () => new())
        .Field("matchLabels", x => x._matchLabels!, (x, v) => x.MatchLabels = v, Codecs.StringMap);

    private OrderedDictionary<string, string>? _matchLabels;

    /// <summary>The labels a workload must carry, all of them, to be selected.</summary>
    public OrderedDictionary<string, string> MatchLabels { get => _matchLabels ??= new(); set => _matchLabels = value; }
}
