namespace Mesh.Dsl.Scenarios;

/// <summary>
/// Recipes for traffic that enters the mesh. Each adds a consistent set of resources to the mesh in
/// one call and returns them, so a program can still change any field afterwards.
/// </summary>
public sealed class IngressScenarios
{
    private readonly IstioMesh _mesh;

    internal IngressScenarios(IstioMesh mesh) => _mesh = mesh;
}
