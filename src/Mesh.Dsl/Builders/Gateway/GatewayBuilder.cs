using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds a <see cref="Gateway"/>.</summary>
public sealed partial class GatewayBuilder : ResourceBuilder<GatewayBuilder, Gateway, GatewaySpec>
{
    /// <summary>Starts a new Gateway.</summary>
    /// <param name="name">The resource name: a lowercase DNS-1123 subdomain.</param>
    public GatewayBuilder(string name)
        : base(new Gateway(), name)
    {
    }

    /// <summary>Edits an existing Gateway.</summary>
    /// <param name="resource">The resource to edit.</param>
    public GatewayBuilder(Gateway resource)
        : base(resource)
    {
    }

    /// <summary>Selects the gateway pods by a label (<c>istio</c> = <c>egressgateway</c>).</summary>
    /// <param name="key">The label key.</param>
    /// <param name="value">The label value.</param>
    /// <returns>This builder.</returns>
    public GatewayBuilder Selector(string key, string value)
    {
        Guard.Text(value, nameof(value));
        Target.Selector[Guard.NotEmpty(key, nameof(key))] = value;
        return this;
    }

    /// <summary>Adds a server.</summary>
    /// <param name="configure">Sets the server's port, hosts and TLS.</param>
    /// <returns>This builder.</returns>
    public GatewayBuilder Server(Action<ServerBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddChild(Target.Servers, static () => new(), s => new ServerBuilder(s), configure);
    }

    /// <summary>Adds a plain HTTP server.</summary>
    /// <param name="port">The port number, 1 to 65535.</param>
    /// <param name="name">The port's name (<c>http-port</c>).</param>
    /// <param name="hosts">The hosts accepted, each <c>[namespace/]dnsName</c>.</param>
    /// <returns>This builder.</returns>
    public GatewayBuilder HttpServer(int port, string name, params string[] hosts)
        => Server(s => s.Port(port, name, Protocols.Http).Hosts(hosts));

    /// <summary>Adds an HTTPS server that terminates TLS (<c>SIMPLE</c>) with the certificate of a Kubernetes secret.</summary>
    /// <param name="port">The port number, 1 to 65535.</param>
    /// <param name="name">The port's name (<c>https</c>).</param>
    /// <param name="credentialName">The secret holding the certificate and key.</param>
    /// <param name="hosts">The hosts accepted, each <c>[namespace/]dnsName</c>.</param>
    /// <returns>This builder.</returns>
    public GatewayBuilder HttpsServer(int port, string name, string credentialName, params string[] hosts)
        => Server(s => s.Port(port, name, Protocols.Https).Hosts(hosts).Tls(t => t.Mode(ServerTlsMode.Simple).CredentialName(credentialName)));
}
