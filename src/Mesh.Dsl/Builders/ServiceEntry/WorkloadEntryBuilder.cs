using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds an endpoint (<see cref="WorkloadEntrySpec"/>) of a ServiceEntry.</summary>
public sealed partial class WorkloadEntryBuilder : MessageBuilder<WorkloadEntryBuilder, WorkloadEntrySpec>
{
    /// <summary>Creates a builder over an endpoint.</summary>
    /// <param name="target">The endpoint to fill in.</param>
    public WorkloadEntryBuilder(WorkloadEntrySpec target)
        : base(target)
    {
    }

    /// <summary>Sets the address.</summary>
    /// <param name="address">An IP address, DNS name or <c>unix://</c> socket path.</param>
    /// <returns>This builder.</returns>
    public WorkloadEntryBuilder Address(string address)
    {
        Target.Address = Guard.NotEmpty(address, nameof(address));
        return this;
    }

    /// <summary>Maps one of the entry's port names to the port this endpoint listens on.</summary>
    /// <param name="portName">The name of a port of the ServiceEntry.</param>
    /// <param name="number">The endpoint's port.</param>
    /// <returns>This builder.</returns>
    public WorkloadEntryBuilder Port(string portName, int number)
    {
        Target.Ports[Guard.NotEmpty(portName, nameof(portName))] = Guard.Port(number);
        return this;
    }

    /// <summary>Adds a label.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <returns>This builder.</returns>
    public WorkloadEntryBuilder Label(string key, string value)
    {
        Target.Labels[Guard.NotEmpty(key, nameof(key))] = value ?? throw new ArgumentNullException(nameof(value));
        return this;
    }

    /// <summary>Sets the network, for multi-network meshes.</summary>
    /// <param name="network">The network name.</param>
    /// <returns>This builder.</returns>
    public WorkloadEntryBuilder Network(string network)
    {
        Target.Network = Guard.NotEmpty(network, nameof(network));
        return this;
    }

    /// <summary>Sets the locality (<c>region/zone/subzone</c>).</summary>
    /// <param name="locality">The locality.</param>
    /// <returns>This builder.</returns>
    public WorkloadEntryBuilder Locality(string locality)
    {
        Target.Locality = Guard.NotEmpty(locality, nameof(locality));
        return this;
    }

    /// <summary>Sets the load-balancing weight.</summary>
    /// <param name="weight">A positive weight.</param>
    /// <returns>This builder.</returns>
    public WorkloadEntryBuilder Weight(int weight)
    {
        Target.Weight = weight > 0 ? (uint)weight : throw new ArgumentOutOfRangeException(nameof(weight), weight, "A weight must be positive.");
        return this;
    }

    /// <summary>Sets the workload's service account.</summary>
    /// <param name="serviceAccount">The service account.</param>
    /// <returns>This builder.</returns>
    public WorkloadEntryBuilder ServiceAccount(string serviceAccount)
    {
        Target.ServiceAccount = Guard.NotEmpty(serviceAccount, nameof(serviceAccount));
        return this;
    }
}
