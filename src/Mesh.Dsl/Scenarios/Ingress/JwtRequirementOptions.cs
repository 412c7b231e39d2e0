using Mesh.Dsl.Model;

namespace Mesh.Dsl.Scenarios;

/// <summary>
/// Options of <see cref="IngressScenarios.RequireJwt(string, string, Action{JwtRequirementOptions})"/>; each
/// starts at the default it documents. <see cref="RecipeOptions.Namespace"/> is <c>istio-system</c> by
/// default, the ingress gateway's namespace, since a policy selects only pods of its own namespace.
/// </summary>
public sealed class JwtRequirementOptions : RecipeOptions
{
    internal JwtRequirementOptions(string issuer)
    {
        Namespace = "istio-system";
        RequestPrincipals = [issuer + "/*"];
    }

    /// <summary>The RequestAuthentication's name; <c>ingress-jwt</c> by default.</summary>
    public string RequestAuthenticationName { get; set; } = "ingress-jwt";

    /// <summary>The AuthorizationPolicy's name; <c>ingress-require-jwt</c> by default.</summary>
    public string AuthorizationPolicyName { get; set; } = "ingress-require-jwt";

    /// <summary>The labels of the pods that check the token; <c>istio: ingressgateway</c> (the ingress gateway) by default.</summary>
    public OrderedDictionary<string, string> WorkloadSelector { get; set; } = new() { ["istio"] = "ingressgateway" };

    /// <summary>The audiences a token must name one of (<c>aud</c>); empty (the default) accepts any.</summary>
    public List<string> Audiences { get; set; } = new();

    /// <summary>
    /// The request principals (<c>issuer/subject</c>) a request must carry; any other request is denied.
    /// By default <c>issuer/*</c>: a valid token from this issuer. Istio's docs write <c>*</c>, which
    /// also accepts tokens of any other issuer the workload trusts.
    /// </summary>
    public List<string> RequestPrincipals { get; set; }

    /// <summary>Pass the token on to the backend (<c>forwardOriginalToken</c>); false by default, as Istio does.</summary>
    public bool ForwardOriginalToken { get; set; }

    /// <summary>The API version of the RequestAuthentication and AuthorizationPolicy; <see cref="ApiVersions.SecurityV1"/> by default.</summary>
    public string SecurityApiVersion { get; set; } = ApiVersions.SecurityV1;
}
