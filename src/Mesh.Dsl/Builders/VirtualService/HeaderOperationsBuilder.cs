using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds the headers to set, append and remove (<see cref="HeaderOperations"/>).</summary>
public sealed partial class HeaderOperationsBuilder : MessageBuilder<HeaderOperationsBuilder, HeaderOperations>
{
    /// <summary>Creates a builder over header operations.</summary>
    /// <param name="target">The operations to fill in.</param>
    public HeaderOperationsBuilder(HeaderOperations target)
        : base(target)
    {
    }

    /// <summary>Overwrites a header.</summary>
    /// <param name="name">The header name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public HeaderOperationsBuilder Set(string name, string value)
    {
        Target.Set[Guard.NotEmpty(name, nameof(name))] = value ?? throw new ArgumentNullException(nameof(value));
        return this;
    }

    /// <summary>Appends a value to a header.</summary>
    /// <param name="name">The header name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public HeaderOperationsBuilder Add(string name, string value)
    {
        Target.Add[Guard.NotEmpty(name, nameof(name))] = value ?? throw new ArgumentNullException(nameof(value));
        return this;
    }

    /// <summary>Removes headers.</summary>
    /// <param name="names">The header names.</param>
    /// <returns>This builder.</returns>
    public HeaderOperationsBuilder Remove(params string[] names)
    {
        Guard.AddAll(Target.Remove, names, Guard.NotEmpty, nameof(names));
        return this;
    }
}
