using Mesh.Dsl.Scenarios;

namespace Mesh.Dsl.Tests.Scenarios;

public class RecipeBatchTests
{
    [Fact]
    public void A_recipe_whose_name_is_taken_adds_none_of_its_resources()
    {
        var mesh = new IstioMesh();
        mesh.Egress().OriginateTls("edition.cnn.com");

        var error = Assert.Throws<ArgumentException>(() => mesh.Egress().OriginateTls("edition.cnn.com", TlsOriginationStyle.PortRewrite, o => o.DestinationRuleName = "edition-cnn-com"));

        Assert.Contains("ServiceEntry named \"edition-cnn-com\"", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, mesh.Resources.Count);
    }

    [Fact]
    public void Two_resources_of_one_recipe_with_the_same_kind_and_name_are_rejected()
    {
        var mesh = new IstioMesh();

        Assert.Throws<ArgumentException>(() => mesh.Egress().RouteThroughGateway("www.aliyun.com", EgressGatewayTraffic.HttpWithTlsOrigination, o => o.TlsDestinationRuleName = o.GatewayDestinationRuleName));
        Assert.Empty(mesh.Resources);
    }

    [Fact]
    public void The_same_recipe_in_two_namespaces_does_not_clash()
    {
        var mesh = new IstioMesh();
        mesh.Egress().OriginateTls("edition.cnn.com", o => o.Namespace = "a");
        mesh.Egress().OriginateTls("edition.cnn.com", o => o.Namespace = "b");

        Assert.Equal(4, mesh.Resources.Count);
    }

    [Fact]
    public void The_mesh_default_namespace_counts_when_checking_names()
    {
        var mesh = new IstioMesh("apps");
        mesh.Egress().ExternalService("edition.cnn.com", o => o.Namespace = "apps");

        Assert.Throws<ArgumentException>(() => mesh.Egress().ExternalService("edition.cnn.com"));
        Assert.Single(mesh.Resources);
    }
}
