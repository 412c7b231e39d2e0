using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Scenarios;

namespace Mesh.Dsl.Tests.Scenarios;

public class VirtualMachineServiceRecipeTests
{
    [Fact]
    public void A_mesh_internal_service_entry_selects_one_workload_entry_per_vm()
    {
        var mesh = new IstioMesh();
        var result = mesh.VirtualMachines().Service("details.bookinfo.com", ["10.0.0.1", "10.0.0.2"]);

        Assert.Equal([result.ServiceEntry, .. result.WorkloadEntries], mesh.Resources);
        var entry = result.ServiceEntry.Spec;
        Assert.Equal("details", result.ServiceEntry.Metadata.Name);
        Assert.Equal(["details.bookinfo.com"], entry.Hosts);
        Assert.Equal((ServiceEntryLocation.MeshInternal, ServiceEntryResolution.Static), (entry.Location, entry.Resolution));
        var port = Assert.Single(entry.Ports);
        Assert.Equal((80u, "http", "HTTP"), (port.Number, port.Name, port.Protocol));
        Assert.Equal(new Dictionary<string, string> { ["app"] = "details" }, entry.WorkloadSelector!.Labels);
        Assert.Empty(entry.Endpoints);

        Assert.Equal(["details-1", "details-2"], result.WorkloadEntries.Select(w => w.Metadata.Name!));
        Assert.Equal(["10.0.0.1", "10.0.0.2"], result.WorkloadEntries.Select(w => w.Spec.Address!));
        Assert.All(result.WorkloadEntries, w =>
        {
            Assert.Equal(entry.WorkloadSelector.Labels, w.Spec.Labels);
            Assert.Equal("details", w.Spec.ServiceAccount);
            Assert.Null(w.Spec.Network);
            Assert.Equal(ApiVersions.NetworkingV1, w.ApiVersion);
        });
    }

    [Fact]
    public void A_vm_given_by_name_makes_the_entry_resolve_by_dns()
    {
        var result = new IstioMesh().VirtualMachines().Service("details.bookinfo.com", ["10.0.0.1", "vm2.example.internal"]);

        Assert.Equal(ServiceEntryResolution.Dns, result.ServiceEntry.Spec.Resolution);
    }

    [Fact]
    public void Options_change_names_labels_account_ports_network_and_namespace()
    {
        var result = new IstioMesh().VirtualMachines().Service("details.bookinfo.com", ["10.0.0.1"], o =>
        {
            o.Name = "details-legacy";
            o.Labels = new() { ["app"] = "details-legacy", ["version"] = "v1" };
            o.ServiceAccount = "bookinfo-details";
            o.Ports = [ExternalPort.Http(80, "http") with { TargetPort = 8080 }];
            o.Network = "vm-network";
            o.Namespace = "bookinfo";
        });

        Assert.Equal(("details-legacy", "bookinfo"), (result.ServiceEntry.Metadata.Name, result.ServiceEntry.Metadata.NamespaceProperty));
        Assert.Equal(8080u, Assert.Single(result.ServiceEntry.Spec.Ports).TargetPort);
        var workload = Assert.Single(result.WorkloadEntries);
        Assert.Equal(("details-legacy-1", "bookinfo", "bookinfo-details", "vm-network"), (workload.Metadata.Name, workload.Metadata.NamespaceProperty, workload.Spec.ServiceAccount, workload.Spec.Network));
        Assert.Equal(new Dictionary<string, string> { ["app"] = "details-legacy", ["version"] = "v1" }, workload.Spec.Labels);
        Assert.Equal(workload.Spec.Labels, result.ServiceEntry.Spec.WorkloadSelector!.Labels);
    }

    [Fact]
    public void No_address_or_no_labels_is_refused_and_adds_nothing()
    {
        var mesh = new IstioMesh();

        Assert.Throws<ArgumentException>(() => mesh.VirtualMachines().Service("details.bookinfo.com", []));
        Assert.Throws<ArgumentException>(() => mesh.VirtualMachines().Service("details.bookinfo.com", ["10.0.0.1"], o => o.Labels = new()));
        Assert.Throws<ArgumentException>(() => mesh.VirtualMachines().Service("*.bookinfo.com", ["10.0.0.1"]));
        Assert.Empty(mesh.Resources);
    }
}
