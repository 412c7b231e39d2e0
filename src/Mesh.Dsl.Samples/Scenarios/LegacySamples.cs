using Mesh.Dsl.Scenarios;

namespace Mesh.Dsl.Samples.Scenarios;

/// <summary>Configuration written for Istio 0.x, imported into today's resources.</summary>
public static class LegacySamples
{
    /// <summary>
    /// Seed 001 ("使用外部 Web 服务", Istio 0.x): a RouteRule sends all details traffic to version v2,
    /// and an EgressRule allows HTTPS to every *.googleapis.com host. Today that is a VirtualService
    /// with a DestinationRule defining subset v2, and a mesh-external ServiceEntry.
    /// </summary>
    /// <param name="mesh">The mesh to add to.</param>
    public static void BookinfoGoogleapis(IstioMesh mesh)
    {
        var import = mesh.Legacy().ImportFile(RepositoryFiles.SharedScenario("legacy-bookinfo-googleapis.input.yaml"));
        foreach (var warning in import.Warnings)
        {
            Console.Error.WriteLine($"warning: {warning}");
        }
    }
}
