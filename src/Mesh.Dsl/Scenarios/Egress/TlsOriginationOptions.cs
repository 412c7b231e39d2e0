using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Scenarios;

/// <summary>
/// Options of <see cref="EgressScenarios.OriginateTls(string, TlsOriginationStyle, Action{TlsOriginationOptions})"/>;
/// each starts at the default it documents, which depends on the <see cref="Style"/>.
/// </summary>
public sealed class TlsOriginationOptions : RecipeOptions
{
    internal TlsOriginationOptions(string host, TlsOriginationStyle style)
    {
        var slug = HostNames.Slug(host);
        Style = style;
        ServiceEntryName = slug;
        DestinationRuleName = style == TlsOriginationStyle.TargetPort ? slug : "originate-tls-for-" + slug;
        VirtualServiceName = "rewrite-port-for-" + slug;
        TlsPortName = style == TlsOriginationStyle.PortRewrite ? "http-port-for-tls-origination" : "https-port";
        Location = style == TlsOriginationStyle.DedicatedSubset ? ServiceEntryLocation.MeshExternal : null;
        LoadBalancer = style == TlsOriginationStyle.TargetPort ? null : LoadBalancerAlgorithm.RoundRobin;
        Verification = new ServerVerification(host);
    }

    /// <summary>The form of TLS origination, chosen when the recipe is called.</summary>
    public TlsOriginationStyle Style { get; }

    /// <summary>The ServiceEntry's name; by default the host with dots as dashes (<c>edition-cnn-com</c>).</summary>
    public string ServiceEntryName { get; set; }

    /// <summary>
    /// The DestinationRule's name; by default the ServiceEntry's for <see cref="TlsOriginationStyle.TargetPort"/>,
    /// otherwise <c>originate-tls-for-</c> and the host (<c>originate-tls-for-edition-cnn-com</c>).
    /// </summary>
    public string DestinationRuleName { get; set; }

    /// <summary>
    /// The VirtualService's name, for the styles that have one; by default <c>rewrite-port-for-</c> and
    /// the host (<c>rewrite-port-for-edition-cnn-com</c>).
    /// </summary>
    public string VirtualServiceName { get; set; }

    /// <summary>Further hosts the ServiceEntry admits, without TLS origination (the seed's <c>hbchen.com</c>).</summary>
    public List<string> AdditionalHosts { get; set; } = new();

    /// <summary>The port the app sends plain HTTP to; 80 by default.</summary>
    public int HttpPort { get; set; } = 80;

    /// <summary>The HTTP port's name; <c>http-port</c> by default.</summary>
    public string HttpPortName { get; set; } = "http-port";

    /// <summary>The port the external service accepts TLS on; 443 by default.</summary>
    public int TlsPort { get; set; } = 443;

    /// <summary>
    /// The TLS port's name: <c>https-port</c> by default, <c>http-port-for-tls-origination</c> for
    /// <see cref="TlsOriginationStyle.PortRewrite"/>, where the port is declared as plain HTTP.
    /// </summary>
    public string TlsPortName { get; set; }

    /// <summary>How the ServiceEntry's endpoints are resolved; <see cref="ServiceEntryResolution.Dns"/> by default, which TLS origination needs.</summary>
    public ServiceEntryResolution Resolution { get; set; } = ServiceEntryResolution.Dns;

    /// <summary>
    /// The ServiceEntry's location: written as <see cref="ServiceEntryLocation.MeshExternal"/> by default for
    /// <see cref="TlsOriginationStyle.DedicatedSubset"/>, left out (which Istio reads as mesh-external) otherwise.
    /// </summary>
    public ServiceEntryLocation? Location { get; set; }

    /// <summary>
    /// The load balancer written into the DestinationRule's policies: <see cref="LoadBalancerAlgorithm.RoundRobin"/>
    /// by default for the older styles, whose docs write it; none for <see cref="TlsOriginationStyle.TargetPort"/>.
    /// </summary>
    public LoadBalancerAlgorithm? LoadBalancer { get; set; }

    /// <summary>The subset that originates TLS, for <see cref="TlsOriginationStyle.DedicatedSubset"/>; <c>originate-tls</c> by default.</summary>
    public string SubsetName { get; set; } = "originate-tls";

    /// <summary>
    /// How the server's certificate is checked: by default against <see cref="ServerVerification.SystemCaBundle"/>
    /// with the host as the SNI; <see cref="ServerVerification.None"/> leaves both out (as the seed documents do).
    /// </summary>
    public ServerVerification Verification { get; set => field = value ?? throw new ArgumentNullException(nameof(value)); }
}
