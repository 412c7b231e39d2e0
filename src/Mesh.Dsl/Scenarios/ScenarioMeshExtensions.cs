namespace Mesh.Dsl.Scenarios;

/// <summary>
/// The entry points of the scenario recipes, grouped by intent: <c>mesh.Egress()</c> for traffic
/// leaving the mesh, <c>mesh.Ingress()</c> for traffic entering it, <c>mesh.VirtualMachines()</c> for
/// workloads on VMs, <c>mesh.Legacy()</c> for
/// importing configuration written for Istio 0.x.
/// </summary>
public static class ScenarioMeshExtensions
{
    /// <summary>Recipes for traffic that leaves the mesh: external services, TLS origination, the egress gateway, lock-down.</summary>
    /// <param name="mesh">The mesh the recipes add to.</param>
    /// <returns>The egress recipes.</returns>
    public static EgressScenarios Egress(this IstioMesh mesh)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        return new EgressScenarios(mesh);
    }

    /// <summary>Recipes for traffic that enters the mesh: the ingress gateway, TLS termination at a sidecar.</summary>
    /// <param name="mesh">The mesh the recipes add to.</param>
    /// <returns>The ingress recipes.</returns>
    public static IngressScenarios Ingress(this IstioMesh mesh)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        return new IngressScenarios(mesh);
    }

    /// <summary>Recipes for workloads on virtual machines: a mesh service of VMs (ServiceEntry and WorkloadEntries).</summary>
    /// <param name="mesh">The mesh the recipes add to.</param>
    /// <returns>The virtual machine recipes.</returns>
    public static VirtualMachineScenarios VirtualMachines(this IstioMesh mesh)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        return new VirtualMachineScenarios(mesh);
    }

    /// <summary>Imports of configuration written for Istio 0.x (<c>config.istio.io/v1alpha2</c> RouteRule and EgressRule).</summary>
    /// <param name="mesh">The mesh the imported resources are added to.</param>
    /// <returns>The legacy imports.</returns>
    public static LegacyScenarios Legacy(this IstioMesh mesh)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        return new LegacyScenarios(mesh);
    }
}
