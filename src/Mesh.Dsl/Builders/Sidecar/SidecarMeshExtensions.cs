using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Adds Sidecars to a <see cref="IstioMesh"/>.</summary>
public static class SidecarMeshExtensions
{
    /// <summary>Adds a Sidecar built by <paramref name="configure"/>.</summary>
    /// <param name="mesh">The mesh.</param>
    /// <param name="name">The resource name.</param>
    /// <param name="configure">Fills in the Sidecar.</param>
    /// <returns>The Sidecar added, to change or reference later.</returns>
    public static Sidecar AddSidecar(this IstioMesh mesh, string name, Action<SidecarBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new SidecarBuilder(name);
        configure(builder);
        return mesh.Add(builder.Build());
    }
}
