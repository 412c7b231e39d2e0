using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Security;

/// <summary>The spec of a <see cref="PeerAuthentication"/> (Istio message <c>istio.security.v1beta1.PeerAuthentication</c>).</summary>
public sealed partial class PeerAuthenticationSpec
{
    internal static readonly MessageSchema<PeerAuthenticationSpec> Schema = new MessageSchema<PeerAuthenticationSpec>("PeerAuthentication", () => new())
        .Field("selector", x => x.Selector, (x, v) => x.Selector = v, Codecs.Message(() => LabelSelector.Schema))
        .Field("mtls", x => x.Mtls, (x, v) => x.Mtls = v, Codecs.Message(() => MutualTls.Schema))
        .Field("portLevelMtls", x => x._portLevelMtls!, (x, v) => x.PortLevelMtls = v, Codecs.MessagePortMap(() => MutualTls.Schema));

    /// <summary>The workloads the policy applies to; without it, every workload of the namespace (or of the mesh, in the root namespace).</summary>
    public LabelSelector? Selector { get; set; }

    /// <summary>The mutual TLS mode for the selected workloads.</summary>
    public MutualTls? Mtls { get; set; }

    private OrderedDictionary<uint, MutualTls>? _portLevelMtls;

    /// <summary>Per-port mutual TLS modes, keyed by the workload's port number; needs a <see cref="Selector"/>.</summary>
    public OrderedDictionary<uint, MutualTls> PortLevelMtls
    {
        get => _portLevelMtls ??= new();
        set
        {
            _portLevelMtls = value;
            OnPortLevelMtlsAssigned(value);
        }
    }

    /// <summary>Called when <see cref="PortLevelMtls"/> is assigned (by the reader or a program), not when the getter creates it.</summary>
    partial void OnPortLevelMtlsAssigned(OrderedDictionary<uint, MutualTls>? value);
}
