using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Security;
using Mesh.Dsl.Scenarios;

namespace Mesh.Dsl.Tests.Scenarios;

public class JwtRequirementRecipeTests
{
    private const string Issuer = "testing@secure.istio.io";
    private const string Jwks = "https://raw.githubusercontent.com/istio/istio/release-1.28/security/tools/jwt/samples/jwks.json";

    [Fact]
    public void Validates_tokens_and_denies_requests_without_a_principal_of_the_issuer_at_the_ingress_gateway()
    {
        var mesh = new IstioMesh();
        var result = mesh.Ingress().RequireJwt(Issuer, Jwks);

        Assert.Equal([result.RequestAuthentication, result.AuthorizationPolicy], mesh.Resources);
        var authentication = result.RequestAuthentication;
        Assert.Equal(("ingress-jwt", "istio-system", ApiVersions.SecurityV1), (authentication.Metadata.Name, authentication.Metadata.NamespaceProperty, authentication.ApiVersion));
        Assert.Equal(new Dictionary<string, string> { ["istio"] = "ingressgateway" }, authentication.Spec.Selector!.MatchLabels);
        var rule = Assert.Single(authentication.Spec.JwtRules);
        Assert.Equal((Issuer, Jwks), (rule.Issuer, rule.JwksUri));
        Assert.Empty(rule.Audiences);
        Assert.Null(rule.ForwardOriginalToken);

        var policy = result.AuthorizationPolicy;
        Assert.Equal(("ingress-require-jwt", "istio-system", ApiVersions.SecurityV1), (policy.Metadata.Name, policy.Metadata.NamespaceProperty, policy.ApiVersion));
        Assert.Equal(authentication.Spec.Selector.MatchLabels, policy.Spec.Selector!.MatchLabels);
        Assert.Equal(AuthorizationPolicyAction.Deny, policy.Spec.Action);
        var source = Assert.Single(Assert.Single(policy.Spec.Rules).From).Source!;
        Assert.Equal([Issuer + "/*"], source.NotRequestPrincipals);
        Assert.Empty(source.RequestPrincipals);
    }

    [Fact]
    public void Options_change_workload_audiences_principals_names_and_namespace()
    {
        var result = new IstioMesh().Ingress().RequireJwt(Issuer, Jwks, o =>
        {
            o.Namespace = "shop";
            o.WorkloadSelector = new() { ["app"] = "frontend" };
            o.Audiences = ["shop-api"];
            o.RequestPrincipals = [Issuer + "/alice"];
            o.ForwardOriginalToken = true;
            o.RequestAuthenticationName = "frontend-jwt";
            o.AuthorizationPolicyName = "frontend-require-jwt";
            o.SecurityApiVersion = ApiVersions.SecurityV1Beta1;
        });

        var rule = Assert.Single(result.RequestAuthentication.Spec.JwtRules);
        Assert.Equal(["shop-api"], rule.Audiences);
        Assert.True(rule.ForwardOriginalToken);
        Assert.Equal(("frontend-jwt", "shop", ApiVersions.SecurityV1Beta1), (result.RequestAuthentication.Metadata.Name, result.RequestAuthentication.Metadata.NamespaceProperty, result.RequestAuthentication.ApiVersion));
        Assert.Equal(("frontend-require-jwt", "shop"), (result.AuthorizationPolicy.Metadata.Name, result.AuthorizationPolicy.Metadata.NamespaceProperty));
        Assert.Equal(new Dictionary<string, string> { ["app"] = "frontend" }, result.AuthorizationPolicy.Spec.Selector!.MatchLabels);
        Assert.Equal([Issuer + "/alice"], Assert.Single(Assert.Single(result.AuthorizationPolicy.Spec.Rules).From).Source!.NotRequestPrincipals);
    }

    [Theory]
    [InlineData("http://example.com/jwks.json")]
    [InlineData("jwks.json")]
    public void A_key_set_url_that_is_not_absolute_https_is_refused(string jwksUri)
    {
        var mesh = new IstioMesh();

        var error = Assert.Throws<ArgumentException>(() => mesh.Ingress().RequireJwt(Issuer, jwksUri));

        Assert.Contains("https", error.Message, StringComparison.Ordinal);
        Assert.Empty(mesh.Resources);
    }

    [Fact]
    public void Options_that_would_require_nothing_or_select_everything_are_refused()
    {
        var mesh = new IstioMesh();

        Assert.Throws<ArgumentException>(() => mesh.Ingress().RequireJwt(Issuer, Jwks, o => o.RequestPrincipals = []));
        Assert.Throws<ArgumentException>(() => mesh.Ingress().RequireJwt(Issuer, Jwks, o => o.WorkloadSelector = new()));
        Assert.Empty(mesh.Resources);
    }
}
