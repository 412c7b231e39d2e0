using Mesh.Dsl.Scenarios;

namespace Mesh.Dsl.Samples.Scenarios;

/// <summary>Workloads on virtual machines that join the mesh.</summary>
public static class VirtualMachineSamples
{
    /// <summary>
    /// After Istio's "Virtual Machines" docs: the Bookinfo details service runs on two VMs, which the
    /// mesh reaches as details.bookinfo.com through a MESH_INTERNAL ServiceEntry selecting their
    /// WorkloadEntries; the VMs' proxies hold the details-legacy service account's identity.
    /// </summary>
    /// <param name="mesh">The mesh to add to.</param>
    public static void DetailsOnVms(IstioMesh mesh) =>
        mesh.VirtualMachines().Service("details.bookinfo.com", ["10.128.0.11", "10.128.0.12"], o =>
        {
            o.Namespace = "bookinfo";
            o.Name = "details-legacy";
            o.Ports = [ExternalPort.Http(80, "http") with { TargetPort = 8080 }];
        });
}
