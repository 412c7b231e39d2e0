using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds a <see cref="Subset"/> of a DestinationRule.</summary>
public sealed partial class SubsetBuilder : MessageBuilder<SubsetBuilder, Subset>
{
    /// <summary>Creates a builder over a subset.</summary>
    /// <param name="target">The subset to fill in.</param>
    public SubsetBuilder(Subset target)
        : base(target)
    {
    }

    /// <summary>Adds (or replaces) a label the subset's endpoints must carry.</summary>
    /// <param name="key">The label key.</param>
    /// <param name="value">The label value.</param>
    /// <returns>This builder.</returns>
    public SubsetBuilder Label(string key, string value)
    {
        Target.Labels[Guard.NotEmpty(key, nameof(key))] = value ?? throw new ArgumentNullException(nameof(value));
        return this;
    }

    /// <summary>Configures the subset's traffic policy, which overrides the rule's.</summary>
    /// <param name="configure">Sets load balancing, connection pool, outlier detection, TLS, port-level settings, ...</param>
    /// <returns>This builder.</returns>
    public SubsetBuilder TrafficPolicy(Action<TrafficPolicyBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Child(x => x.TrafficPolicy, (x, v) => x.TrafficPolicy = v, static () => new(), v => new TrafficPolicyBuilder(v), configure);
    }
}
