using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds fault injection (<see cref="HttpFaultInjection"/>): a delay, an abort, or both.</summary>
public sealed class HttpFaultInjectionBuilder : MessageBuilder<HttpFaultInjectionBuilder, HttpFaultInjection>
{
    /// <summary>Creates a builder over a fault injection.</summary>
    /// <param name="target">The fault injection to fill in.</param>
    public HttpFaultInjectionBuilder(HttpFaultInjection target)
        : base(target)
    {
    }

    /// <summary>Delays requests by a fixed time.</summary>
    /// <param name="fixedDelay">At least 1ms.</param>
    /// <param name="percentage">The percentage of requests delayed (0 to 100), or null.</param>
    /// <returns>This builder.</returns>
    public HttpFaultInjectionBuilder Delay(TimeSpan fixedDelay, double? percentage = null)
        => Delay(d =>
        {
            d.FixedDelay(fixedDelay);
            if (percentage is { } value)
            {
                d.Percentage(value);
            }
        });

    /// <summary>Configures the delay through its builder.</summary>
    /// <param name="configure">Sets the delay and percentage.</param>
    /// <returns>This builder.</returns>
    public HttpFaultInjectionBuilder Delay(Action<FaultDelayBuilder> configure)
        => Child(x => x.Delay, (x, v) => x.Delay = v, static () => new(), c => new FaultDelayBuilder(c), configure ?? throw new ArgumentNullException(nameof(configure)));

    /// <summary>Aborts requests with an HTTP status.</summary>
    /// <param name="httpStatus">200 to 600.</param>
    /// <param name="percentage">The percentage of requests aborted (0 to 100), or null.</param>
    /// <returns>This builder.</returns>
    public HttpFaultInjectionBuilder Abort(int httpStatus, double? percentage = null)
        => Abort(a =>
        {
            a.HttpStatus(httpStatus);
            if (percentage is { } value)
            {
                a.Percentage(value);
            }
        });

    /// <summary>Configures the abort through its builder.</summary>
    /// <param name="configure">Sets the error and percentage.</param>
    /// <returns>This builder.</returns>
    public HttpFaultInjectionBuilder Abort(Action<FaultAbortBuilder> configure)
        => Child(x => x.Abort, (x, v) => x.Abort = v, static () => new(), c => new FaultAbortBuilder(c), configure ?? throw new ArgumentNullException(nameof(configure)));
}
