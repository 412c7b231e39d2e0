using Mesh.Dsl.Model.Security;

namespace Mesh.Dsl.Builders;

/// <summary>Builds a <see cref="PeerAuthentication"/>.</summary>
public sealed partial class PeerAuthenticationBuilder : ResourceBuilder<PeerAuthenticationBuilder, PeerAuthentication, PeerAuthenticationSpec>
{
    /// <summary>Starts a new PeerAuthentication.</summary>
    /// <param name="name">The resource name: a lowercase DNS-1123 subdomain (<c>default</c> for a namespace-wide policy).</param>
    public PeerAuthenticationBuilder(string name)
        : base(new PeerAuthentication(), name)
    {
    }

    /// <summary>Edits an existing PeerAuthentication.</summary>
    /// <param name="resource">The resource to edit.</param>
    public PeerAuthenticationBuilder(PeerAuthentication resource)
        : base(resource)
    {
    }

    /// <summary>Limits the policy to the workloads carrying a label.</summary>
    /// <param name="key">The label key.</param>
    /// <param name="value">The label value.</param>
    /// <returns>This builder.</returns>
    public PeerAuthenticationBuilder Selector(string key, string value)
    {
        Guard.Text(value, nameof(value));
        Target.Selector ??= new LabelSelector();
        Target.Selector.MatchLabels[Guard.NotEmpty(key, nameof(key))] = value;
        return this;
    }

    /// <summary>Sets the mutual TLS mode of the selected workloads.</summary>
    /// <param name="mode">The mode.</param>
    /// <returns>This builder.</returns>
    public PeerAuthenticationBuilder Mtls(MutualTlsMode mode)
    {
        Target.Mtls = new MutualTls { Mode = mode };
        return this;
    }

    /// <summary>Sets the mutual TLS mode of one port of the selected workloads (Istio needs a <see cref="Selector"/> for it).</summary>
    /// <param name="port">The workload's port, 1 to 65535.</param>
    /// <param name="mode">The mode on that port.</param>
    /// <returns>This builder.</returns>
    public PeerAuthenticationBuilder PortMtls(int port, MutualTlsMode mode)
    {
        Target.PortLevelMtls[Guard.Port(port, nameof(port))] = new MutualTls { Mode = mode };
        return this;
    }
}
