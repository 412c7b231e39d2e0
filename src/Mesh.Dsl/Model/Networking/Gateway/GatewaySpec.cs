using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>The spec of a <see cref="Gateway"/> (Istio message <c>istio.networking.v1alpha3.Gateway</c>).</summary>
public sealed class GatewaySpec
{
    internal static readonly MessageSchema<GatewaySpec> Schema = new MessageSchema<GatewaySpec>("Gateway", () => new())
        .Field("servers", x => x._servers!, (x, v) => x.Servers = v, Codecs.MessageList(() => Server.Schema))
        .Field("selector", x => x._selector!, (x, v) => x.Selector = v, Codecs.StringMap);

    private List<Server>? _servers;

    /// <summary>The servers: one per port (and TLS setting) the gateway listens on.</summary>
    public List<Server> Servers { get => _servers ??= new(); set => _servers = value; }

    private OrderedDictionary<string, string>? _selector;

    /// <summary>The labels of the gateway pods this configuration applies to (<c>istio: egressgateway</c>).</summary>
    public OrderedDictionary<string, string> Selector { get => _selector ??= new(); set => _selector = value; }
}
