using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds the <see cref="Model.Networking.TcpKeepalive"/> probe settings.</summary>
public sealed partial class TcpKeepaliveBuilder : MessageBuilder<TcpKeepaliveBuilder, TcpKeepalive>
{
    /// <summary>Creates a builder over keepalive settings.</summary>
    /// <param name="target">The settings to fill in.</param>
    public TcpKeepaliveBuilder(TcpKeepalive target)
        : base(target)
    {
    }

    /// <summary>Sets how many unanswered probes mark the connection dead.</summary>
    /// <param name="probes">Zero or more.</param>
    /// <returns>This builder.</returns>
    public TcpKeepaliveBuilder Probes(int probes)
    {
        Target.Probes = (uint)Guard.NotNegative(probes, nameof(probes));
        return this;
    }

    /// <summary>Sets the idle time before probes start.</summary>
    /// <param name="time">A positive duration.</param>
    /// <returns>This builder.</returns>
    public TcpKeepaliveBuilder Time(TimeSpan time)
    {
        Target.Time = Guard.PositiveDuration(time, nameof(time));
        return this;
    }

    /// <summary>Sets the time between probes.</summary>
    /// <param name="interval">A positive duration.</param>
    /// <returns>This builder.</returns>
    public TcpKeepaliveBuilder Interval(TimeSpan interval)
    {
        Target.Interval = Guard.PositiveDuration(interval, nameof(interval));
        return this;
    }
}
