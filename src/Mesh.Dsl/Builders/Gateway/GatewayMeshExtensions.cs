using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Adds Gateways to a <see cref="IstioMesh"/>.</summary>
public static class GatewayMeshExtensions
{
    /// <summary>Adds a Gateway built by <paramref name="configure"/>.</summary>
    /// <param name="mesh">The mesh.</param>
    /// <param name="name">The resource name.</param>
    /// <param name="configure">Fills in the gateway.</param>
    /// <returns>The Gateway added, to change or reference later.</returns>
    public static Gateway AddGateway(this IstioMesh mesh, string name, Action<GatewayBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new GatewayBuilder(name);
        configure(builder);
        return mesh.Add(builder.Build());
    }
}
