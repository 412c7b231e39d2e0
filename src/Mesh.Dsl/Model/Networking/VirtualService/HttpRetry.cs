using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>The retry policy of an HTTP rule (Istio message <c>HTTPRetry</c>).</summary>
public sealed class HttpRetry
{
    internal static readonly MessageSchema<HttpRetry> Schema = new MessageSchema<HttpRetry>("HTTPRetry", () => new())
        .Field("attempts", x => x.Attempts, (x, v) => x.Attempts = v, Codecs.Int32)
        .Field("perTryTimeout", x => x.PerTryTimeout, (x, v) => x.PerTryTimeout = v, Codecs.Duration)
        .Field("retryOn", x => x.RetryOn, (x, v) => x.RetryOn = v, Codecs.String)
        .Field("retryRemoteLocalities", x => x.RetryRemoteLocalities, (x, v) => x.RetryRemoteLocalities = v, Codecs.Bool)
        .Field("retryIgnorePreviousHosts", x => x.RetryIgnorePreviousHosts, (x, v) => x.RetryIgnorePreviousHosts = v, Codecs.Bool)
        .Field("backoff", x => x.Backoff, (x, v) => x.Backoff = v, Codecs.Duration);

    /// <summary>The number of retries allowed for a request; 0 turns retries off. Required.</summary>
    public int? Attempts { get; set; }

    /// <summary>The timeout of each attempt, the first included; at least 1ms. Unset means the rule's timeout.</summary>
    public TimeSpan? PerTryTimeout { get; set; }

    /// <summary>The conditions to retry on, comma-separated without blanks (<c>gateway-error,connect-failure,refused-stream</c>, or status codes such as <c>503</c>).</summary>
    public string? RetryOn { get; set; }

    /// <summary>Whether retries may go to endpoints in other localities.</summary>
    public bool? RetryRemoteLocalities { get; set; }

    /// <summary>Whether retries avoid the hosts already tried.</summary>
    public bool? RetryIgnorePreviousHosts { get; set; }

    /// <summary>The minimum time between retry attempts; at least 1ms.</summary>
    public TimeSpan? Backoff { get; set; }
}
