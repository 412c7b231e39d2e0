using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Adds VirtualServices to a <see cref="IstioMesh"/>.</summary>
public static class VirtualServiceMeshExtensions
{
    /// <summary>Adds a VirtualService built by <paramref name="configure"/>.</summary>
    /// <param name="mesh">The mesh.</param>
    /// <param name="name">The resource name.</param>
    /// <param name="configure">Fills in the VirtualService.</param>
    /// <returns>The VirtualService added, to change or reference later.</returns>
    public static VirtualService AddVirtualService(this IstioMesh mesh, string name, Action<VirtualServiceBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new VirtualServiceBuilder(name);
        configure(builder);
        return mesh.Add(builder.Build());
    }
}
