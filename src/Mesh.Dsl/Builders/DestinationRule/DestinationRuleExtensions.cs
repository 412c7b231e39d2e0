using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Typed references into a <see cref="DestinationRule"/>, so that routes name only subsets that exist.</summary>
public static class DestinationRuleExtensions
{
    /// <summary>Returns the subset of the given name.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="name">The subset name.</param>
    /// <returns>The subset.</returns>
    /// <exception cref="ArgumentException">The rule has no subset of that name; the message lists the subsets it has.</exception>
    public static Subset GetSubset(this DestinationRule rule, string name)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(name);
        var subsets = rule.Spec.Subsets;
        var subset = FindSubset(subsets, name);
        if (subset is not null)
        {
            return subset;
        }

        var known = subsets.Count == 0
            ? "it defines no subsets"
            : "its subsets are " + string.Join(", ", subsets.Select(s => $"\"{s.Name}\""));
        throw new ArgumentException($"{rule} has no subset \"{name}\": {known}.", nameof(name));
    }

    /// <summary>The subset of the given name, or null: a loop, where <c>List.Find</c> would cost a closure and a delegate per call.</summary>
    internal static Subset? FindSubset(List<Subset> subsets, string name)
    {
        foreach (var subset in subsets)
        {
            if (subset.Name == name)
            {
                return subset;
            }
        }

        return null;
    }
}
