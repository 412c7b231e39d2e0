using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>Slow start of new endpoints (Istio message <c>WarmupConfiguration</c>).</summary>
public sealed class WarmupConfiguration
{
    internal static readonly MessageSchema<WarmupConfiguration> Schema = new MessageSchema<WarmupConfiguration>("WarmupConfiguration", () => new())
        .Field("duration", x => x.Duration, (x, v) => x.Duration = v, Codecs.Duration)
        .Field("minimumPercent", x => x.MinimumPercent, (x, v) => x.MinimumPercent = v, Codecs.Double)
        .Field("aggression", x => x.Aggression, (x, v) => x.Aggression = v, Codecs.Double);

    /// <summary>How long a new endpoint stays in warmup; required, at least 1ms.</summary>
    public TimeSpan? Duration { get; set; }

    /// <summary>The share of traffic, 0 to 100, a new endpoint starts with.</summary>
    public double? MinimumPercent { get; set; }

    /// <summary>How fast traffic rises over the warmup: 1 is linear, above 1 slower at first; must be positive.</summary>
    public double? Aggression { get; set; }
}
