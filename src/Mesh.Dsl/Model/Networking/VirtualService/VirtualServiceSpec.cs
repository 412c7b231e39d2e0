using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>The spec of a <see cref="VirtualService"/> (Istio message <c>istio.networking.v1alpha3.VirtualService</c>).</summary>
public sealed class VirtualServiceSpec
{
    internal static readonly MessageSchema<VirtualServiceSpec> Schema = new MessageSchema<VirtualServiceSpec>("VirtualService", () => new())
        .Field("hosts", x => x.Hosts, (x, v) => x.Hosts = v, Codecs.StringList)
        .Field("gateways", x => x.Gateways, (x, v) => x.Gateways = v, Codecs.StringList)
        .Field("http", x => x.Http, (x, v) => x.Http = v, Codecs.MessageList(HttpRoute.Schema))
        .Field("tls", x => x.Tls, (x, v) => x.Tls = v, Codecs.MessageList(TlsRoute.Schema))
        .Field("tcp", x => x.Tcp, (x, v) => x.Tcp = v, Codecs.MessageList(TcpRoute.Schema))
        .Field("exportTo", x => x.ExportTo, (x, v) => x.ExportTo = v, Codecs.StringList);

    /// <summary>
    /// The hosts the rules apply to: DNS names (optionally with a wildcard prefix), short names resolved
    /// in the VirtualService's namespace, or IP addresses (gateways only). Empty for a delegate VirtualService.
    /// </summary>
    public List<string> Hosts { get; set; } = new();

    /// <summary>
    /// The gateways (<c>[namespace/]name</c>) and sidecars that apply the rules; <see cref="VirtualService.MeshGateway"/>
    /// (<c>mesh</c>) means every sidecar. Unset means <c>mesh</c> only.
    /// </summary>
    public List<string> Gateways { get; set; } = new();

    /// <summary>The HTTP rules, in order: the first that matches a request is used.</summary>
    public List<HttpRoute> Http { get; set; } = new();

    /// <summary>The rules for TLS and HTTPS traffic that is not terminated, routed by SNI; the first that matches is used.</summary>
    public List<TlsRoute> Tls { get; set; } = new();

    /// <summary>The rules for opaque TCP traffic; the first that matches is used.</summary>
    public List<TcpRoute> Tcp { get; set; } = new();

    /// <summary>The namespaces the VirtualService is visible to (<c>.</c> for its own, <c>*</c> for all); unset means all.</summary>
    public List<string> ExportTo { get; set; } = new();
}
