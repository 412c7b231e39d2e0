using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Builders;

/// <summary>Adds DestinationRules to a <see cref="IstioMesh"/>.</summary>
public static class DestinationRuleMeshExtensions
{
    /// <summary>Adds a DestinationRule built by <paramref name="configure"/>.</summary>
    /// <param name="mesh">The mesh.</param>
    /// <param name="name">The resource name.</param>
    /// <param name="configure">Fills in the rule.</param>
    /// <returns>The DestinationRule added, to change or reference later (see <see cref="DestinationRuleExtensions.GetSubset"/>).</returns>
    public static DestinationRule AddDestinationRule(this IstioMesh mesh, string name, Action<DestinationRuleBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        ArgumentNullException.ThrowIfNull(configure);
        var builder = new DestinationRuleBuilder(name);
        configure(builder);
        return mesh.Add(builder.Build());
    }
}
