using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Model.Security;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>
/// IST0149, as istioctl's JWTClaimRouteAnalyzer: a VirtualService bound to a Gateway routes on a JWT claim
/// (<c>@request.auth.claims.*</c> headers), but a gateway pod has no RequestAuthentication (of istio-system or of its
/// own namespace, whose selector matches it), so no claims are ever extracted and the route never matches.
/// </summary>
internal sealed class JwtClaimRoutes() : MeshRule(
    new(
        "virtualservice.jwt-claim-routes",
        "A gateway route matching @request.auth.claims headers needs a RequestAuthentication on the gateway's pods (IST0149; needs Pods or workloads, Istio's default ingress gateway included).",
        ["VirtualService", "Gateway", "RequestAuthentication"],
        [DiagnosticCodes.JwtClaimBasedRoutingWithoutRequestAuthN]),
    needsKubernetesObjects: true)
{
    private const string ClaimHeaderPrefix = "@request.auth.claims";

    private static readonly FieldPath VirtualServiceSpecGateways = FieldPath.Spec(() => VirtualServiceSpec.Schema).Field("gateways");

    public override void Check(MeshContext mesh)
    {
        List<RequestAuthentication>? authentications = null;
        foreach (var (service, position) in mesh.Index.VirtualServices)
        {
            if (service.Spec.GatewaysOrEmpty.Count == 0 || ClaimKey(service.Spec) is not { } claim)
            {
                continue;
            }

            authentications ??= mesh.Resources.OfType<RequestAuthentication>().ToList();
            var context = mesh.Sink.Context(service, position);
            for (var g = 0; g < service.Spec.GatewaysOrEmpty.Count; g++)
            {
                var reference = service.Spec.GatewaysOrEmpty[g];
                if (reference == "mesh" || !mesh.Index.GatewaysByName.TryGetValue(MeshIndex.GatewayKey(reference, context.Namespace), out var gateway)
                    || gateway.Spec.Selector.Count == 0)
                {
                    continue;
                }

                var unauthenticated = mesh.Kubernetes!.SelectPods(gateway.Spec.Selector, null).FirstOrDefault(pod =>
                    !authentications.Any(ra => CommonRules.ResourceNamespace(ra) is var ns
                        && (ns == "istio-system" || ns == KubernetesIndex.NamespaceOf(pod.Metadata))
                        && KubernetesIndex.Selects(ra.Spec.Selector?.MatchLabelsOrEmpty ?? new Dictionary<string, string>(), pod.Metadata?.Labels)));
                if (unauthenticated is not null)
                {
                    context.Error(
                        DiagnosticCodes.JwtClaimBasedRoutingWithoutRequestAuthN,
                        $"{VirtualServiceSpecGateways}[{g}]",
                        $"the routes match on '{claim}', but gateway pod {KubernetesIndex.NamespaceOf(unauthenticated.Metadata)}/{unauthenticated.Metadata?.Name} of '{reference}' has no RequestAuthentication, so no JWT claims are extracted and the route never matches; add a RequestAuthentication selecting the gateway's pods.");
                }
            }
        }
    }

    /// <summary>The first header (or withoutHeaders) key of an HTTP match on a JWT claim, or null.</summary>
    private static string? ClaimKey(VirtualServiceSpec spec)
    {
        foreach (var route in spec.HttpOrEmpty)
        {
            foreach (var match in route.MatchOrEmpty)
            {
                foreach (var key in match.HeadersOrEmpty.Keys.Concat(match.WithoutHeadersOrEmpty.Keys))
                {
                    if (key.StartsWith(ClaimHeaderPrefix, StringComparison.Ordinal))
                    {
                        return key;
                    }
                }
            }
        }

        return null;
    }
}
