using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>Runs the cross-resource checks (catalogue §4) over a <see cref="MeshIndex"/>.</summary>
internal static partial class CrossResourceAnalysis
{
    public static void Run(MeshIndex index, Func<IstioResource, RuleContext> contextOf, bool securityAdvice)
    {
        ServiceEntryChecks.CheckConflictingProtocols(index, contextOf);
        RunMore(index, contextOf, securityAdvice);
    }

    /// <summary>The checks that need DestinationRules, VirtualServices, Gateways and Sidecars.</summary>
    static partial void RunMore(MeshIndex index, Func<IstioResource, RuleContext> contextOf, bool securityAdvice);
}
