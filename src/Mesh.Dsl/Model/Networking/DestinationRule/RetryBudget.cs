using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>Limits concurrent retries relative to active requests (Istio message <c>TrafficPolicy.RetryBudget</c>).</summary>
public sealed class RetryBudget
{
    // Field order confirmed against destination_rule.proto in sschepens/api@478fc083 (a fork of istio/api ahead of the CRD).
    internal static readonly MessageSchema<RetryBudget> Schema = new MessageSchema<RetryBudget>("RetryBudget", () => new())
        .Field("percent", x => x.Percent, (x, v) => x.Percent = v, Codecs.Double)
        .Field("minRetryConcurrency", x => x.MinRetryConcurrency, (x, v) => x.MinRetryConcurrency = v, Codecs.UInt32)
        .Field("budgetInterval", x => x.BudgetInterval, (x, v) => x.BudgetInterval = v, Codecs.Duration);

    /// <summary>Concurrent retries allowed, as a percentage (0 to 100) of active and pending requests; default 20.</summary>
    public double? Percent { get; set; }

    /// <summary>The retry concurrency always allowed, whatever the percentage; default 3.</summary>
    public uint? MinRetryConcurrency { get; set; }

    /// <summary>The window of requests the budget is computed over.</summary>
    public TimeSpan? BudgetInterval { get; set; }
}
