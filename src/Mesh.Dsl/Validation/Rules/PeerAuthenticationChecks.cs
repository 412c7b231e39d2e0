using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Model.Security;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>Security advice on PeerAuthentications that needs the Sidecars of the mesh.</summary>
internal static class PeerAuthenticationChecks
{
    // The field paths of the diagnostics, named through the schema (FieldPathTests resolves every one).
    private static readonly FieldPath PortLevelMtls = FieldPath.Spec(() => PeerAuthenticationSpec.Schema).Field("portLevelMtls");
    private static readonly FieldPath PortMode = PortLevelMtls.Item.Field("mode");

    /// <summary>MESH3006 on a port-level DISABLE, unless a Sidecar of the same workloads terminates TLS on that port.</summary>
    internal sealed class DisabledPorts() : MeshRule(new(
        "peerauthentication.disabled-ports",
        "A PeerAuthentication turns mutual TLS off on a port where no Sidecar of the same workloads terminates TLS itself.",
        ["PeerAuthentication", "Sidecar"],
        [DiagnosticCodes.MtlsDisabled],
        advice: true))
    {
        public override void Check(MeshContext mesh) => AdviseDisabledPorts(mesh.Index, mesh.Sink);
    }

    /// <summary>
    /// MESH3006 for a port on which a PeerAuthentication turns mutual TLS off, unless a Sidecar of the same
    /// workloads terminates TLS on that port itself (an ingress listener with <c>tls</c> SIMPLE, MUTUAL or
    /// OPTIONAL_MUTUAL): mesh mTLS must be off there for the sidecar's own TLS to be reached, so the port is
    /// not plaintext (Istio's "Ingress Sidecar TLS Termination").
    /// </summary>
    public static void AdviseDisabledPorts(MeshIndex index, DiagnosticSink sink)
    {
        foreach (var (policy, position) in index.PeerAuthentications)
        {
            var spec = policy.Spec;
            if (spec.PortLevelMtls.Count == 0)
            {
                continue;
            }

            var context = sink.Context(policy, position);
            foreach (var (port, portMtls) in spec.PortLevelMtls)
            {
                if (portMtls.Mode == MutualTlsMode.Disable && !SidecarTerminatesTls(index, policy, port))
                {
                    context.Warning(
                        DiagnosticCodes.MtlsDisabled,
                        $"{PortLevelMtls}[{port}]{PortMode}",
                        $"mTLS mode DISABLE accepts only plaintext on port {port}; use STRICT, or, when the workload's sidecar terminates TLS on this port itself, declare that with a Sidecar selecting the same workloads whose ingress listener for port {port} has tls mode SIMPLE or MUTUAL.");
                }
            }
        }
    }

    /// <summary>
    /// Whether a Sidecar in the policy's namespace, applying to the policy's workloads (its workloadSelector
    /// carries every label the policy selects by, or it has none), terminates TLS on <paramref name="port"/>.
    /// </summary>
    private static bool SidecarTerminatesTls(MeshIndex index, PeerAuthentication policy, uint port)
    {
        var ns = CommonRules.ResourceNamespace(policy);
        foreach (var (sidecar, _) in index.Sidecars)
        {
            if (CommonRules.ResourceNamespace(sidecar) != ns || !Covers(sidecar.Spec.WorkloadSelector, policy.Spec.Selector))
            {
                continue;
            }

            foreach (var listener in sidecar.Spec.IngressOrEmpty)
            {
                if (listener.Port?.Number == port && listener.Tls?.Mode is ServerTlsMode.Simple or ServerTlsMode.Mutual or ServerTlsMode.OptionalMutual)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Covers(WorkloadSelector? sidecarSelector, LabelSelector? policySelector)
    {
        if (sidecarSelector is null || sidecarSelector.Labels.Count == 0)
        {
            return true;
        }

        if (policySelector is null)
        {
            return true;
        }

        foreach (var (key, value) in policySelector.MatchLabels)
        {
            if (!sidecarSelector.Labels.TryGetValue(key, out var sidecarValue) || sidecarValue != value)
            {
                return false;
            }
        }

        return true;
    }
}
