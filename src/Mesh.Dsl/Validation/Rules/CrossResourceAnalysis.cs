using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>Runs the cross-resource checks (catalogue §4) over a <see cref="MeshIndex"/>.</summary>
internal static partial class CrossResourceAnalysis
{
    public static void Run(MeshIndex index, DiagnosticSink sink, bool securityAdvice)
    {
        ServiceEntryChecks.CheckConflictingProtocols(index, sink);
        if (securityAdvice)
        {
            PeerAuthenticationChecks.AdviseDisabledPorts(index, sink);
        }

        RunMore(index, sink, securityAdvice);
    }

    /// <summary>The checks that need DestinationRules, VirtualServices, Gateways and Sidecars.</summary>
    static partial void RunMore(MeshIndex index, DiagnosticSink sink, bool securityAdvice);
}
