using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds a CORS policy (<see cref="CorsPolicy"/>).</summary>
public sealed partial class CorsPolicyBuilder : MessageBuilder<CorsPolicyBuilder, CorsPolicy>
{
    /// <summary>Creates a builder over a CORS policy.</summary>
    /// <param name="target">The policy to fill in.</param>
    public CorsPolicyBuilder(CorsPolicy target)
        : base(target)
    {
    }

    /// <summary>Adds patterns of allowed origins (<c>StringMatch.Exactly("https://example.com")</c>).</summary>
    /// <param name="origins">The patterns.</param>
    /// <returns>This builder.</returns>
    public CorsPolicyBuilder AllowOrigins(params StringMatch[] origins)
    {
        ArgumentNullException.ThrowIfNull(origins);
        foreach (var origin in origins)
        {
            Target.AllowOrigins.Add(origin ?? throw new ArgumentNullException(nameof(origins)));
        }

        return this;
    }

    /// <summary>Deprecated: use <see cref="AllowOrigins"/>. Adds exact allowed origins to the old <c>allowOrigin</c> list.</summary>
    /// <param name="origins">The origins (<c>*</c> for all).</param>
    /// <returns>This builder.</returns>
    [Obsolete("Istio has deprecated allowOrigin; use AllowOrigins.")]
    public CorsPolicyBuilder AllowOrigin(params string[] origins)
    {
        Guard.AddAll(Target.AllowOrigin, origins, Guard.NotEmpty, nameof(origins));
        return this;
    }

    /// <summary>Adds allowed methods (<c>GET</c>, <c>POST</c>, ...).</summary>
    /// <param name="methods">The methods.</param>
    /// <returns>This builder.</returns>
    public CorsPolicyBuilder AllowMethods(params string[] methods)
    {
        Guard.AddAll(Target.AllowMethods, methods, Guard.NotEmpty, nameof(methods));
        return this;
    }

    /// <summary>Adds allowed request headers.</summary>
    /// <param name="headers">The header names.</param>
    /// <returns>This builder.</returns>
    public CorsPolicyBuilder AllowHeaders(params string[] headers)
    {
        Guard.AddAll(Target.AllowHeaders, headers, Guard.NotEmpty, nameof(headers));
        return this;
    }

    /// <summary>Adds response headers browsers may read.</summary>
    /// <param name="headers">The header names.</param>
    /// <returns>This builder.</returns>
    public CorsPolicyBuilder ExposeHeaders(params string[] headers)
    {
        Guard.AddAll(Target.ExposeHeaders, headers, Guard.NotEmpty, nameof(headers));
        return this;
    }

    /// <summary>Sets how long browsers may cache a preflight result.</summary>
    /// <param name="maxAge">Whole seconds, at least one.</param>
    /// <returns>This builder.</returns>
    public CorsPolicyBuilder MaxAge(TimeSpan maxAge)
    {
        if (maxAge < TimeSpan.FromSeconds(1) || maxAge.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxAge), maxAge, $"CORS maxAge {maxAge} is not whole seconds: Istio needs a whole number of seconds, at least one.");
        }

        Target.MaxAge = maxAge;
        return this;
    }

    /// <summary>Sets whether the actual request may carry credentials.</summary>
    /// <param name="allow">Whether it may.</param>
    /// <returns>This builder.</returns>
    public CorsPolicyBuilder AllowCredentials(bool allow = true)
    {
        Target.AllowCredentials = allow;
        return this;
    }

    /// <summary>Sets what happens to preflight requests from origins not allowed.</summary>
    /// <param name="handling">Forward them, or answer them at the proxy.</param>
    /// <returns>This builder.</returns>
    public CorsPolicyBuilder UnmatchedPreflights(CorsUnmatchedPreflights handling)
    {
        Target.UnmatchedPreflights = handling;
        return this;
    }
}
