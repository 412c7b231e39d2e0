using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Scenarios;

/// <summary>What <see cref="VirtualMachineScenarios.Service(string, IEnumerable{string}, Action{VirtualMachineServiceOptions})"/> added.</summary>
/// <param name="ServiceEntry">The MESH_INTERNAL ServiceEntry whose <c>workloadSelector</c> selects the VMs.</param>
/// <param name="WorkloadEntries">One WorkloadEntry per VM, in the order of the addresses.</param>
public sealed record VirtualMachineService(ServiceEntry ServiceEntry, IReadOnlyList<WorkloadEntry> WorkloadEntries);
