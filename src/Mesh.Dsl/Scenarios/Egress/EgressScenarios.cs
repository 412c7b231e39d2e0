using Mesh.Dsl.Builders;
using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Scenarios;

/// <summary>
/// Recipes for traffic that leaves the mesh. Each adds a consistent set of resources to the mesh in
/// one call (all of them, or none when a name is taken) and returns them, so a program can still
/// change any field afterwards.
/// </summary>
public sealed class EgressScenarios
{
    private readonly IstioMesh _mesh;

    internal EgressScenarios(IstioMesh mesh) => _mesh = mesh;

    /// <summary>
    /// Lets workloads reach an external host: a ServiceEntry with HTTPS on 443 (unless other ports are
    /// given; plain HTTP is an explicit choice, <see cref="ExternalPort.Http"/>), resolution <c>NONE</c> for a
    /// wildcard host and <c>DNS</c> otherwise.
    /// </summary>
    /// <param name="host">The host, such as <c>edition.cnn.com</c> or <c>*.cnn.com</c>.</param>
    /// <param name="configure">Changes name, ports, resolution, location, namespace or API version.</param>
    /// <returns>The ServiceEntry added.</returns>
    public ExternalServiceAccess ExternalService(string host, Action<ExternalServiceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        return ExternalService([host], configure);
    }

    /// <summary>Lets workloads reach several external hosts through one ServiceEntry (see <see cref="ExternalService(string, Action{ExternalServiceOptions})"/>).</summary>
    /// <param name="hosts">The hosts; the first one names the entry unless a name is given.</param>
    /// <param name="configure">Changes name, ports, resolution, location, namespace or API version.</param>
    /// <returns>The ServiceEntry added.</returns>
    public ExternalServiceAccess ExternalService(IEnumerable<string> hosts, Action<ExternalServiceOptions>? configure = null)
    {
        var hostList = ExternalServiceEntry.Hosts(hosts, nameof(hosts));
        var options = new ExternalServiceOptions(hostList);
        configure?.Invoke(options);
        var entry = ExternalServiceEntry.Build(options.Name, hostList, options.Ports, options.Resolution, options.Location, options);
        RecipeBatch.AddAll(_mesh, entry);
        RecipeAdvice.PlainHttpPorts(_mesh, entry, options.Ports);
        RecipeAdvice.WildcardHosts(_mesh, entry, hostList);
        return new ExternalServiceAccess(entry);
    }

    /// <summary>
    /// Originates TLS at the sidecar the way today's docs do (<see cref="TlsOriginationStyle.TargetPort"/>):
    /// the app keeps sending plain HTTP to port 80, the sidecar sends it to 443 over TLS.
    /// </summary>
    /// <param name="host">The external host, exact (no wildcard): <c>edition.cnn.com</c>.</param>
    /// <param name="configure">Changes names, ports, load balancer, server verification, namespace or API version.</param>
    /// <returns>The ServiceEntry and DestinationRule added.</returns>
    public TlsOrigination OriginateTls(string host, Action<TlsOriginationOptions>? configure = null)
        => OriginateTls(host, TlsOriginationStyle.TargetPort, configure);

    /// <summary>
    /// Originates TLS at the sidecar in one of the three forms of Istio's docs: the app keeps sending
    /// plain HTTP, the sidecar sends it to the external host over TLS.
    /// </summary>
    /// <param name="host">The external host, exact (no wildcard): <c>edition.cnn.com</c>.</param>
    /// <param name="style">The form: <see cref="TlsOriginationStyle.TargetPort"/>, <see cref="TlsOriginationStyle.PortRewrite"/> or <see cref="TlsOriginationStyle.DedicatedSubset"/>.</param>
    /// <param name="configure">Changes names, ports, load balancer, server verification, namespace or API version.</param>
    /// <returns>The ServiceEntry, DestinationRule and (for the styles that need one) VirtualService added.</returns>
    public TlsOrigination OriginateTls(string host, TlsOriginationStyle style, Action<TlsOriginationOptions>? configure = null)
    {
        ExternalServiceEntry.ExactHost(host, nameof(host));
        if (!Enum.IsDefined(style))
        {
            throw new ArgumentOutOfRangeException(nameof(style), style, "Not a TLS origination style.");
        }

        var options = new TlsOriginationOptions(host, style);
        configure?.Invoke(options);
        var result = TlsOriginationRecipe.Build(host, options);
        RecipeBatch.AddAll(_mesh, result.ServiceEntry, result.VirtualService, result.DestinationRule);
        RecipeAdvice.Verification(_mesh, nameof(OriginateTls), result.DestinationRule, options.Verification, credentialHoldsCa: false);
        RecipeAdvice.AdditionalHosts(_mesh, result.ServiceEntry, options.AdditionalHosts);
        return result;
    }

    /// <summary>
    /// Originates mutual TLS at the sidecar: the app sends plain HTTP to port 80, the sidecar connects
    /// to 443 presenting a client certificate, from a Kubernetes Secret (<c>credentialName</c>, for the
    /// workloads the DestinationRule selects) or from files in the proxy.
    /// </summary>
    /// <param name="host">The external host, exact (no wildcard): <c>my-nginx.mesh-external.svc.cluster.local</c>.</param>
    /// <param name="configure">Sets the client certificate and the workloads, and changes names, ports, verification, namespace or API version.</param>
    /// <returns>The ServiceEntry and DestinationRule added.</returns>
    public TlsOrigination OriginateMutualTls(string host, Action<MutualTlsOriginationOptions> configure)
    {
        ExternalServiceEntry.ExactHost(host, nameof(host));
        ArgumentNullException.ThrowIfNull(configure);
        var options = new MutualTlsOriginationOptions(host);
        configure(options);
        var result = TlsOriginationRecipe.BuildMutual(host, options);
        RecipeBatch.AddAll(_mesh, result.ServiceEntry, result.DestinationRule);
        RecipeAdvice.Verification(_mesh, nameof(OriginateMutualTls), result.DestinationRule, options.Verification, credentialHoldsCa: options.CredentialName is not null);
        return result;
    }

    /// <summary>
    /// Sends a host's HTTP through the egress gateway, which originates TLS to the host
    /// (<see cref="EgressGatewayTraffic.HttpWithTlsOrigination"/>, verified against the system CA bundle): see
    /// <see cref="RouteThroughGateway(string, EgressGatewayTraffic, Action{EgressGatewayOptions})"/>.
    /// </summary>
    /// <param name="host">The external host, exact (no wildcard): <c>www.aliyun.com</c>.</param>
    /// <param name="configure">Changes names, ports, the gateway, namespace or API version.</param>
    /// <returns>The resources added.</returns>
    public EgressGatewayRoute RouteThroughGateway(string host, Action<EgressGatewayOptions>? configure = null)
        => RouteThroughGateway(host, EgressGatewayTraffic.HttpWithTlsOrigination, configure);

    /// <summary>
    /// Sends a host's traffic out of the mesh through the egress gateway: a ServiceEntry for the host,
    /// a Gateway on the egress gateway, a DestinationRule with a subset of the gateway's service, and a
    /// VirtualService that routes sidecars (gateway <c>mesh</c>) to that subset and the gateway to the
    /// host; with TLS origination at the gateway, also the DestinationRule that originates it; with
    /// <see cref="EgressGatewayOptions.AllowedNamespaces"/> or <see cref="EgressGatewayOptions.AllowedPrincipals"/>,
    /// an AuthorizationPolicy on the gateway's pods that lets only those send the host's traffic.
    /// </summary>
    /// <param name="host">The external host, exact (no wildcard): <c>www.aliyun.com</c>.</param>
    /// <param name="traffic">Plain HTTP, HTTP upgraded to TLS at the gateway, or TLS passed through by SNI.</param>
    /// <param name="configure">Changes names, ports, the gateway, namespace or API version.</param>
    /// <returns>The resources added.</returns>
    public EgressGatewayRoute RouteThroughGateway(string host, EgressGatewayTraffic traffic, Action<EgressGatewayOptions>? configure = null)
    {
        ExternalServiceEntry.ExactHost(host, nameof(host));
        if (!Enum.IsDefined(traffic))
        {
            throw new ArgumentOutOfRangeException(nameof(traffic), traffic, "Not a kind of egress gateway traffic.");
        }

        var options = new EgressGatewayOptions(host, traffic);
        configure?.Invoke(options);
        var result = EgressGatewayRecipe.Build(host, options);
        RecipeBatch.AddAll(_mesh, result.ServiceEntry, result.Gateway, result.GatewayDestinationRule, result.VirtualService, result.TlsDestinationRule, result.AuthorizationPolicy);
        RecipeAdvice.GatewayTraffic(_mesh, result.ServiceEntry, traffic);
        RecipeAdvice.Verification(_mesh, nameof(RouteThroughGateway), result.TlsDestinationRule, options.Verification, credentialHoldsCa: false);
        return result;
    }

    /// <summary>
    /// Locks down egress for a namespace: a Sidecar with <c>outboundTrafficPolicy: REGISTRY_ONLY</c>, so
    /// its workloads reach only hosts in the service registry (mesh services and ServiceEntries). In the
    /// root namespace (<c>istio-system</c>) it applies to the whole mesh.
    /// </summary>
    /// <param name="namespace">The namespace to lock down.</param>
    /// <param name="configure">Changes the Sidecar's name, the hosts it keeps visible, or the API version.</param>
    /// <returns>The Sidecar added.</returns>
    public EgressLockDown LockDown(string @namespace, Action<LockDownOptions>? configure = null)
    {
        var options = new LockDownOptions { Namespace = Guard.NamespaceName(@namespace, nameof(@namespace)) };
        configure?.Invoke(options);
        var sidecar = new SidecarBuilder(options.SidecarName);
        if (options.EgressHosts.Count > 0)
        {
            sidecar.Egress([.. options.EgressHosts]);
        }

        sidecar.OutboundTrafficPolicy(OutboundTrafficPolicyMode.RegistryOnly);
        var result = new EgressLockDown(options.ApplyTo(sidecar.Build()));
        RecipeBatch.AddAll(_mesh, result.Sidecar);
        return result;
    }
}
