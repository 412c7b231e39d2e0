using Mesh.Dsl.Model.Security;

namespace Mesh.Dsl.Builders;

/// <summary>Adds PeerAuthentications to a <see cref="IstioMesh"/>.</summary>
public static class PeerAuthenticationMeshExtensions
{
    /// <summary>Adds a PeerAuthentication built by <paramref name="configure"/>.</summary>
    /// <param name="mesh">The mesh.</param>
    /// <param name="name">The resource name.</param>
    /// <param name="configure">Fills in the policy.</param>
    /// <returns>The PeerAuthentication added, to change or reference later.</returns>
    public static PeerAuthentication AddPeerAuthentication(this IstioMesh mesh, string name, Action<PeerAuthenticationBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new PeerAuthenticationBuilder(name);
        configure(builder);
        return mesh.Add(builder.Build());
    }
}
