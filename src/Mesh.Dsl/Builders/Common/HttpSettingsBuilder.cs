using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds the HTTP-level <see cref="HttpSettings"/> of a connection pool.</summary>
public sealed partial class HttpSettingsBuilder : MessageBuilder<HttpSettingsBuilder, HttpSettings>
{
    /// <summary>Creates a builder over HTTP settings.</summary>
    /// <param name="target">The settings to fill in.</param>
    public HttpSettingsBuilder(HttpSettings target)
        : base(target)
    {
    }

    /// <summary>Sets how many requests may wait for a ready connection.</summary>
    /// <param name="requests">Zero or more.</param>
    /// <returns>This builder.</returns>
    public HttpSettingsBuilder Http1MaxPendingRequests(int requests)
    {
        Target.Http1MaxPendingRequests = Guard.NotNegative(requests, nameof(requests));
        return this;
    }

    /// <summary>Sets how many requests may be active to a destination at once.</summary>
    /// <param name="requests">Zero or more.</param>
    /// <returns>This builder.</returns>
    public HttpSettingsBuilder Http2MaxRequests(int requests)
    {
        Target.Http2MaxRequests = Guard.NotNegative(requests, nameof(requests));
        return this;
    }

    /// <summary>Sets how many requests one connection carries; 1 disables keepalive.</summary>
    /// <param name="requests">Zero (unlimited) or more.</param>
    /// <returns>This builder.</returns>
    public HttpSettingsBuilder MaxRequestsPerConnection(int requests)
    {
        Target.MaxRequestsPerConnection = Guard.NotNegative(requests, nameof(requests));
        return this;
    }

    /// <summary>Sets how many retries may be outstanding to all hosts at once.</summary>
    /// <param name="retries">Zero or more.</param>
    /// <returns>This builder.</returns>
    public HttpSettingsBuilder MaxRetries(int retries)
    {
        Target.MaxRetries = Guard.NotNegative(retries, nameof(retries));
        return this;
    }

    /// <summary>Sets how long a pooled connection may have no active request before it is closed.</summary>
    /// <param name="timeout">A positive duration.</param>
    /// <returns>This builder.</returns>
    public HttpSettingsBuilder IdleTimeout(TimeSpan timeout)
    {
        Target.IdleTimeout = Guard.PositiveDuration(timeout, nameof(timeout));
        return this;
    }

    /// <summary>Sets whether HTTP/1.1 connections are upgraded to HTTP/2.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>This builder.</returns>
    public HttpSettingsBuilder H2UpgradePolicy(H2UpgradePolicy policy)
    {
        Target.H2UpgradePolicy = policy;
        return this;
    }

    /// <summary>Keeps the client's HTTP protocol towards the backend.</summary>
    /// <param name="use">True to keep it.</param>
    /// <returns>This builder.</returns>
    public HttpSettingsBuilder UseClientProtocol(bool use = true)
    {
        Target.UseClientProtocol = use;
        return this;
    }

    /// <summary>Sets the maximum concurrent streams per HTTP/2 connection.</summary>
    /// <param name="streams">Zero or more.</param>
    /// <returns>This builder.</returns>
    public HttpSettingsBuilder MaxConcurrentStreams(int streams)
    {
        Target.MaxConcurrentStreams = Guard.NotNegative(streams, nameof(streams));
        return this;
    }

    /// <summary>Sends HTTP/2 PING frames on upstream connections to detect dead ones.</summary>
    /// <param name="interval">How often to ping; positive.</param>
    /// <param name="timeout">How long to wait for the answer; positive.</param>
    /// <returns>This builder.</returns>
    public HttpSettingsBuilder Http2KeepAlive(TimeSpan interval, TimeSpan timeout)
        => Http2KeepAlive(k => k.Interval(interval).Timeout(timeout));

    /// <summary>Configures HTTP/2 PING frames on upstream connections.</summary>
    /// <param name="configure">Sets interval and timeout.</param>
    /// <returns>This builder.</returns>
    public HttpSettingsBuilder Http2KeepAlive(Action<Http2KeepAliveBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Child(x => x.Http2KeepAlive, (x, v) => x.Http2KeepAlive = v, static () => new(), v => new Http2KeepAliveBuilder(v), configure);
    }
}
