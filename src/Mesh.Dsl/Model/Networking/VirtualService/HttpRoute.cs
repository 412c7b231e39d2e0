using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>An HTTP rule: match conditions and what to do with matching HTTP/1.1, HTTP/2 and gRPC requests (Istio message <c>HTTPRoute</c>).</summary>
public sealed class HttpRoute
{
    internal static readonly MessageSchema<HttpRoute> Schema = new MessageSchema<HttpRoute>("HTTPRoute", () => new())
        .Field("name", x => x.Name, (x, v) => x.Name = v, Codecs.String)
        .Field("match", x => x._match!, (x, v) => x.Match = v, Codecs.MessageList(() => HttpMatchRequest.Schema))
        .Field("route", x => x._route!, (x, v) => x.Route = v, Codecs.MessageList(() => HttpRouteDestination.Schema))
        .Field("redirect", x => x.Redirect, (x, v) => x.Redirect = v, Codecs.Message(() => HttpRedirect.Schema))
        .Field("directResponse", x => x.DirectResponse, (x, v) => x.DirectResponse = v, Codecs.Message(() => HttpDirectResponse.Schema))
        .Field("delegate", x => x.Delegate, (x, v) => x.Delegate = v, Codecs.Message(() => VirtualServiceDelegate.Schema))
        .Field("rewrite", x => x.Rewrite, (x, v) => x.Rewrite = v, Codecs.Message(() => HttpRewrite.Schema))
        .Field("timeout", x => x.Timeout, (x, v) => x.Timeout = v, Codecs.Duration)
        .Field("retries", x => x.Retries, (x, v) => x.Retries = v, Codecs.Message(() => HttpRetry.Schema))
        .Field("fault", x => x.Fault, (x, v) => x.Fault = v, Codecs.Message(() => HttpFaultInjection.Schema))
        .Field("mirror", x => x.Mirror, (x, v) => x.Mirror = v, Codecs.Message(() => Destination.Schema))
        .Field("mirrors", x => x._mirrors!, (x, v) => x.Mirrors = v, Codecs.MessageList(() => HttpMirrorPolicy.Schema))
        .Field("mirrorPercent", x => x.MirrorPercent, (x, v) => x.MirrorPercent = v, Codecs.UInt32)
        .Field("mirror_percent", x => x.MirrorPercentSnakeCase, (x, v) => x.MirrorPercentSnakeCase = v, Codecs.UInt32)
        .Field("mirrorPercentage", x => x.MirrorPercentage, (x, v) => x.MirrorPercentage = v, Codecs.Message(() => Percent.Schema))
        .Field("corsPolicy", x => x.CorsPolicy, (x, v) => x.CorsPolicy = v, Codecs.Message(() => Networking.CorsPolicy.Schema))
        .Field("headers", x => x.Headers, (x, v) => x.Headers = v, Codecs.Message(() => Networking.Headers.Schema));

    /// <summary>The rule's name, written to the access log together with the matching match's name.</summary>
    public string? Name { get; set; }

    private List<HttpMatchRequest>? _match;

    /// <summary>The match conditions: the rule applies when any one of them matches (each one's conditions must all hold); none means every request.</summary>
    public List<HttpMatchRequest> Match { get => _match ??= new(); set => _match = value; }

    private List<HttpRouteDestination>? _route;

    /// <summary>Where to forward matching requests, with weights when several destinations share the traffic.</summary>
    public List<HttpRouteDestination> Route { get => _route ??= new(); set => _route = value; }

    /// <summary>Answers with an HTTP redirect instead of forwarding; not combined with <see cref="Route"/>.</summary>
    public HttpRedirect? Redirect { get; set; }

    /// <summary>Answers with a fixed response instead of forwarding; only when <see cref="Route"/> and <see cref="Redirect"/> are empty.</summary>
    public HttpDirectResponse? DirectResponse { get; set; }

    /// <summary>Hands the rule to a delegate VirtualService whose HTTP rules are merged in; only when <see cref="Route"/> and <see cref="Redirect"/> are empty.</summary>
    public VirtualServiceDelegate? Delegate { get; set; }

    /// <summary>Rewrites the URI and/or authority before forwarding; not combined with <see cref="Redirect"/>.</summary>
    public HttpRewrite? Rewrite { get; set; }

    /// <summary>The timeout of the request; unset means none.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>The retry policy.</summary>
    public HttpRetry? Retries { get; set; }

    /// <summary>Faults (delays, aborts) to inject on the client side; timeouts and retries do not apply while faults are injected.</summary>
    public HttpFaultInjection? Fault { get; set; }

    /// <summary>A destination to mirror (shadow) requests to, best effort, in addition to forwarding them; exclusive with <see cref="Mirrors"/>.</summary>
    public Destination? Mirror { get; set; }

    private List<HttpMirrorPolicy>? _mirrors;

    /// <summary>Destinations to mirror requests to, each with its own percentage; exclusive with <see cref="Mirror"/>.</summary>
    public List<HttpMirrorPolicy> Mirrors { get => _mirrors ??= new(); set => _mirrors = value; }

    /// <summary>Reads <see cref="Mirrors"/> without creating it: the list (or an empty one) for read-only checks.</summary>
    internal IReadOnlyList<HttpMirrorPolicy> MirrorsOrEmpty => _mirrors is { } value ? value : Array.Empty<HttpMirrorPolicy>();

    /// <summary>Deprecated: use <see cref="MirrorPercentage"/>. The whole percentage of requests <see cref="Mirror"/> receives (<c>mirrorPercent</c>).</summary>
    public uint? MirrorPercent { get; set; }

    /// <summary>
    /// Deprecated: use <see cref="MirrorPercentage"/>. The same field as <see cref="MirrorPercent"/> spelled as in the
    /// proto (<c>mirror_percent</c>), which the CRD also accepts; kept apart so a resource reads back unchanged.
    /// </summary>
    public uint? MirrorPercentSnakeCase { get; set; }

    /// <summary>The percentage of requests <see cref="Mirror"/> receives; unset means 100%.</summary>
    public Percent? MirrorPercentage { get; set; }

    /// <summary>The Cross-Origin Resource Sharing (CORS) policy.</summary>
    public CorsPolicy? CorsPolicy { get; set; }

    /// <summary>Header operations applied to every request forwarded and every response returned by this rule.</summary>
    public Headers? Headers { get; set; }
}
