using Mesh.Dsl.Builders;
using Mesh.Dsl.CodeGeneration;
using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Scenarios;

namespace Mesh.Dsl.Tests.CodeGeneration;

/// <summary>
/// A recipe call stands for the resources it makes, and only when it makes exactly them: each case
/// runs a recipe, imports what it made, and expects the call back in place of the resources.
/// </summary>
public class RecipeRecognitionTests
{
    public static TheoryData<string, string> Recipes() => new()
    {
        { "OriginateTls", "mesh.Egress().OriginateTls(\"edition.cnn.com\");" },
        { "OriginateTls/PortRewrite", "mesh.Egress().OriginateTls(\"edition.cnn.com\", TlsOriginationStyle.PortRewrite);" },
        { "OriginateTls/DedicatedSubset", "mesh.Egress().OriginateTls(\"edition.cnn.com\", TlsOriginationStyle.DedicatedSubset);" },
        { "RouteThroughGateway/Http", "mesh.Egress().RouteThroughGateway(\"www.aliyun.com\", EgressGatewayTraffic.Http);" },
        { "RouteThroughGateway/HttpWithTlsOrigination", "mesh.Egress().RouteThroughGateway(\"www.aliyun.com\", EgressGatewayTraffic.HttpWithTlsOrigination);" },
        { "RouteThroughGateway/TlsPassthrough", "mesh.Egress().RouteThroughGateway(\"www.aliyun.com\", EgressGatewayTraffic.TlsPassthrough);" },
        { "ExternalService", "mesh.Egress().ExternalService(\"api.example.com\");" },
        { "LockDown", "mesh.Egress().LockDown(\"shop\");" },
        { "TerminateTlsAtSidecar", "mesh.Ingress().TerminateTlsAtSidecar(\"httpbin\");" },
        { "OriginateTls/options", "mesh.Egress().OriginateTls(\"edition.cnn.com\", o =>\n        {\n            o.Namespace = \"egress\";\n            o.ApiVersion = ApiVersions.NetworkingV1Alpha3;\n        });" },
    };

    [Theory]
    [MemberData(nameof(Recipes))]
    public void Resources_a_recipe_makes_are_written_as_the_recipe_call(string recipe, string call)
    {
        var mesh = new IstioMesh();
        Run(recipe, mesh);

        var code = MeshCode.Write(mesh.Resources);

        Assert.Contains("        " + call + "\n", code, StringComparison.Ordinal);
        Assert.DoesNotContain("mesh.Add", code, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Recipes))]
    public void A_resource_that_differs_from_the_recipe_s_by_one_field_is_written_with_builders(string recipe, string call)
    {
        var mesh = new IstioMesh();
        Run(recipe, mesh);
        var changed = mesh.Resources[^1];
        changed.Metadata.Labels = new OrderedDictionary<string, string> { ["changed"] = "by-hand" };

        var code = MeshCode.Write(mesh.Resources);

        Assert.DoesNotContain(call, code, StringComparison.Ordinal);
        Assert.Contains(".Label(\"changed\", \"by-hand\")", code, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_recipes_in_a_row_and_a_resource_between_them_are_each_recognised()
    {
        var mesh = new IstioMesh();
        mesh.Egress().OriginateTls("edition.cnn.com");
        mesh.AddServiceEntry("by-hand", se => se.Hosts("by-hand.example.com").Port(80, "http", Protocols.Http));
        mesh.Egress().ExternalService("api.example.com");

        var code = MeshCode.Write(mesh.Resources);

        var statements = code.Split('\n').Where(l => l.StartsWith("        mesh.", StringComparison.Ordinal)).Select(l => l.Trim()).ToList();
        Assert.Equal(
            ["mesh.Egress().OriginateTls(\"edition.cnn.com\");", "mesh.AddServiceEntry(\"by-hand\", se => se.Hosts(\"by-hand.example.com\").Port(80, \"http\", Protocols.Http));", "mesh.Egress().ExternalService(\"api.example.com\");"],
            statements);
    }

    private static void Run(string recipe, IstioMesh mesh)
    {
        _ = recipe switch
        {
            "OriginateTls" => (object)mesh.Egress().OriginateTls("edition.cnn.com"),
            "OriginateTls/PortRewrite" => mesh.Egress().OriginateTls("edition.cnn.com", TlsOriginationStyle.PortRewrite),
            "OriginateTls/DedicatedSubset" => mesh.Egress().OriginateTls("edition.cnn.com", TlsOriginationStyle.DedicatedSubset),
            "RouteThroughGateway/Http" => mesh.Egress().RouteThroughGateway("www.aliyun.com", EgressGatewayTraffic.Http),
            "RouteThroughGateway/HttpWithTlsOrigination" => mesh.Egress().RouteThroughGateway("www.aliyun.com", EgressGatewayTraffic.HttpWithTlsOrigination),
            "RouteThroughGateway/TlsPassthrough" => mesh.Egress().RouteThroughGateway("www.aliyun.com", EgressGatewayTraffic.TlsPassthrough),
            "ExternalService" => mesh.Egress().ExternalService("api.example.com"),
            "LockDown" => mesh.Egress().LockDown("shop"),
            "TerminateTlsAtSidecar" => mesh.Ingress().TerminateTlsAtSidecar("httpbin"),
            "OriginateTls/options" => mesh.Egress().OriginateTls("edition.cnn.com", o =>
            {
                o.Namespace = "egress";
                o.ApiVersion = ApiVersions.NetworkingV1Alpha3;
            }),
            _ => throw new ArgumentException(recipe),
        };
    }
}
