using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Security;
using Mesh.Dsl.Scenarios;

namespace Mesh.Dsl.Tests.Scenarios;

public class EgressGatewayAuthorizationTests
{
    [Fact]
    public void Without_allowed_sources_no_policy_is_added()
    {
        var mesh = new IstioMesh();
        var result = mesh.Egress().RouteThroughGateway("www.aliyun.com");

        Assert.Null(result.AuthorizationPolicy);
        Assert.DoesNotContain(mesh.Resources, r => r is AuthorizationPolicy);
    }

    [Fact]
    public void Allowed_namespaces_and_principals_are_alternative_sources_for_the_host_on_the_gateway_pods()
    {
        var mesh = new IstioMesh();
        var result = mesh.Egress().RouteThroughGateway("www.aliyun.com", o =>
        {
            o.AllowedNamespaces = ["shop"];
            o.AllowedPrincipals = ["cluster.local/ns/default/sa/curl"];
        });

        var policy = result.AuthorizationPolicy!;
        Assert.Same(policy, Assert.Single(mesh.Resources.OfType<AuthorizationPolicy>()));
        Assert.Equal(("allow-aliyun-through-egress-gateway", "istio-system", ApiVersions.SecurityV1), (policy.Metadata.Name, policy.Metadata.NamespaceProperty, policy.ApiVersion));
        Assert.Equal(new Dictionary<string, string> { ["istio"] = "egressgateway" }, policy.Spec.Selector!.MatchLabels);
        Assert.Equal(AuthorizationPolicyAction.Allow, policy.Spec.Action);
        var rule = Assert.Single(policy.Spec.Rules);
        Assert.Equal(2, rule.From.Count);
        Assert.Equal(["shop"], rule.From[0].Source!.Namespaces);
        Assert.Empty(rule.From[0].Source!.Principals);
        Assert.Equal(["cluster.local/ns/default/sa/curl"], rule.From[1].Source!.Principals);
        Assert.Empty(rule.From[1].Source!.Namespaces);
        Assert.Equal(["www.aliyun.com"], Assert.Single(rule.To).Operation!.Hosts);
        Assert.Empty(rule.When);
    }

    [Fact]
    public void Passthrough_matches_the_host_by_sni_on_the_tls_port()
    {
        var result = new IstioMesh().Egress().RouteThroughGateway("edition.cnn.com", EgressGatewayTraffic.TlsPassthrough, o => o.AllowedNamespaces = ["shop"]);

        var rule = Assert.Single(result.AuthorizationPolicy!.Spec.Rules);
        var operation = Assert.Single(rule.To).Operation!;
        Assert.Empty(operation.Hosts);
        Assert.Equal(["443"], operation.Ports);
        var condition = Assert.Single(rule.When);
        Assert.Equal("connection.sni", condition.Key);
        Assert.Equal(["edition.cnn.com"], condition.Values);
    }

    [Fact]
    public void The_policy_follows_the_gateway_selector_and_namespace()
    {
        var result = new IstioMesh().Egress().RouteThroughGateway("www.aliyun.com", o =>
        {
            o.Namespace = "shop";
            o.GatewaySelector = new() { ["app"] = "egress" };
            o.GatewayService = "egress.gateways.svc.cluster.local";
            o.AllowedNamespaces = ["shop"];
        });

        Assert.Equal("gateways", result.AuthorizationPolicy!.Metadata.NamespaceProperty);
        Assert.Equal("shop", result.Gateway.Metadata.NamespaceProperty);
        Assert.Equal(new Dictionary<string, string> { ["app"] = "egress" }, result.AuthorizationPolicy.Spec.Selector!.MatchLabels);

        var explicitNamespace = new IstioMesh().Egress().RouteThroughGateway("www.aliyun.com", o =>
        {
            o.GatewayNamespace = "egress-system";
            o.AllowedPrincipals = ["cluster.local/ns/shop/sa/cart"];
        });
        Assert.Equal("egress-system", explicitNamespace.AuthorizationPolicy!.Metadata.NamespaceProperty);
    }

    [Fact]
    public void A_bad_namespace_fails_the_whole_recipe()
    {
        var mesh = new IstioMesh();

        Assert.Throws<ArgumentException>(() => mesh.Egress().RouteThroughGateway("www.aliyun.com", o => o.AllowedNamespaces = ["Not A Namespace"]));
        Assert.Empty(mesh.Resources);
    }
}
