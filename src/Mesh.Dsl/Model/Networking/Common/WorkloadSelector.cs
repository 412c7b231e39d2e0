using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>Selects workloads by their labels (Istio message <c>istio.networking.v1alpha3.WorkloadSelector</c>, field <c>labels</c>).</summary>
public sealed class WorkloadSelector
{
    internal static readonly MessageSchema<WorkloadSelector> Schema = new MessageSchema<WorkloadSelector>("WorkloadSelector", () => new())
        .Field("labels", x => x._labels!, (x, v) => x.Labels = v, Codecs.StringMap);

    private OrderedDictionary<string, string>? _labels;

    /// <summary>The labels a workload must carry, all of them, to be selected.</summary>
    public OrderedDictionary<string, string> Labels { get => _labels ??= new(); set => _labels = value; }
}
