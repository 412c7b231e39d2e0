namespace Mesh.Dsl.Scenarios;

/// <summary>Imports configuration written for Istio 0.x into today's resources.</summary>
public sealed class LegacyScenarios
{
    private readonly IstioMesh _mesh;

    internal LegacyScenarios(IstioMesh mesh) => _mesh = mesh;
}
