using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds a retry policy (<see cref="HttpRetry"/>).</summary>
public sealed partial class HttpRetryBuilder : MessageBuilder<HttpRetryBuilder, HttpRetry>
{
    /// <summary>Creates a builder over a retry policy.</summary>
    /// <param name="target">The retry policy to fill in.</param>
    public HttpRetryBuilder(HttpRetry target)
        : base(target)
    {
    }

    /// <summary>Sets the number of retries; 0 turns retries off.</summary>
    /// <param name="attempts">0 or more.</param>
    /// <returns>This builder.</returns>
    public HttpRetryBuilder Attempts(int attempts)
    {
        Target.Attempts = attempts >= 0
            ? attempts
            : throw new ArgumentOutOfRangeException(nameof(attempts), attempts, $"{attempts} retry attempts is impossible: give 0 or more.");
        return this;
    }

    /// <summary>Sets the timeout of each attempt, the first included.</summary>
    /// <param name="timeout">At least 1ms.</param>
    /// <returns>This builder.</returns>
    public HttpRetryBuilder PerTryTimeout(TimeSpan timeout)
    {
        Target.PerTryTimeout = VirtualServiceGuard.Duration(timeout, nameof(timeout));
        return this;
    }

    /// <summary>Sets the conditions to retry on, written comma-separated.</summary>
    /// <param name="conditions">Envoy retry conditions (<c>gateway-error</c>, <c>connect-failure</c>, <c>refused-stream</c>, <c>5xx</c>, ...) or status codes (<c>503</c>), without blanks.</param>
    /// <returns>This builder.</returns>
    public HttpRetryBuilder RetryOn(params string[] conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        foreach (var condition in conditions)
        {
            Guard.NotEmpty(condition, nameof(conditions));
            if (condition.Any(c => char.IsWhiteSpace(c) || c == ','))
            {
                // Istio does not trim: "5xx, connect-failure" has an unknown condition " connect-failure".
                throw new ArgumentException($"\"{condition}\" is not a retry condition: give each condition on its own, without blanks or commas.", nameof(conditions));
            }
        }

        Target.RetryOn = conditions.Length == 0 ? null : string.Join(',', conditions);
        return this;
    }

    /// <summary>Lets retries go to endpoints in other localities.</summary>
    /// <param name="retry">Whether they may.</param>
    /// <returns>This builder.</returns>
    public HttpRetryBuilder RetryRemoteLocalities(bool retry = true)
    {
        Target.RetryRemoteLocalities = retry;
        return this;
    }

    /// <summary>Makes retries avoid the hosts already tried.</summary>
    /// <param name="ignore">Whether they do.</param>
    /// <returns>This builder.</returns>
    public HttpRetryBuilder RetryIgnorePreviousHosts(bool ignore = true)
    {
        Target.RetryIgnorePreviousHosts = ignore;
        return this;
    }

    /// <summary>Sets the minimum time between attempts.</summary>
    /// <param name="backoff">At least 1ms.</param>
    /// <returns>This builder.</returns>
    public HttpRetryBuilder Backoff(TimeSpan backoff)
    {
        Target.Backoff = VirtualServiceGuard.Duration(backoff, nameof(backoff));
        return this;
    }
}
