using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>One port of a Gateway with the hosts it accepts there (Istio message <c>istio.networking.v1alpha3.Server</c>).</summary>
public sealed class Server : IPortListener
{
    internal static readonly MessageSchema<Server> Schema = new MessageSchema<Server>("Server", () => new())
        .Field("port", x => x.Port, (x, v) => x.Port = v, Codecs.Message(() => Port.Schema))
        .Field("bind", x => x.Bind, (x, v) => x.Bind = v, Codecs.String)
        .Field("hosts", x => x._hosts!, (x, v) => x.Hosts = v, Codecs.StringList)
        .Field("tls", x => x.Tls, (x, v) => x.Tls = v, Codecs.Message(() => ServerTlsSettings.Schema))
        .Field("defaultEndpoint", x => x.DefaultEndpoint, (x, v) => x.DefaultEndpoint = v, Codecs.String)
        .Field("name", x => x.Name, (x, v) => x.Name = v, Codecs.String);

    /// <summary>The port the proxy listens on.</summary>
    public Port? Port { get; set; }

    /// <summary>The IP address or Unix domain socket (<c>unix:///path</c>) the listener binds to.</summary>
    public string? Bind { get; set; }

    private List<string>? _hosts;

    /// <summary>The hosts exposed, each <c>[namespace/]dnsName</c> (<c>*.example.com</c>, <c>prod/*</c>).</summary>
    public List<string> Hosts { get => _hosts ??= new(); set => _hosts = value; }

    /// <summary>The TLS the server offers, and whether plain HTTP is redirected to HTTPS.</summary>
    public ServerTlsSettings? Tls { get; set; }

    /// <summary>Not implemented by Istio: the loopback endpoint traffic would be forwarded to by default.</summary>
    public string? DefaultEndpoint { get; set; }

    /// <summary>A name for the server, unique among the gateway's servers; prefixes its statistics.</summary>
    public string? Name { get; set; }
}
