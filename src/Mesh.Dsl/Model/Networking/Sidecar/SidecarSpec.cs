using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>The spec of a <see cref="Sidecar"/> (Istio message <c>istio.networking.v1alpha3.Sidecar</c>).</summary>
public sealed class SidecarSpec
{
    internal static readonly MessageSchema<SidecarSpec> Schema = new MessageSchema<SidecarSpec>("Sidecar", () => new())
        .Field("workloadSelector", x => x.WorkloadSelector, (x, v) => x.WorkloadSelector = v, Codecs.Message(() => WorkloadSelector.Schema))
        .Field("ingress", x => x._ingress!, (x, v) => x.Ingress = v, Codecs.MessageList(() => IstioIngressListener.Schema))
        .Field("egress", x => x._egress!, (x, v) => x.Egress = v, Codecs.MessageList(() => IstioEgressListener.Schema))
        .Field("inboundConnectionPool", x => x.InboundConnectionPool, (x, v) => x.InboundConnectionPool = v, Codecs.Message(() => ConnectionPoolSettings.Schema))
        .Field("outboundTrafficPolicy", x => x.OutboundTrafficPolicy, (x, v) => x.OutboundTrafficPolicy = v, Codecs.Message(() => OutboundTrafficPolicy.Schema));

    /// <summary>The workloads this configuration applies to; without it, every workload of the namespace.</summary>
    public WorkloadSelector? WorkloadSelector { get; set; }

    private List<IstioIngressListener>? _ingress;

    /// <summary>The inbound listeners; without them, Istio derives the inbound ports from the workload's services.</summary>
    public List<IstioIngressListener> Ingress { get => _ingress ??= new(); set => _ingress = value; }

    private List<IstioEgressListener>? _egress;

    /// <summary>The outbound listeners and the hosts each can reach; without them, every service visible to the namespace.</summary>
    public List<IstioEgressListener> Egress { get => _egress ??= new(); set => _egress = value; }

    /// <summary>Connection limits for inbound traffic on every port, unless an ingress listener sets its own.</summary>
    public ConnectionPoolSettings? InboundConnectionPool { get; set; }

    /// <summary>What happens to traffic for hosts the registry does not know; without it, the mesh's default.</summary>
    public OutboundTrafficPolicy? OutboundTrafficPolicy { get; set; }
}
