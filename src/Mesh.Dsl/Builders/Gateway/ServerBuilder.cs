using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds a <see cref="Server"/> of a Gateway: its port, hosts and TLS.</summary>
public sealed partial class ServerBuilder : PortListenerBuilder<ServerBuilder, Server>
{
    /// <summary>Creates a builder over a server.</summary>
    /// <param name="target">The server to fill in.</param>
    public ServerBuilder(Server target)
        : base(target)
    {
    }

    /// <summary>Adds hosts the server accepts, each <c>[namespace/]dnsName</c>.</summary>
    /// <param name="hosts">The hosts (<c>www.aliyun.com</c>, <c>*.example.com</c>, <c>prod/*</c>, <c>*</c>).</param>
    /// <returns>This builder.</returns>
    public ServerBuilder Hosts(params string[] hosts)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        foreach (var host in hosts)
        {
            Target.Hosts.Add(Guard.NamespacedHost(host, nameof(hosts)));
        }

        return this;
    }

    /// <summary>Configures the TLS the server offers.</summary>
    /// <param name="configure">Sets the TLS mode, certificates and versions.</param>
    /// <returns>This builder.</returns>
    public ServerBuilder Tls(Action<ServerTlsSettingsBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Child(s => s.Tls, (s, t) => s.Tls = t, static () => new(), t => new ServerTlsSettingsBuilder(t), configure);
    }

    /// <summary>Sets the default endpoint (Istio does not implement it).</summary>
    /// <param name="endpoint"><c>127.0.0.1:PORT</c> or <c>unix:///path</c>.</param>
    /// <returns>This builder.</returns>
    public ServerBuilder DefaultEndpoint(string endpoint)
    {
        Target.DefaultEndpoint = Guard.NotEmpty(endpoint, nameof(endpoint));
        return this;
    }

    /// <summary>Names the server; the name must be unique among the gateway's servers.</summary>
    /// <param name="name">The name.</param>
    /// <returns>This builder.</returns>
    public ServerBuilder Name(string name)
    {
        Target.Name = Guard.NotEmpty(name, nameof(name));
        return this;
    }
}
