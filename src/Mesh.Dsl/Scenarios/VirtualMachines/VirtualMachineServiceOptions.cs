namespace Mesh.Dsl.Scenarios;

/// <summary>
/// Options of <see cref="VirtualMachineScenarios.Service(string, IEnumerable{string}, Action{VirtualMachineServiceOptions})"/>;
/// each starts at the default it documents. Names follow Istio's docs, built from the host's first label
/// (<c>details.bookinfo.com</c> → <c>details</c>).
/// </summary>
public sealed class VirtualMachineServiceOptions : RecipeOptions
{
    internal VirtualMachineServiceOptions(string host)
    {
        Name = HostNames.Slug(host.Split('.')[0]);
        Labels = new() { ["app"] = Name };
        ServiceAccount = Name;
    }

    /// <summary>The ServiceEntry's name, and the start of each WorkloadEntry's (<c>details-1</c>, <c>details-2</c>); the host's first label by default.</summary>
    public string Name { get; set; }

    /// <summary>The labels of the VMs' WorkloadEntries, which the ServiceEntry's <c>workloadSelector</c> selects; <c>app:</c> and the host's first label by default (changing <see cref="Name"/> leaves them).</summary>
    public OrderedDictionary<string, string> Labels { get; set; }

    /// <summary>
    /// The Kubernetes service account in the WorkloadEntries' namespace whose identity the VMs' proxies
    /// hold, which peers check in mutual TLS and authorization policies; the host's first label by default.
    /// </summary>
    public string ServiceAccount { get; set; }

    /// <summary>The service's ports; HTTP on 80 (<c>http</c>) by default. The VMs' proxies take mesh mutual TLS on them.</summary>
    public List<ExternalPort> Ports { get; set; } = [ExternalPort.Http(80, "http")];

    /// <summary>The network the VMs are on (<c>vm-network</c>), for a mesh that spans networks; null (the default) for the cluster's own.</summary>
    public string? Network { get; set; }
}
