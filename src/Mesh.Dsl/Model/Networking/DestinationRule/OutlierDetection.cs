using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>
/// Ejects hosts that keep failing from the load-balancing pool for a while (Istio message
/// <c>OutlierDetection</c>, Envoy's outlier detection). Present but empty turns it on with defaults.
/// </summary>
public sealed class OutlierDetection
{
    // Field order confirmed against destination_rule.proto in sschepens/api@478fc083 (a fork of istio/api ahead of the CRD).
    internal static readonly MessageSchema<OutlierDetection> Schema = new MessageSchema<OutlierDetection>("OutlierDetection", () => new())
        .Field("consecutiveErrors", x => x.ConsecutiveErrors, (x, v) => x.ConsecutiveErrors = v, Codecs.Int32)
        .Field("splitExternalLocalOriginErrors", x => x.SplitExternalLocalOriginErrors, (x, v) => x.SplitExternalLocalOriginErrors = v, Codecs.Bool)
        .Field("consecutiveLocalOriginFailures", x => x.ConsecutiveLocalOriginFailures, (x, v) => x.ConsecutiveLocalOriginFailures = v, Codecs.UInt32)
        .Field("consecutiveGatewayErrors", x => x.ConsecutiveGatewayErrors, (x, v) => x.ConsecutiveGatewayErrors = v, Codecs.UInt32)
        .Field("consecutive5xxErrors", x => x.Consecutive5xxErrors, (x, v) => x.Consecutive5xxErrors = v, Codecs.UInt32)
        .Field("interval", x => x.Interval, (x, v) => x.Interval = v, Codecs.Duration)
        .Field("baseEjectionTime", x => x.BaseEjectionTime, (x, v) => x.BaseEjectionTime = v, Codecs.Duration)
        .Field("maxEjectionPercent", x => x.MaxEjectionPercent, (x, v) => x.MaxEjectionPercent = v, Codecs.Int32)
        .Field("minHealthPercent", x => x.MinHealthPercent, (x, v) => x.MinHealthPercent = v, Codecs.Int32)
        .Field("outlierDetectionHttpErrorCodes", x => x._outlierDetectionHttpErrorCodes!, (x, v) => x.OutlierDetectionHttpErrorCodes = v, Codecs.ValueList(Codecs.UInt32));

    /// <summary>Deprecated: use <see cref="Consecutive5xxErrors"/> or <see cref="ConsecutiveGatewayErrors"/>. Errors before ejection.</summary>
    public int? ConsecutiveErrors { get; set; }

    /// <summary>True counts locally originated failures (connect errors, timeouts) apart from upstream responses.</summary>
    public bool? SplitExternalLocalOriginErrors { get; set; }

    /// <summary>Consecutive local-origin failures before ejection (default 5); needs <see cref="SplitExternalLocalOriginErrors"/>.</summary>
    public uint? ConsecutiveLocalOriginFailures { get; set; }

    /// <summary>Consecutive gateway errors (502, 503, 504; connect failures on TCP) before ejection; 0 or unset disables.</summary>
    public uint? ConsecutiveGatewayErrors { get; set; }

    /// <summary>Consecutive 5xx errors (request failures on TCP) before ejection; default 5, 0 disables.</summary>
    public uint? Consecutive5xxErrors { get; set; }

    /// <summary>The time between ejection sweeps, at least 1ms; default 10s.</summary>
    public TimeSpan? Interval { get; set; }

    /// <summary>The minimum ejection time, multiplied by the number of ejections; at least 1ms, default 30s.</summary>
    public TimeSpan? BaseEjectionTime { get; set; }

    /// <summary>The largest percentage of the pool that may be ejected; default 10.</summary>
    public int? MaxEjectionPercent { get; set; }

    /// <summary>Outlier detection is off while fewer than this percentage of hosts are healthy; default 0.</summary>
    public int? MinHealthPercent { get; set; }

    private List<uint>? _outlierDetectionHttpErrorCodes;

    /// <summary>HTTP status codes (100 to 599) counted as outlier-detection errors.</summary>
    public List<uint> OutlierDetectionHttpErrorCodes { get => _outlierDetectionHttpErrorCodes ??= new(); set => _outlierDetectionHttpErrorCodes = value; }
}
