using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds <see cref="OutlierDetection"/>: when hosts are ejected from the pool, and for how long.</summary>
public sealed partial class OutlierDetectionBuilder : MessageBuilder<OutlierDetectionBuilder, OutlierDetection>
{
    /// <summary>Creates a builder over outlier detection settings.</summary>
    /// <param name="target">The settings to fill in.</param>
    public OutlierDetectionBuilder(OutlierDetection target)
        : base(target)
    {
    }

    /// <summary>Deprecated by Istio: use <see cref="Consecutive5xxErrors"/> or <see cref="ConsecutiveGatewayErrors"/>.</summary>
    /// <param name="errors">Errors before ejection.</param>
    /// <returns>This builder.</returns>
    [Obsolete("Istio has deprecated consecutiveErrors; use Consecutive5xxErrors or ConsecutiveGatewayErrors.")]
    public OutlierDetectionBuilder ConsecutiveErrors(int errors)
    {
        Target.ConsecutiveErrors = Guard.NotNegative(errors, nameof(errors));
        return this;
    }

    /// <summary>Counts locally originated failures (connect errors, timeouts) apart from upstream responses.</summary>
    /// <param name="split">True to count them apart.</param>
    /// <returns>This builder.</returns>
    public OutlierDetectionBuilder SplitExternalLocalOriginErrors(bool split = true)
    {
        Target.SplitExternalLocalOriginErrors = split;
        return this;
    }

    /// <summary>Sets the consecutive local-origin failures before ejection; also turns on <see cref="SplitExternalLocalOriginErrors"/>, which it needs.</summary>
    /// <param name="failures">Zero or more.</param>
    /// <returns>This builder.</returns>
    public OutlierDetectionBuilder ConsecutiveLocalOriginFailures(int failures)
    {
        Target.ConsecutiveLocalOriginFailures = (uint)Guard.NotNegative(failures, nameof(failures));
        Target.SplitExternalLocalOriginErrors = true;
        return this;
    }

    /// <summary>Sets the consecutive gateway errors (502, 503, 504) before ejection; 0 turns this check off.</summary>
    /// <param name="errors">Zero or more.</param>
    /// <returns>This builder.</returns>
    public OutlierDetectionBuilder ConsecutiveGatewayErrors(int errors)
    {
        Target.ConsecutiveGatewayErrors = (uint)Guard.NotNegative(errors, nameof(errors));
        return this;
    }

    /// <summary>Sets the consecutive 5xx errors before ejection; 0 turns this check off.</summary>
    /// <param name="errors">Zero or more.</param>
    /// <returns>This builder.</returns>
    public OutlierDetectionBuilder Consecutive5xxErrors(int errors)
    {
        Target.Consecutive5xxErrors = (uint)Guard.NotNegative(errors, nameof(errors));
        return this;
    }

    /// <summary>Sets the time between ejection sweeps.</summary>
    /// <param name="interval">A positive duration.</param>
    /// <returns>This builder.</returns>
    public OutlierDetectionBuilder Interval(TimeSpan interval)
    {
        Target.Interval = Guard.PositiveDuration(interval, nameof(interval));
        return this;
    }

    /// <summary>Sets the minimum ejection time, multiplied by the number of times a host was ejected.</summary>
    /// <param name="time">A positive duration.</param>
    /// <returns>This builder.</returns>
    public OutlierDetectionBuilder BaseEjectionTime(TimeSpan time)
    {
        Target.BaseEjectionTime = Guard.PositiveDuration(time, nameof(time));
        return this;
    }

    /// <summary>Sets the largest percentage of the pool that may be ejected.</summary>
    /// <param name="percent">0 to 100.</param>
    /// <returns>This builder.</returns>
    public OutlierDetectionBuilder MaxEjectionPercent(int percent)
    {
        Target.MaxEjectionPercent = (int)Guard.Percentage(percent, nameof(percent));
        return this;
    }

    /// <summary>Sets the percentage of healthy hosts below which outlier detection is switched off.</summary>
    /// <param name="percent">0 to 100.</param>
    /// <returns>This builder.</returns>
    public OutlierDetectionBuilder MinHealthPercent(int percent)
    {
        Target.MinHealthPercent = (int)Guard.Percentage(percent, nameof(percent));
        return this;
    }

    /// <summary>Adds HTTP status codes that count as outlier-detection errors.</summary>
    /// <param name="codes">Status codes, 100 to 599.</param>
    /// <returns>This builder.</returns>
    public OutlierDetectionBuilder OutlierDetectionHttpErrorCodes(params int[] codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        foreach (var code in codes)
        {
            if (code is < 100 or > 599)
            {
                throw new ArgumentOutOfRangeException(nameof(codes), code, $"{code} is not an HTTP status code: give 100 to 599.");
            }

            Target.OutlierDetectionHttpErrorCodes.Add((uint)code);
        }

        return this;
    }
}
