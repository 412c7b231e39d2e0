using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Adds ServiceEntries to a <see cref="IstioMesh"/>.</summary>
public static class ServiceEntryMeshExtensions
{
    /// <summary>Adds a ServiceEntry built by <paramref name="configure"/>.</summary>
    /// <param name="mesh">The mesh.</param>
    /// <param name="name">The resource name.</param>
    /// <param name="configure">Fills in the entry.</param>
    /// <returns>The ServiceEntry added, to change or reference later.</returns>
    public static ServiceEntry AddServiceEntry(this IstioMesh mesh, string name, Action<ServiceEntryBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new ServiceEntryBuilder(name);
        configure(builder);
        return mesh.Add(builder.Build());
    }
}
