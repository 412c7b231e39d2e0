using System.Net;
using Mesh.Dsl.Builders;
using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Scenarios;

/// <summary>
/// Recipes for workloads on virtual machines that join the mesh. Each adds a consistent set of resources
/// to the mesh in one call (all of them, or none when a name is taken) and returns them, so a program can
/// still change any field afterwards.
/// </summary>
public sealed class VirtualMachineScenarios
{
    private readonly IstioMesh _mesh;

    internal VirtualMachineScenarios(IstioMesh mesh) => _mesh = mesh;

    /// <summary>
    /// Makes a service of VMs part of the mesh, as Istio's "Virtual Machines" docs do: one WorkloadEntry
    /// per VM address, with the service's labels and service account, and a MESH_INTERNAL ServiceEntry
    /// for the host whose <c>workloadSelector</c> selects them (resolution STATIC for IP addresses, DNS
    /// when a VM is given by name), so mesh clients reach the VMs' proxies with mutual TLS.
    /// </summary>
    /// <param name="host">The host clients ask for: <c>details.bookinfo.com</c>.</param>
    /// <param name="addresses">The VMs' addresses, IPs or DNS names; at least one.</param>
    /// <param name="configure">Changes names, labels, service account, ports, network, namespace or API version.</param>
    /// <returns>The ServiceEntry and WorkloadEntries added.</returns>
    public VirtualMachineService Service(string host, IEnumerable<string> addresses, Action<VirtualMachineServiceOptions>? configure = null)
    {
        ExternalServiceEntry.ExactHost(host, nameof(host));
        ArgumentNullException.ThrowIfNull(addresses);
        var addressList = addresses.Select(a => Guard.NotEmpty(a, nameof(addresses))).ToList();
        if (addressList.Count == 0)
        {
            throw new ArgumentException("Give at least one VM address.", nameof(addresses));
        }

        var o = new VirtualMachineServiceOptions(host);
        configure?.Invoke(o);
        if (o.Labels.Count == 0)
        {
            throw new ArgumentException("Labels is empty, so the ServiceEntry would select no VM; leave it at its default (app: name) or give labels.", nameof(configure));
        }

        if (o.Ports.Count == 0)
        {
            throw new ArgumentException("Ports is empty; give the ports the VMs serve.", nameof(configure));
        }

        Guard.NotEmpty(o.ServiceAccount, nameof(o.ServiceAccount));

        // A name, unlike an IP, must be resolved by the proxy; STATIC would take it for an IP and fail.
        var resolution = addressList.All(a => IPAddress.TryParse(a, out _)) ? ServiceEntryResolution.Static : ServiceEntryResolution.Dns;
        var entry = new ServiceEntryBuilder(o.Name).Hosts(host).Location(ServiceEntryLocation.MeshInternal);
        foreach (var port in o.Ports)
        {
            port.AddTo(entry);
        }

        entry.Resolution(resolution);
        foreach (var (key, value) in o.Labels)
        {
            entry.WorkloadSelector(key, value);
        }

        var workloads = addressList.Select((address, i) =>
        {
            var workload = new WorkloadEntryResourceBuilder($"{o.Name}-{i + 1}").Address(address);
            foreach (var (key, value) in o.Labels)
            {
                workload.Labels(key, value);
            }

            if (o.Network is not null)
            {
                workload.Network(o.Network);
            }

            workload.ServiceAccount(o.ServiceAccount);
            return o.ApplyTo(workload.Build());
        }).ToList();

        var result = new VirtualMachineService(o.ApplyTo(entry.Build()), workloads);
        RecipeBatch.AddAll(_mesh, [result.ServiceEntry, .. workloads]);
        return result;
    }
}
