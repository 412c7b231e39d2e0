using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds the <see cref="Model.Networking.Http2KeepAlive"/> PING settings.</summary>
public sealed partial class Http2KeepAliveBuilder : MessageBuilder<Http2KeepAliveBuilder, Http2KeepAlive>
{
    /// <summary>Creates a builder over HTTP/2 keepalive settings.</summary>
    /// <param name="target">The settings to fill in.</param>
    public Http2KeepAliveBuilder(Http2KeepAlive target)
        : base(target)
    {
    }

    /// <summary>Sets how often a PING frame is sent.</summary>
    /// <param name="interval">A positive duration.</param>
    /// <returns>This builder.</returns>
    public Http2KeepAliveBuilder Interval(TimeSpan interval)
    {
        Target.Interval = Guard.PositiveDuration(interval, nameof(interval));
        return this;
    }

    /// <summary>Sets how long to wait for a PING's answer before closing the connection.</summary>
    /// <param name="timeout">A positive duration.</param>
    /// <returns>This builder.</returns>
    public Http2KeepAliveBuilder Timeout(TimeSpan timeout)
    {
        Target.Timeout = Guard.PositiveDuration(timeout, nameof(timeout));
        return this;
    }
}
