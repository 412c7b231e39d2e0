using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Builds a <see cref="ServiceEntry"/>.</summary>
public sealed partial class ServiceEntryBuilder : ResourceBuilder<ServiceEntryBuilder, ServiceEntry, ServiceEntrySpec>
{
    /// <summary>Starts a new ServiceEntry.</summary>
    /// <param name="name">The resource name: a lowercase DNS-1123 subdomain.</param>
    public ServiceEntryBuilder(string name)
        : base(new ServiceEntry(), name)
    {
    }

    /// <summary>Edits an existing ServiceEntry.</summary>
    /// <param name="resource">The resource to edit.</param>
    public ServiceEntryBuilder(ServiceEntry resource)
        : base(resource)
    {
    }

    /// <summary>Adds hosts (<c>api.example.com</c>, <c>*.cnn.com</c>).</summary>
    /// <param name="hosts">The hosts.</param>
    /// <returns>This builder.</returns>
    public ServiceEntryBuilder Hosts(params string[] hosts)
    {
        Guard.AddAll(Target.Hosts, hosts, Guard.Host, nameof(hosts));
        return this;
    }

    /// <summary>Adds virtual IP addresses or CIDR prefixes of the service.</summary>
    /// <param name="addresses">The addresses.</param>
    /// <returns>This builder.</returns>
    public ServiceEntryBuilder Addresses(params string[] addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        foreach (var address in addresses)
        {
            Target.Addresses.Add(Guard.NotEmpty(address, nameof(addresses)));
        }

        return this;
    }

    /// <summary>Adds a port.</summary>
    /// <param name="number">The port number, 1 to 65535.</param>
    /// <param name="name">The port's name, unique in the entry (<c>http-port</c>).</param>
    /// <param name="protocol">The protocol, one of <see cref="Protocols"/>.</param>
    /// <param name="targetPort">The endpoints' port, when it differs (TLS origination sends port 80 to 443).</param>
    /// <returns>This builder.</returns>
    public ServiceEntryBuilder Port(int number, string name, string protocol, int? targetPort = null)
    {
        AddItem(Target.Ports, new ServicePort
        {
            Number = Guard.Port(number),
            Name = Guard.NotEmpty(name, nameof(name)),
            Protocol = Guard.NotEmpty(protocol, nameof(protocol)),
            TargetPort = targetPort is { } target ? Guard.Port(target, nameof(targetPort)) : null,
        });
        return this;
    }

    /// <summary>Sets where the service is: <see cref="ServiceEntryLocation.MeshExternal"/> for services outside the mesh.</summary>
    /// <param name="location">The location.</param>
    /// <returns>This builder.</returns>
    public ServiceEntryBuilder Location(ServiceEntryLocation location)
    {
        Target.Location = location;
        return this;
    }

    /// <summary>Sets how endpoints are resolved.</summary>
    /// <param name="resolution">The resolution.</param>
    /// <returns>This builder.</returns>
    public ServiceEntryBuilder Resolution(ServiceEntryResolution resolution)
    {
        Target.Resolution = resolution;
        return this;
    }

    /// <summary>Adds an endpoint.</summary>
    /// <param name="address">An IP address, DNS name or <c>unix://</c> socket path.</param>
    /// <param name="configure">Sets the endpoint's ports, labels, network, locality, weight and service account.</param>
    /// <returns>This builder.</returns>
    public ServiceEntryBuilder Endpoint(string address, Action<WorkloadEntryBuilder>? configure = null)
    {
        var endpoint = new WorkloadEntrySpec { Address = Guard.NotEmpty(address, nameof(address)) };
        configure?.Invoke(new WorkloadEntryBuilder(endpoint));
        AddItem(Target.Endpoints, endpoint);
        return this;
    }

    /// <summary>Selects the workloads (pods or WorkloadEntry resources) that are the endpoints, by a label.</summary>
    /// <param name="key">The label key.</param>
    /// <param name="value">The label value.</param>
    /// <returns>This builder.</returns>
    public ServiceEntryBuilder WorkloadSelector(string key, string value)
    {
        Target.WorkloadSelector ??= new WorkloadSelector();
        Target.WorkloadSelector.Labels[Guard.NotEmpty(key, nameof(key))] = value ?? throw new ArgumentNullException(nameof(value));
        return this;
    }

    /// <summary>Limits the namespaces the entry is visible to (<c>.</c> for its own, <c>*</c> for all).</summary>
    /// <param name="namespaces">The namespaces.</param>
    /// <returns>This builder.</returns>
    public ServiceEntryBuilder ExportTo(params string[] namespaces)
    {
        ArgumentNullException.ThrowIfNull(namespaces);
        foreach (var ns in namespaces)
        {
            Target.ExportTo.Add(Guard.NotEmpty(ns, nameof(namespaces)));
        }

        return this;
    }

    /// <summary>Adds subject alternative names the service's certificates may carry.</summary>
    /// <param name="names">The names.</param>
    /// <returns>This builder.</returns>
    public ServiceEntryBuilder SubjectAltNames(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        foreach (var name in names)
        {
            Target.SubjectAltNames.Add(Guard.NotEmpty(name, nameof(names)));
        }

        return this;
    }
}
