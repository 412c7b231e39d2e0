using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds the TCP-level <see cref="TcpSettings"/> of a connection pool.</summary>
public sealed partial class TcpSettingsBuilder : MessageBuilder<TcpSettingsBuilder, TcpSettings>
{
    /// <summary>Creates a builder over TCP settings.</summary>
    /// <param name="target">The settings to fill in.</param>
    public TcpSettingsBuilder(TcpSettings target)
        : base(target)
    {
    }

    /// <summary>Sets the maximum number of HTTP/1.1 or TCP connections to one host.</summary>
    /// <param name="maxConnections">Zero or more.</param>
    /// <returns>This builder.</returns>
    public TcpSettingsBuilder MaxConnections(int maxConnections)
    {
        Target.MaxConnections = Guard.NotNegative(maxConnections, nameof(maxConnections));
        return this;
    }

    /// <summary>Sets the TCP connect timeout.</summary>
    /// <param name="timeout">A positive duration (Istio needs at least 1ms).</param>
    /// <returns>This builder.</returns>
    public TcpSettingsBuilder ConnectTimeout(TimeSpan timeout)
    {
        Target.ConnectTimeout = Guard.PositiveDuration(timeout, nameof(timeout));
        return this;
    }

    /// <summary>Turns on TCP keepalive (SO_KEEPALIVE), optionally tuning the probes.</summary>
    /// <param name="configure">Sets probes, time and interval; null keeps the OS defaults.</param>
    /// <returns>This builder.</returns>
    public TcpSettingsBuilder TcpKeepalive(Action<TcpKeepaliveBuilder>? configure = null)
        => Child(x => x.TcpKeepalive, (x, v) => x.TcpKeepalive = v, static () => new(), v => new TcpKeepaliveBuilder(v), configure);

    /// <summary>Sets the longest a connection may live.</summary>
    /// <param name="duration">A positive duration.</param>
    /// <returns>This builder.</returns>
    public TcpSettingsBuilder MaxConnectionDuration(TimeSpan duration)
    {
        Target.MaxConnectionDuration = Guard.PositiveDuration(duration, nameof(duration));
        return this;
    }

    /// <summary>Sets how long a connection may carry no bytes before it is closed.</summary>
    /// <param name="timeout">A positive duration, or <see cref="TimeSpan.Zero"/> to disable the timeout.</param>
    /// <returns>This builder.</returns>
    public TcpSettingsBuilder IdleTimeout(TimeSpan timeout)
    {
        Target.IdleTimeout = timeout == TimeSpan.Zero ? timeout : Guard.PositiveDuration(timeout, nameof(timeout));
        return this;
    }
}
