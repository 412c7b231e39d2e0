using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds an injected delay (<see cref="FaultDelay"/>).</summary>
public sealed partial class FaultDelayBuilder : MessageBuilder<FaultDelayBuilder, FaultDelay>
{
    /// <summary>Creates a builder over a delay.</summary>
    /// <param name="target">The delay to fill in.</param>
    public FaultDelayBuilder(FaultDelay target)
        : base(target)
    {
    }

    /// <summary>Sets a fixed delay (clears the exponential one).</summary>
    /// <param name="delay">At least 1ms.</param>
    /// <returns>This builder.</returns>
    public FaultDelayBuilder FixedDelay(TimeSpan delay)
    {
        Target.FixedDelay = VirtualServiceGuard.Duration(delay, nameof(delay));
        return this;
    }

    /// <summary>Sets an exponential delay (clears the fixed one); Istio's proxies do not support it yet.</summary>
    /// <param name="delay">At least 1ms.</param>
    /// <returns>This builder.</returns>
    public FaultDelayBuilder ExponentialDelay(TimeSpan delay)
    {
        Target.ExponentialDelay = VirtualServiceGuard.Duration(delay, nameof(delay));
        return this;
    }

    /// <summary>Sets the percentage of requests delayed.</summary>
    /// <param name="percentage">0 to 100.</param>
    /// <returns>This builder.</returns>
    public FaultDelayBuilder Percentage(double percentage)
    {
        Target.Percentage = VirtualServiceGuard.Percent(percentage, nameof(percentage));
        return this;
    }

    /// <summary>Deprecated: use <see cref="Percentage"/>. Sets the whole percentage of requests delayed.</summary>
    /// <param name="percent">0 to 100.</param>
    /// <returns>This builder.</returns>
    [Obsolete("Istio has deprecated percent; use Percentage.")]
    public FaultDelayBuilder Percent(int percent)
    {
        Target.Percent = (int)Guard.Percentage(percent, nameof(percent));
        return this;
    }
}
