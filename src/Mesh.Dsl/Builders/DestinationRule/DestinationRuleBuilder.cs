using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Model.Security;

namespace Mesh.Dsl.Builders;

/// <summary>Builds a <see cref="DestinationRule"/>.</summary>
public sealed partial class DestinationRuleBuilder : ResourceBuilder<DestinationRuleBuilder, DestinationRule, DestinationRuleSpec>
{
    /// <summary>Starts a new DestinationRule.</summary>
    /// <param name="name">The resource name: a lowercase DNS-1123 subdomain.</param>
    public DestinationRuleBuilder(string name)
        : base(new DestinationRule(), name)
    {
    }

    /// <summary>Edits an existing DestinationRule.</summary>
    /// <param name="resource">The resource to edit.</param>
    public DestinationRuleBuilder(DestinationRule resource)
        : base(resource)
    {
    }

    /// <summary>Sets the host the rule applies to; prefer a fully qualified name (<c>reviews.prod.svc.cluster.local</c>).</summary>
    /// <param name="host">A service registry or ServiceEntry host.</param>
    /// <returns>This builder.</returns>
    public DestinationRuleBuilder Host(string host)
    {
        Target.Host = Guard.Host(host);
        return this;
    }

    /// <summary>Configures the traffic policy for all traffic to the host.</summary>
    /// <param name="configure">Sets load balancing, connection pool, outlier detection, TLS, port-level settings, ...</param>
    /// <returns>This builder.</returns>
    public DestinationRuleBuilder TrafficPolicy(Action<TrafficPolicyBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return Child(x => x.TrafficPolicy, (x, v) => x.TrafficPolicy = v, static () => new(), v => new TrafficPolicyBuilder(v), configure);
    }

    /// <summary>Adds a subset, or configures further the subset of that name.</summary>
    /// <param name="name">The subset name: a DNS-1123 label (<c>v1</c>, <c>originate-tls</c>).</param>
    /// <param name="configure">Sets the subset's labels and traffic policy; null for a subset without either.</param>
    /// <returns>This builder.</returns>
    public DestinationRuleBuilder Subset(string name, Action<SubsetBuilder>? configure = null)
    {
        var subset = GetOrAddSubset(name);
        configure?.Invoke(subset);
        return this;
    }

    /// <summary>Adds a subset that selects the endpoints carrying one label (<c>version: v2</c>).</summary>
    /// <param name="name">The subset name: a DNS-1123 label.</param>
    /// <param name="labelKey">The label key.</param>
    /// <param name="labelValue">The label value.</param>
    /// <param name="configure">Sets more labels or the subset's traffic policy.</param>
    /// <returns>This builder.</returns>
    public DestinationRuleBuilder Subset(string name, string labelKey, string labelValue, Action<SubsetBuilder>? configure = null)
    {
        var subset = GetOrAddSubset(name).Label(labelKey, labelValue);
        configure?.Invoke(subset);
        return this;
    }

    /// <summary>Limits the namespaces the rule is visible to (<c>.</c> for its own, <c>*</c> for all).</summary>
    /// <param name="namespaces">The namespaces.</param>
    /// <returns>This builder.</returns>
    public DestinationRuleBuilder ExportTo(params string[] namespaces)
    {
        ArgumentNullException.ThrowIfNull(namespaces);
        foreach (var ns in namespaces)
        {
            Target.ExportTo.Add(Guard.NotEmpty(ns, nameof(namespaces)));
        }

        return this;
    }

    /// <summary>Applies the rule only to the workloads (in its namespace) that carry a label.</summary>
    /// <param name="key">The label key.</param>
    /// <param name="value">The label value.</param>
    /// <returns>This builder.</returns>
    public DestinationRuleBuilder WorkloadSelector(string key, string value)
    {
        Guard.NotEmpty(key, nameof(key));
        Guard.Text(value, nameof(value));
        if (key.Contains('*') || value.Contains('*'))
        {
            throw new ArgumentException($"\"{key}: {value}\" cannot be a workload selector label: wildcards are not allowed.", nameof(key));
        }

        Target.WorkloadSelector ??= new LabelSelector();
        Target.WorkloadSelector.MatchLabels[key] = value;
        return this;
    }

    /// <summary>The builder of the subset of that name, added if it is not there yet.</summary>
    private SubsetBuilder GetOrAddSubset(string name)
    {
        Guard.SubsetName(name);
        var subset = DestinationRuleExtensions.FindSubset(Target.Subsets, name);
        if (subset is null)
        {
            subset = new Subset { Name = name };
            AddItem(Target.Subsets, subset);
        }

        return new SubsetBuilder(subset);
    }
}
