using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>
/// Builds a <see cref="ConsistentHashLB"/>: choosing a hash key replaces the previous key, choosing
/// a hash algorithm replaces the previous algorithm, as Istio allows only one of each.
/// </summary>
public sealed partial class ConsistentHashBuilder : MessageBuilder<ConsistentHashBuilder, ConsistentHashLB>
{
    private const long MaglevTableSizeLimit = 5000011;

    /// <summary>Creates a builder over consistent hash settings.</summary>
    /// <param name="target">The settings to fill in.</param>
    public ConsistentHashBuilder(ConsistentHashLB target)
        : base(target)
    {
    }

    /// <summary>Hashes on an HTTP header's value.</summary>
    /// <param name="name">The header name (<c>x-user</c>).</param>
    /// <returns>This builder.</returns>
    public ConsistentHashBuilder HttpHeaderName(string name)
    {
        Target.HttpHeaderName = Guard.NotEmpty(name, nameof(name));
        return this;
    }

    /// <summary>Hashes on a cookie; with a TTL, the proxy generates the cookie when it is missing.</summary>
    /// <param name="name">The cookie name.</param>
    /// <param name="configure">Sets the path, TTL and attributes of a generated cookie.</param>
    /// <returns>This builder.</returns>
    public ConsistentHashBuilder HttpCookie(string name, Action<HttpCookieBuilder>? configure = null)
    {
        var cookie = new HttpCookie { Name = Guard.NotEmpty(name, nameof(name)) };
        configure?.Invoke(new HttpCookieBuilder(cookie));
        Target.HttpCookie = cookie;
        return this;
    }

    /// <summary>Hashes on the source IP address (TCP and HTTP).</summary>
    /// <returns>This builder.</returns>
    public ConsistentHashBuilder UseSourceIp()
    {
        Target.UseSourceIp = true;
        return this;
    }

    /// <summary>Hashes on an HTTP query parameter.</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>This builder.</returns>
    public ConsistentHashBuilder HttpQueryParameterName(string name)
    {
        Target.HttpQueryParameterName = Guard.NotEmpty(name, nameof(name));
        return this;
    }

    /// <summary>Uses the ring hash algorithm (Istio's default).</summary>
    /// <param name="minimumRingSize">The minimum number of virtual nodes; null for Istio's default (1024).</param>
    /// <returns>This builder.</returns>
    public ConsistentHashBuilder RingHash(long? minimumRingSize = null)
    {
        Target.RingHash = new RingHash { MinimumRingSize = minimumRingSize is { } size ? PositiveSize(size, nameof(minimumRingSize)) : null };
        return this;
    }

    /// <summary>Uses the Maglev algorithm.</summary>
    /// <param name="tableSize">The table size, a prime below 5000011; null for Istio's default (65537).</param>
    /// <returns>This builder.</returns>
    public ConsistentHashBuilder Maglev(long? tableSize = null)
    {
        if (tableSize is { } size && (size < 2 || size >= MaglevTableSizeLimit || !IsPrime(size)))
        {
            throw new ArgumentOutOfRangeException(nameof(tableSize), size, $"A Maglev table size of {size} is not allowed: it must be a prime below {MaglevTableSizeLimit}, such as 65537.");
        }

        Target.Maglev = new Maglev { TableSize = tableSize };
        return this;
    }

    /// <summary>Deprecated by Istio in favour of <see cref="RingHash"/>: sets the ring's minimum size.</summary>
    /// <param name="size">The minimum number of virtual nodes.</param>
    /// <returns>This builder.</returns>
    [Obsolete("Istio has deprecated minimumRingSize; use RingHash.")]
    public ConsistentHashBuilder MinimumRingSize(long size)
    {
        Target.MinimumRingSize = PositiveSize(size, nameof(size));
        return this;
    }

    private static long PositiveSize(long size, string parameter)
        => size > 0 ? size : throw new ArgumentOutOfRangeException(parameter, size, $"A ring size of {size} is not allowed: it must be positive.");

    private static bool IsPrime(long n)
    {
        if (n % 2 == 0)
        {
            return n == 2;
        }

        for (long d = 3; d * d <= n; d += 2)
        {
            if (n % d == 0)
            {
                return false;
            }
        }

        return true;
    }
}
