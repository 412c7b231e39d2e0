using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds fault injection (<see cref="HttpFaultInjection"/>): a delay, an abort, or both.</summary>
public sealed partial class HttpFaultInjectionBuilder : MessageBuilder<HttpFaultInjectionBuilder, HttpFaultInjection>
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
    {
        var delay = DelayBuilder().FixedDelay(fixedDelay);
        if (percentage is { } value)
        {
            delay.Percentage(value);
        }

        return this;
    }

    /// <summary>Configures the delay through its builder.</summary>
    /// <param name="configure">Sets the delay and percentage.</param>
    /// <returns>This builder.</returns>
    public HttpFaultInjectionBuilder Delay(Action<FaultDelayBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(DelayBuilder());
        return this;
    }

    /// <summary>Aborts requests with an HTTP status.</summary>
    /// <param name="httpStatus">200 to 600.</param>
    /// <param name="percentage">The percentage of requests aborted (0 to 100), or null.</param>
    /// <returns>This builder.</returns>
    public HttpFaultInjectionBuilder Abort(int httpStatus, double? percentage = null)
    {
        var abort = AbortBuilder().HttpStatus(httpStatus);
        if (percentage is { } value)
        {
            abort.Percentage(value);
        }

        return this;
    }

    /// <summary>Configures the abort through its builder.</summary>
    /// <param name="configure">Sets the error and percentage.</param>
    /// <returns>This builder.</returns>
    public HttpFaultInjectionBuilder Abort(Action<FaultAbortBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(AbortBuilder());
        return this;
    }

    // The shorthands above configure the child through these rather than wrapping their arguments
    // in a callback: no closure and delegate per call.
    private FaultDelayBuilder DelayBuilder() => new(Target.Delay ??= new FaultDelay());

    private FaultAbortBuilder AbortBuilder() => new(Target.Abort ??= new FaultAbort());
}
