using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>
/// A delay injected before forwarding (Istio message <c>HTTPFaultInjection.Delay</c>). The delay type is one
/// choice: setting <see cref="FixedDelay"/> clears <see cref="ExponentialDelay"/> and the other way round.
/// </summary>
public sealed class FaultDelay
{
    internal static readonly MessageSchema<FaultDelay> Schema = new MessageSchema<FaultDelay>("Delay", () => new())
        .Field("percent", x => x.Percent, (x, v) => x.Percent = v, Codecs.Int32)
        .Field("fixedDelay", x => x.FixedDelay, (x, v) => x.FixedDelay = v, Codecs.Duration, oneOf: "httpDelayType")
        .Field("exponentialDelay", x => x.ExponentialDelay, (x, v) => x.ExponentialDelay = v, Codecs.Duration, oneOf: "httpDelayType")
        .Field("percentage", x => x.Percentage, (x, v) => x.Percentage = v, Codecs.Message(() => Networking.Percent.Schema));

    private TimeSpan? _fixedDelay;
    private TimeSpan? _exponentialDelay;

    /// <summary>Deprecated: use <see cref="Percentage"/>. The whole percentage (0 to 100) of requests to delay.</summary>
    public int? Percent { get; set; }

    /// <summary>The delay, at least 1ms; setting it clears <see cref="ExponentialDelay"/>.</summary>
    public TimeSpan? FixedDelay
    {
        get => _fixedDelay;
        set
        {
            _fixedDelay = value;
            if (value.HasValue)
            {
                _exponentialDelay = null;
            }
        }
    }

    /// <summary>An exponential delay (not supported by Istio's proxies yet); setting it clears <see cref="FixedDelay"/>.</summary>
    public TimeSpan? ExponentialDelay
    {
        get => _exponentialDelay;
        set
        {
            _exponentialDelay = value;
            if (value.HasValue)
            {
                _fixedDelay = null;
            }
        }
    }

    /// <summary>The percentage of requests to delay; unset delays none in current Istio.</summary>
    public Percent? Percentage { get; set; }
}
