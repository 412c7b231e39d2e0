using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>The spec of a <see cref="Gateway"/> (Istio message <c>istio.networking.v1alpha3.Gateway</c>).</summary>
public sealed class GatewaySpec
{
    internal static readonly MessageSchema<GatewaySpec> Schema = new MessageSchema<GatewaySpec>("Gateway", () => new())
        .Field("servers", x => x.Servers, (x, v) => x.Servers = v, Codecs.MessageList(Server.Schema))
        .Field("selector", x => x.Selector, (x, v) => x.Selector = v, Codecs.StringMap);

    /// <summary>The servers: one per port (and TLS setting) the gateway listens on.</summary>
    public List<Server> Servers { get; set; } = new();

    /// <summary>The labels of the gateway pods this configuration applies to (<c>istio: egressgateway</c>).</summary>
    public OrderedDictionary<string, string> Selector { get; set; } = new();
}
