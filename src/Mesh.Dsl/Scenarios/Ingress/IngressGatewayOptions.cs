using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Scenarios;

/// <summary>
/// Options of <see cref="IngressScenarios.Gateway(string, Action{IngressGatewayOptions})"/>; each starts
/// at the default it documents. Add servers with <see cref="Http"/>, <see cref="Https"/>,
/// <see cref="MutualHttps"/> and <see cref="Passthrough"/>, and say where requests go with <see cref="RouteTo"/>.
/// </summary>
public sealed class IngressGatewayOptions : RecipeOptions
{
    internal IngressGatewayOptions(string host)
    {
        var name = HostNames.Slug(host.Split('.')[0] is { Length: > 0 } first && first != "*" ? first : host);
        GatewayName = name + "-gateway";
        VirtualServiceName = name;
    }

    /// <summary>The Gateway's name; the host's first label and <c>-gateway</c> by default (<c>httpbin-gateway</c>).</summary>
    public string GatewayName { get; set; }

    /// <summary>The VirtualService's name; the host's first label by default (<c>httpbin</c>).</summary>
    public string VirtualServiceName { get; set; }

    /// <summary>The labels that select the ingress gateway's pods; <c>istio: ingressgateway</c> by default.</summary>
    public OrderedDictionary<string, string> GatewaySelector { get; set; } = new() { ["istio"] = "ingressgateway" };

    /// <summary>Further hosts the Gateway and the VirtualService serve.</summary>
    public List<string> AdditionalHosts { get; set; } = new();

    /// <summary>The servers; with none, the Gateway serves plain HTTP on 80.</summary>
    public List<IngressServer> Servers { get; set; } = new();

    /// <summary>The service requests are routed to (<c>httpbin</c>, <c>httpbin.default.svc.cluster.local</c>); required.</summary>
    public string? DestinationHost { get; set; }

    /// <summary>The service's port; null when the service has only one.</summary>
    public int? DestinationPort { get; set; }

    /// <summary>Adds a plain HTTP server.</summary>
    /// <param name="port">The gateway port; 80 by default.</param>
    /// <param name="name">The port name; <c>http</c> by default.</param>
    /// <param name="redirectToHttps">Answer every request with a redirect to HTTPS instead of routing it.</param>
    /// <returns>These options.</returns>
    public IngressGatewayOptions Http(int port = 80, string name = "http", bool redirectToHttps = false)
        => AddServer(new IngressServer(port, name, Protocols.Http, HttpsRedirect: redirectToHttps));

    /// <summary>Adds an HTTPS server that terminates TLS with the certificate of a Kubernetes Secret (mode SIMPLE).</summary>
    /// <param name="credentialName">The Secret, in the gateway's namespace, with <c>tls.crt</c> and <c>tls.key</c>.</param>
    /// <param name="port">The gateway port; 443 by default.</param>
    /// <param name="name">The port name; <c>https</c> by default.</param>
    /// <returns>These options.</returns>
    public IngressGatewayOptions Https(string credentialName, int port = 443, string name = "https")
        => AddServer(new IngressServer(port, name, Protocols.Https, ServerTlsMode.Simple, Builders.Guard.NotEmpty(credentialName, nameof(credentialName))));

    /// <summary>Adds an HTTPS server that terminates TLS and requires client certificates (mode MUTUAL).</summary>
    /// <param name="credentialName">The Secret, in the gateway's namespace, with <c>tls.crt</c>, <c>tls.key</c> and <c>ca.crt</c>.</param>
    /// <param name="port">The gateway port; 443 by default.</param>
    /// <param name="name">The port name; <c>https</c> by default.</param>
    /// <returns>These options.</returns>
    public IngressGatewayOptions MutualHttps(string credentialName, int port = 443, string name = "https")
        => AddServer(new IngressServer(port, name, Protocols.Https, ServerTlsMode.Mutual, Builders.Guard.NotEmpty(credentialName, nameof(credentialName))));

    /// <summary>Adds a TLS server that passes the connection through to the service, routed by SNI (mode PASSTHROUGH).</summary>
    /// <param name="port">The gateway port; 443 by default.</param>
    /// <param name="name">The port name; <c>tls</c> by default.</param>
    /// <returns>These options.</returns>
    public IngressGatewayOptions Passthrough(int port = 443, string name = "tls")
        => AddServer(new IngressServer(port, name, Protocols.Tls, ServerTlsMode.Passthrough));

    /// <summary>Sets the service requests are routed to.</summary>
    /// <param name="host">The service host.</param>
    /// <param name="port">The service port; null when it has only one.</param>
    /// <returns>These options.</returns>
    public IngressGatewayOptions RouteTo(string host, int? port = null)
    {
        DestinationHost = Builders.Guard.Host(host, nameof(host));
        DestinationPort = port is { } number ? (int)Builders.Guard.Port(number, nameof(port)) : null;
        return this;
    }

    private IngressGatewayOptions AddServer(IngressServer server)
    {
        Servers.Add(server);
        return this;
    }
}
