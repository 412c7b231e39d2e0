using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Scenarios;

/// <summary>
/// Options of <see cref="EgressScenarios.RouteThroughGateway(string, EgressGatewayTraffic, Action{EgressGatewayOptions})"/>;
/// each starts at the default it documents. Names follow Istio's docs, built from the host's short
/// name (<c>www.aliyun.com</c> → <c>aliyun</c>).
/// </summary>
public sealed class EgressGatewayOptions : RecipeOptions
{
    internal EgressGatewayOptions(string host, EgressGatewayTraffic traffic)
    {
        var shortName = HostNames.Short(host);
        Traffic = traffic;
        ServiceEntryName = HostNames.Slug(host);
        GatewayDestinationRuleName = "egressgateway-for-" + shortName;
        GatewaySubsetName = shortName;
        VirtualServiceName = shortName + "-through-egress-gateway";
        TlsDestinationRuleName = "originate-tls-for-" + shortName;
        Verification = new ServerVerification(host);
        AuthorizationPolicyName = "allow-" + shortName + "-through-egress-gateway";
    }

    /// <summary>The kind of traffic routed, chosen when the recipe is called.</summary>
    public EgressGatewayTraffic Traffic { get; }

    /// <summary>The ServiceEntry's name; by default the host with dots as dashes (<c>www-aliyun-com</c>).</summary>
    public string ServiceEntryName { get; set; }

    /// <summary>The Gateway's name, which the VirtualService refers to; <c>istio-egressgateway</c> by default.</summary>
    public string GatewayName { get; set; } = "istio-egressgateway";

    /// <summary>The labels that select the egress gateway's pods; <c>istio: egressgateway</c> by default.</summary>
    public OrderedDictionary<string, string> GatewaySelector { get; set; } = new() { ["istio"] = "egressgateway" };

    /// <summary>The egress gateway's service host; <c>istio-egressgateway.istio-system.svc.cluster.local</c> by default.</summary>
    public string GatewayService { get; set; } = "istio-egressgateway.istio-system.svc.cluster.local";

    /// <summary>The DestinationRule for the gateway's service; <c>egressgateway-for-</c> and the short name by default.</summary>
    public string GatewayDestinationRuleName { get; set; }

    /// <summary>The subset of the gateway's service that carries this host's traffic; the short name by default.</summary>
    public string GatewaySubsetName { get; set; }

    /// <summary>The VirtualService's name; the short name and <c>-through-egress-gateway</c> by default.</summary>
    public string VirtualServiceName { get; set; }

    /// <summary>The DestinationRule that originates TLS at the gateway (<see cref="EgressGatewayTraffic.HttpWithTlsOrigination"/>); <c>originate-tls-for-</c> and the short name by default.</summary>
    public string TlsDestinationRuleName { get; set; }

    /// <summary>The subset of the external host that originates TLS; <c>originate-tls</c> by default.</summary>
    public string TlsSubsetName { get; set; } = "originate-tls";

    /// <summary>The HTTP port, of the external host and of the gateway; 80 (<c>http-port</c>) by default.</summary>
    public int HttpPort { get; set; } = 80;

    /// <summary>The HTTP port's name; <c>http-port</c> by default.</summary>
    public string HttpPortName { get; set; } = "http-port";

    /// <summary>The TLS port, of the external host and of the gateway; 443 by default.</summary>
    public int TlsPort { get; set; } = 443;

    /// <summary>The TLS port's name in the ServiceEntry; <c>https-port</c> by default.</summary>
    public string TlsPortName { get; set; } = "https-port";

    /// <summary>The name of the gateway's TLS server port, for <see cref="EgressGatewayTraffic.TlsPassthrough"/>; <c>tls</c> by default.</summary>
    public string GatewayTlsPortName { get; set; } = "tls";

    /// <summary>How the ServiceEntry's endpoints are resolved; <see cref="ServiceEntryResolution.Dns"/> by default, which the gateway needs.</summary>
    public ServiceEntryResolution Resolution { get; set; } = ServiceEntryResolution.Dns;

    /// <summary>The weight written on each route; 100 by default, as the docs write it; null leaves it out.</summary>
    public int? RouteWeight { get; set; } = 100;

    /// <summary>The load balancer of the TLS-originating DestinationRule; <see cref="LoadBalancerAlgorithm.RoundRobin"/> by default.</summary>
    public LoadBalancerAlgorithm? LoadBalancer { get; set; } = LoadBalancerAlgorithm.RoundRobin;

    /// <summary>
    /// The namespaces whose workloads may send this host's traffic through the egress gateway. With this or
    /// <see cref="AllowedPrincipals"/> set, the recipe adds an ALLOW AuthorizationPolicy on the gateway's
    /// pods; as with any ALLOW policy, traffic through the gateway that no ALLOW policy matches is denied.
    /// Empty (the default) adds no policy.
    /// </summary>
    public List<string> AllowedNamespaces { get; set; } = new();

    /// <summary>
    /// The workload identities (<c>cluster.local/ns/default/sa/curl</c>) that may send this host's traffic
    /// through the egress gateway; either these or <see cref="AllowedNamespaces"/> match (see there).
    /// </summary>
    public List<string> AllowedPrincipals { get; set; } = new();

    /// <summary>The AuthorizationPolicy's name; <c>allow-</c>, the short name and <c>-through-egress-gateway</c> by default.</summary>
    public string AuthorizationPolicyName { get; set; }

    /// <summary>
    /// The namespace of the egress gateway's pods, where the AuthorizationPolicy must be to select them; null
    /// (the default) takes the namespace of <see cref="GatewayService"/> (<c>istio-system</c>).
    /// </summary>
    public string? GatewayNamespace { get; set; }

    /// <summary>
    /// How the gateway checks the external server's certificate when it originates TLS
    /// (<see cref="EgressGatewayTraffic.HttpWithTlsOrigination"/>): by default against
    /// <see cref="ServerVerification.SystemCaBundle"/> with the host as the SNI; <see cref="ServerVerification.None"/>
    /// leaves both out (as the seed documents do).
    /// </summary>
    public ServerVerification Verification { get; set => field = value ?? throw new ArgumentNullException(nameof(value)); }
}
