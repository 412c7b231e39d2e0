using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>Conditions an HTTP request must all meet for a rule to apply (Istio message <c>HTTPMatchRequest</c>); it cannot be empty.</summary>
public sealed class HttpMatchRequest
{
    internal static readonly MessageSchema<HttpMatchRequest> Schema = new MessageSchema<HttpMatchRequest>("HTTPMatchRequest", () => new())
        .Field("name", x => x.Name, (x, v) => x.Name = v, Codecs.String)
        .Field("uri", x => x.Uri, (x, v) => x.Uri = v, Codecs.Message(() => StringMatch.Schema))
        .Field("scheme", x => x.Scheme, (x, v) => x.Scheme = v, Codecs.Message(() => StringMatch.Schema))
        .Field("method", x => x.Method, (x, v) => x.Method = v, Codecs.Message(() => StringMatch.Schema))
        .Field("authority", x => x.Authority, (x, v) => x.Authority = v, Codecs.Message(() => StringMatch.Schema))
        .Field("headers", x => x._headers!, (x, v) => x.Headers = v, Codecs.MessageMap(() => StringMatch.Schema))
        .Field("port", x => x.Port, (x, v) => x.Port = v, Codecs.UInt32)
        .Field("sourceLabels", x => x._sourceLabels!, (x, v) => x.SourceLabels = v, Codecs.StringMap)
        .Field("gateways", x => x._gateways!, (x, v) => x.Gateways = v, Codecs.StringList)
        .Field("queryParams", x => x._queryParams!, (x, v) => x.QueryParams = v, Codecs.MessageMap(() => StringMatch.Schema))
        .Field("ignoreUriCase", x => x.IgnoreUriCase, (x, v) => x.IgnoreUriCase = v, Codecs.Bool)
        .Field("withoutHeaders", x => x._withoutHeaders!, (x, v) => x.WithoutHeaders = v, Codecs.MessageMap(() => StringMatch.Schema))
        .Field("sourceNamespace", x => x.SourceNamespace, (x, v) => x.SourceNamespace = v, Codecs.String)
        .Field("statPrefix", x => x.StatPrefix, (x, v) => x.StatPrefix = v, Codecs.String);

    /// <summary>The match's name, written to the access log together with the rule's name.</summary>
    public string? Name { get; set; }

    /// <summary>The request path; case-sensitive unless <see cref="IgnoreUriCase"/> is set.</summary>
    public StringMatch? Uri { get; set; }

    /// <summary>The URI scheme (<c>http</c>, <c>https</c>).</summary>
    public StringMatch? Scheme { get; set; }

    /// <summary>The HTTP method.</summary>
    public StringMatch? Method { get; set; }

    /// <summary>The authority (Host header).</summary>
    public StringMatch? Authority { get; set; }

    private OrderedDictionary<string, StringMatch>? _headers;

    /// <summary>Request headers by lowercase name (<c>x-request-id</c>); an empty match checks only that the header is present.</summary>
    public OrderedDictionary<string, StringMatch> Headers { get => _headers ??= new(); set => _headers = value; }

    /// <summary>Reads <see cref="Headers"/> without creating it: the map (or an empty one) for read-only checks.</summary>
    internal IReadOnlyDictionary<string, StringMatch> HeadersOrEmpty => _headers is { } value ? value : System.Collections.ObjectModel.ReadOnlyDictionary<string, StringMatch>.Empty;

    /// <summary>The port of the host being addressed; needed only when the service has several.</summary>
    public uint? Port { get; set; }

    private OrderedDictionary<string, string>? _sourceLabels;

    /// <summary>Labels the client workload must carry; with top-level gateways set, they must include <c>mesh</c> for this to apply.</summary>
    public OrderedDictionary<string, string> SourceLabels { get => _sourceLabels ??= new(); set => _sourceLabels = value; }

    /// <summary>Reads <see cref="SourceLabels"/> without creating it: the map (or an empty one) for read-only checks.</summary>
    internal IReadOnlyDictionary<string, string> SourceLabelsOrEmpty => _sourceLabels is { } value ? value : System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;

    private List<string>? _gateways;

    /// <summary>The gateways (and <c>mesh</c>) this match applies at, overriding the VirtualService's <c>gateways</c>.</summary>
    public List<string> Gateways { get => _gateways ??= new(); set => _gateways = value; }

    /// <summary>Reads <see cref="Gateways"/> without creating it: the list (or an empty one) for read-only checks.</summary>
    internal IReadOnlyList<string> GatewaysOrEmpty => _gateways is { } value ? value : Array.Empty<string>();

    private OrderedDictionary<string, StringMatch>? _queryParams;

    /// <summary>Query parameters by name (<c>exact</c> and <c>regex</c> only; <c>exact: ""</c> matches a parameter without value).</summary>
    public OrderedDictionary<string, StringMatch> QueryParams { get => _queryParams ??= new(); set => _queryParams = value; }

    /// <summary>Reads <see cref="QueryParams"/> without creating it: the map (or an empty one) for read-only checks.</summary>
    internal IReadOnlyDictionary<string, StringMatch> QueryParamsOrEmpty => _queryParams is { } value ? value : System.Collections.ObjectModel.ReadOnlyDictionary<string, StringMatch>.Empty;

    /// <summary>Whether <see cref="Uri"/> (<c>exact</c> and <c>prefix</c>) ignores case.</summary>
    public bool? IgnoreUriCase { get; set; }

    private OrderedDictionary<string, StringMatch>? _withoutHeaders;

    /// <summary>Headers that must not match: a request with a header matching one of these does not match.</summary>
    public OrderedDictionary<string, StringMatch> WithoutHeaders { get => _withoutHeaders ??= new(); set => _withoutHeaders = value; }

    /// <summary>Reads <see cref="WithoutHeaders"/> without creating it: the map (or an empty one) for read-only checks.</summary>
    internal IReadOnlyDictionary<string, StringMatch> WithoutHeadersOrEmpty => _withoutHeaders is { } value ? value : System.Collections.ObjectModel.ReadOnlyDictionary<string, StringMatch>.Empty;

    /// <summary>The namespace the client workload must run in; with top-level gateways set, they must include <c>mesh</c> for this to apply.</summary>
    public string? SourceNamespace { get; set; }

    /// <summary>A prefix for Envoy's per-route statistics (<c>route.&lt;statPrefix&gt;</c>), for routes worth watching on their own.</summary>
    public string? StatPrefix { get; set; }
}
