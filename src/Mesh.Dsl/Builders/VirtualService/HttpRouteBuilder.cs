using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds an HTTP rule (<see cref="HttpRoute"/>): matches, and what to do with matching requests.</summary>
public sealed partial class HttpRouteBuilder : RuleBuilder<HttpRouteBuilder, HttpRoute, HttpRouteDestination, HttpRouteDestinationBuilder>
{
    /// <summary>Creates a builder over an HTTP rule.</summary>
    /// <param name="target">The rule to fill in.</param>
    public HttpRouteBuilder(HttpRoute target)
        : base(target)
    {
    }

    private protected override List<HttpRouteDestination> Routes => Target.Route;

    private protected override HttpRouteDestinationBuilder NewRoute() => new(new HttpRouteDestination());

    /// <summary>Names the rule, for the access log.</summary>
    /// <param name="name">The name.</param>
    /// <returns>This builder.</returns>
    public HttpRouteBuilder Name(string name)
    {
        Target.Name = Guard.NotEmpty(name, nameof(name));
        return this;
    }

    /// <summary>Adds a match, configured through its builder; the rule applies when any match holds.</summary>
    /// <param name="configure">Sets the match's conditions, which must all hold.</param>
    /// <returns>This builder.</returns>
    public HttpRouteBuilder Match(Action<HttpMatchRequestBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddChild(Target.Match, static () => new(), m => new HttpMatchRequestBuilder(m), configure);
    }

    /// <summary>Answers with a redirect instead of forwarding.</summary>
    /// <param name="configure">Sets the URI, authority, port, scheme and code of the redirect.</param>
    /// <returns>This builder.</returns>
    public HttpRouteBuilder Redirect(Action<HttpRedirectBuilder> configure)
        => Child(x => x.Redirect, (x, v) => x.Redirect = v, static () => new(), c => new HttpRedirectBuilder(c), configure ?? throw new ArgumentNullException(nameof(configure)));

    /// <summary>Answers with a fixed response instead of forwarding.</summary>
    /// <param name="status">The HTTP status, 200 to 600.</param>
    /// <param name="body">The body as text, or null for none.</param>
    /// <returns>This builder.</returns>
    public HttpRouteBuilder DirectResponse(int status, string? body = null)
    {
        var response = DirectResponseBuilder().Status(status);
        if (body is not null)
        {
            response.Body(body);
        }

        return this;
    }

    /// <summary>Answers with a fixed response instead of forwarding, configured through its builder.</summary>
    /// <param name="configure">Sets the status and body.</param>
    /// <returns>This builder.</returns>
    public HttpRouteBuilder DirectResponse(Action<HttpDirectResponseBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(DirectResponseBuilder());
        return this;
    }

    /// <summary>Hands matching requests to a delegate VirtualService (one without hosts) whose HTTP rules are merged in.</summary>
    /// <param name="name">The delegate's name.</param>
    /// <param name="namespace">Its namespace, or null for the namespace of this VirtualService.</param>
    /// <returns>This builder.</returns>
    public HttpRouteBuilder Delegate(string name, string? @namespace = null)
    {
        Target.Delegate = new VirtualServiceDelegate
        {
            Name = Guard.ResourceName(name),
            Namespace = @namespace is null ? null : Guard.NamespaceName(@namespace, nameof(@namespace)),
        };
        return this;
    }

    /// <summary>Hands matching requests to a delegate VirtualService, by reference, so the name cannot dangle.</summary>
    /// <param name="delegateService">The delegate VirtualService; its namespace, if set, is written too.</param>
    /// <returns>This builder.</returns>
    public HttpRouteBuilder Delegate(VirtualService delegateService)
    {
        ArgumentNullException.ThrowIfNull(delegateService);
        return Delegate(delegateService.MetadataName ?? throw new ArgumentException("The delegate VirtualService has no name.", nameof(delegateService)), delegateService.MetadataNamespace);
    }

    /// <summary>Rewrites the URI and/or authority before forwarding.</summary>
    /// <param name="configure">Sets the URI, authority or regex rewrite.</param>
    /// <returns>This builder.</returns>
    public HttpRouteBuilder Rewrite(Action<HttpRewriteBuilder> configure)
        => Child(x => x.Rewrite, (x, v) => x.Rewrite = v, static () => new(), c => new HttpRewriteBuilder(c), configure ?? throw new ArgumentNullException(nameof(configure)));

    /// <summary>Sets the request timeout.</summary>
    /// <param name="timeout">At least 1ms.</param>
    /// <returns>This builder.</returns>
    public HttpRouteBuilder Timeout(TimeSpan timeout)
    {
        Target.Timeout = VirtualServiceGuard.Duration(timeout, nameof(timeout));
        return this;
    }

    /// <summary>Sets the retry policy: the common case.</summary>
    /// <param name="attempts">The number of retries, 0 or more.</param>
    /// <param name="perTryTimeout">The timeout of each attempt, or null.</param>
    /// <param name="retryOn">The conditions, comma-separated (<c>gateway-error,connect-failure</c>), or null.</param>
    /// <returns>This builder.</returns>
    public HttpRouteBuilder Retries(int attempts, TimeSpan? perTryTimeout = null, string? retryOn = null)
    {
        var retries = RetriesBuilder().Attempts(attempts);
        if (perTryTimeout is { } timeout)
        {
            retries.PerTryTimeout(timeout);
        }

        if (retryOn is not null)
        {
            retries.RetryOn(retryOn.Split(','));
        }

        return this;
    }

    /// <summary>Sets the retry policy through its builder.</summary>
    /// <param name="configure">Sets attempts, timeouts, conditions and backoff.</param>
    /// <returns>This builder.</returns>
    public HttpRouteBuilder Retries(Action<HttpRetryBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(RetriesBuilder());
        return this;
    }

    /// <summary>Injects faults (delays, aborts) into matching requests.</summary>
    /// <param name="configure">Sets the delay and/or abort.</param>
    /// <returns>This builder.</returns>
    public HttpRouteBuilder Fault(Action<HttpFaultInjectionBuilder> configure)
        => Child(x => x.Fault, (x, v) => x.Fault = v, static () => new(), c => new HttpFaultInjectionBuilder(c), configure ?? throw new ArgumentNullException(nameof(configure)));

    /// <summary>Mirrors (shadows) requests to a destination, in addition to forwarding them.</summary>
    /// <param name="host">A service name or ServiceEntry host.</param>
    /// <param name="subset">A subset, or null.</param>
    /// <param name="port">The port, or null.</param>
    /// <returns>This builder.</returns>
    public HttpRouteBuilder Mirror(string host, string? subset = null, int? port = null)
    {
        Target.Mirror = DestinationBuilder.Create(host, subset, port);
        return this;
    }

    /// <summary>Mirrors requests to the first host of a ServiceEntry.</summary>
    /// <param name="entry">The ServiceEntry; it must have at least one host.</param>
    /// <param name="subset">A subset, or null.</param>
    /// <param name="port">The port, or null.</param>
    /// <returns>This builder.</returns>
    public HttpRouteBuilder Mirror(ServiceEntry entry, string? subset = null, int? port = null)
    {
        Target.Mirror = DestinationBuilder.Create(entry, subset, port);
        return this;
    }

    /// <summary>Configures the mirror destination through its builder.</summary>
    /// <param name="configure">Sets host, subset and port.</param>
    /// <returns>This builder.</returns>
    public HttpRouteBuilder Mirror(Action<DestinationBuilder> configure)
        => Child(x => x.Mirror, (x, v) => x.Mirror = v, static () => new(), c => new DestinationBuilder(c), configure ?? throw new ArgumentNullException(nameof(configure)));

    /// <summary>Adds one entry to <c>mirrors</c>: a destination to mirror to, with its own percentage. Use instead of <see cref="Mirror(string, string?, int?)"/>.</summary>
    /// <param name="configure">Sets the destination and percentage.</param>
    /// <returns>This builder.</returns>
    public HttpRouteBuilder Mirrors(Action<HttpMirrorPolicyBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return AddChild(Target.Mirrors, static () => new(), m => new HttpMirrorPolicyBuilder(m), configure);
    }

    /// <summary>Sets the percentage of requests <c>mirror</c> receives; unset means all.</summary>
    /// <param name="percentage">0 to 100.</param>
    /// <returns>This builder.</returns>
    public HttpRouteBuilder MirrorPercentage(double percentage)
    {
        Target.MirrorPercentage = VirtualServiceGuard.Percent(percentage, nameof(percentage));
        return this;
    }

    /// <summary>Deprecated: use <see cref="MirrorPercentage"/>. Sets the whole percentage <c>mirror</c> receives (<c>mirrorPercent</c>).</summary>
    /// <param name="percent">0 to 100.</param>
    /// <returns>This builder.</returns>
    [Obsolete("Istio has deprecated mirrorPercent; use MirrorPercentage.")]
    public HttpRouteBuilder MirrorPercent(int percent)
    {
        Target.MirrorPercent = (uint)Guard.Percentage(percent, nameof(percent));
        return this;
    }

    /// <summary>Deprecated: use <see cref="MirrorPercentage"/>. Sets the same field spelled <c>mirror_percent</c>, as some old resources do.</summary>
    /// <param name="percent">0 to 100.</param>
    /// <returns>This builder.</returns>
    [Obsolete("Istio has deprecated mirror_percent; use MirrorPercentage.")]
    public HttpRouteBuilder MirrorPercentSnakeCase(int percent)
    {
        Target.MirrorPercentSnakeCase = (uint)Guard.Percentage(percent, nameof(percent));
        return this;
    }

    /// <summary>Sets the Cross-Origin Resource Sharing policy.</summary>
    /// <param name="configure">Sets origins, methods, headers, max age, credentials.</param>
    /// <returns>This builder.</returns>
    public HttpRouteBuilder CorsPolicy(Action<CorsPolicyBuilder> configure)
        => Child(x => x.CorsPolicy, (x, v) => x.CorsPolicy = v, static () => new(), c => new CorsPolicyBuilder(c), configure ?? throw new ArgumentNullException(nameof(configure)));

    /// <summary>Sets header operations for every request and response of the rule.</summary>
    /// <param name="configure">Sets request and response operations.</param>
    /// <returns>This builder.</returns>
    public HttpRouteBuilder Headers(Action<HeadersBuilder> configure)
        => Child(x => x.Headers, (x, v) => x.Headers = v, static () => new(), c => new HeadersBuilder(c), configure ?? throw new ArgumentNullException(nameof(configure)));

    // The shorthands above (DirectResponse(status), Retries(attempts)) configure the child through these
    // rather than wrapping their arguments in a callback: no closure and delegate per call.
    private HttpDirectResponseBuilder DirectResponseBuilder() => new(Target.DirectResponse ??= new HttpDirectResponse());

    private HttpRetryBuilder RetriesBuilder() => new(Target.Retries ??= new HttpRetry());
}
