using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>The spec of a <see cref="VirtualService"/> (Istio message <c>istio.networking.v1alpha3.VirtualService</c>).</summary>
public sealed class VirtualServiceSpec
{
    internal static readonly MessageSchema<VirtualServiceSpec> Schema = new MessageSchema<VirtualServiceSpec>("VirtualService", () => new())
        .Field("hosts", x => x._hosts!, (x, v) => x.Hosts = v, Codecs.StringList)
        .Field("gateways", x => x._gateways!, (x, v) => x.Gateways = v, Codecs.StringList)
        .Field("http", x => x._http!, (x, v) => x.Http = v, Codecs.MessageList(() => HttpRoute.Schema))
        .Field("tls", x => x._tls!, (x, v) => x.Tls = v, Codecs.MessageList(() => TlsRoute.Schema))
        .Field("tcp", x => x._tcp!, (x, v) => x.Tcp = v, Codecs.MessageList(() => TcpRoute.Schema))
        .Field("exportTo", x => x._exportTo!, (x, v) => x.ExportTo = v, Codecs.StringList);

    private List<string>? _hosts;

    /// <summary>
    /// The hosts the rules apply to: DNS names (optionally with a wildcard prefix), short names resolved
    /// in the VirtualService's namespace, or IP addresses (gateways only). Empty for a delegate VirtualService.
    /// </summary>
    public List<string> Hosts { get => _hosts ??= new(); set => _hosts = value; }

    private List<string>? _gateways;

    /// <summary>
    /// The gateways (<c>[namespace/]name</c>) and sidecars that apply the rules; <see cref="VirtualService.MeshGateway"/>
    /// (<c>mesh</c>) means every sidecar. Unset means <c>mesh</c> only.
    /// </summary>
    public List<string> Gateways { get => _gateways ??= new(); set => _gateways = value; }

    /// <summary>Reads <see cref="Gateways"/> without creating it: the list (or an empty one) for read-only checks.</summary>
    internal IReadOnlyList<string> GatewaysOrEmpty => _gateways is { } value ? value : Array.Empty<string>();

    private List<HttpRoute>? _http;

    /// <summary>The HTTP rules, in order: the first that matches a request is used.</summary>
    public List<HttpRoute> Http { get => _http ??= new(); set => _http = value; }

    private List<TlsRoute>? _tls;

    /// <summary>The rules for TLS and HTTPS traffic that is not terminated, routed by SNI; the first that matches is used.</summary>
    public List<TlsRoute> Tls { get => _tls ??= new(); set => _tls = value; }

    /// <summary>Reads <see cref="Tls"/> without creating it: the list (or an empty one) for read-only checks.</summary>
    internal IReadOnlyList<TlsRoute> TlsOrEmpty => _tls is { } value ? value : Array.Empty<TlsRoute>();

    private List<TcpRoute>? _tcp;

    /// <summary>The rules for opaque TCP traffic; the first that matches is used.</summary>
    public List<TcpRoute> Tcp { get => _tcp ??= new(); set => _tcp = value; }

    /// <summary>Reads <see cref="Tcp"/> without creating it: the list (or an empty one) for read-only checks.</summary>
    internal IReadOnlyList<TcpRoute> TcpOrEmpty => _tcp is { } value ? value : Array.Empty<TcpRoute>();

    private List<string>? _exportTo;

    /// <summary>The namespaces the VirtualService is visible to (<c>.</c> for its own, <c>*</c> for all); unset means all.</summary>
    public List<string> ExportTo { get => _exportTo ??= new(); set => _exportTo = value; }

    /// <summary>Reads <see cref="ExportTo"/> without creating it: the list (or an empty one) for read-only checks.</summary>
    internal IReadOnlyList<string> ExportToOrEmpty => _exportTo is { } value ? value : Array.Empty<string>();
}
