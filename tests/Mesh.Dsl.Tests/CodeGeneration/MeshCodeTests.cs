using Mesh.Dsl.Builders;
using Mesh.Dsl.CodeGeneration;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Tests.CodeGeneration;

/// <summary>What <see cref="MeshCode.Write"/> says and how: comments, typed references, the model where builders cannot say a value.</summary>
public class MeshCodeTests
{
    private const string Commented = """
        # The cnn hosts, reached over plain HTTP and HTTPS.
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: cnn
        spec:
          # only these two
          hosts:
          - "*.cnn.com"
          ports:
          - number: 80 # plain
            name: http
            protocol: HTTP
          resolution: NONE
        # trailing note
        """;

    [Fact]
    public void Comments_of_the_YAML_become_comments_above_the_code_for_their_field_or_resource()
    {
        var code = MeshCode.Write(MeshYaml.Read(Commented, "cnn.yaml"), new MeshCodeOptions { SourceText = Commented });

        var lines = code.Split('\n').Select(l => l.Trim()).ToList();
        var statement = lines.FindIndex(l => l.StartsWith("mesh.AddServiceEntry(\"cnn\"", StringComparison.Ordinal));
        var hosts = lines.FindIndex(l => l.StartsWith(".Hosts(", StringComparison.Ordinal));
        var ports = lines.FindIndex(l => l.StartsWith(".Port(80", StringComparison.Ordinal));
        Assert.Equal("// The cnn hosts, reached over plain HTTP and HTTPS.", lines[statement - 2]);
        Assert.Equal("// trailing note", lines[statement - 1]);
        Assert.Equal("// only these two", lines[hosts - 1]);
        Assert.Equal("// plain", lines[ports - 1]);
    }

    [Fact]
    public void A_free_form_value_is_written_as_typed_json_nodes_keeping_integers_apart_from_doubles()
    {
        const string Plugin = """
            apiVersion: extensions.istio.io/v1alpha1
            kind: WasmPlugin
            metadata:
              name: limits
            spec:
              url: oci://example.com/limits:1
              pluginConfig:
                name: limits
                port: 8080
                ratio: 0.5
                whole: 2.0
                on: true
                none: null
                octal: 010
                list: [a, 1]
            """;

        var code = MeshCode.Write(MeshYaml.Read(Plugin, "plugin.yaml"));

        Assert.Contains("using System.Text.Json.Nodes;", code, StringComparison.Ordinal);
        Assert.Contains("new JsonObject", code, StringComparison.Ordinal);
        Assert.Contains("[\"name\"] = \"limits\"", code, StringComparison.Ordinal);
        Assert.Contains("[\"port\"] = 8080L", code, StringComparison.Ordinal);
        Assert.Contains("[\"ratio\"] = 0.5", code, StringComparison.Ordinal);
        Assert.Contains("[\"whole\"] = 2.0", code, StringComparison.Ordinal);
        Assert.Contains("[\"on\"] = true", code, StringComparison.Ordinal);
        Assert.Contains("[\"none\"] = null", code, StringComparison.Ordinal);
        Assert.Contains("[\"octal\"] = \"010\"", code, StringComparison.Ordinal);
        Assert.Contains("[\"list\"] = new JsonArray { \"a\", 1L }", code, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_to_a_resource_added_before_is_written_as_its_variable()
    {
        var mesh = new IstioMesh();
        var gateway = mesh.AddGateway("public", g => g.Selector("istio", "ingressgateway").HttpServer(80, "http", "shop.example.com"));
        var rule = mesh.AddDestinationRule("shop", dr => dr.Host("shop").Subset("v1", "version", "v1"));
        mesh.AddVirtualService("shop", vs => vs.Hosts("shop.example.com").Gateway(gateway).Http(h => h.Route(rule, "v1")));

        var code = MeshCode.Write(mesh.Resources);

        Assert.Contains("var publicGateway = mesh.AddGateway(\"public\"", code, StringComparison.Ordinal);
        Assert.Contains("var shopDestinationRule = mesh.AddDestinationRule(\"shop\"", code, StringComparison.Ordinal);
        Assert.Contains(".Gateway(publicGateway)", code, StringComparison.Ordinal);
        Assert.Contains(".Route(shopDestinationRule, \"v1\")", code, StringComparison.Ordinal);
        Assert.DoesNotContain("var shopVirtualService", code, StringComparison.Ordinal);
    }

    [Fact]
    public void A_resource_only_the_model_can_hold_is_added_as_a_typed_object()
    {
        var entry = new ServiceEntry { Metadata = new() { GenerateName = "generated-" } };
        entry.Spec.Hosts.Add("Not A Host!");

        var code = MeshCode.Write([entry]);

        Assert.Contains("mesh.Add(new ServiceEntry", code, StringComparison.Ordinal);
        Assert.Contains("GenerateName = \"generated-\"", code, StringComparison.Ordinal);
        Assert.Contains("Hosts = [\"Not A Host!\"]", code, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_resources_of_one_kind_namespace_and_name_are_refused_with_their_name()
    {
        var first = MeshYaml.Read(Commented, "a.yaml")[0];
        var second = MeshYaml.Read(Commented, "b.yaml")[0];

        var error = Assert.Throws<ArgumentException>(() => MeshCode.Write([first, second]));

        Assert.Contains("ServiceEntry cnn", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_project_references_the_package_of_this_version_or_the_project_given()
    {
        var inputs = new[] { new MeshCodeInput("egress/cnn.yaml", MeshYaml.Read(Commented, "cnn.yaml")) };

        var package = MeshCode.WriteProject(inputs, new MeshCodeProjectOptions { ProjectName = "shop-config" }).ToDictionary(f => f.Key, f => f.Value);
        var project = MeshCode.WriteProject(inputs, new MeshCodeProjectOptions { ProjectReference = "../src/Mesh.Dsl/Mesh.Dsl.csproj" }).ToDictionary(f => f.Key, f => f.Value);

        Assert.Equal(["ShopConfig.csproj", "EgressCnn.cs", "Program.cs"], package.Keys);
        Assert.Contains($"<PackageReference Include=\"Mesh.Dsl\" Version=\"{MeshCode.LibraryVersion}\" />", package["ShopConfig.csproj"], StringComparison.Ordinal);
        Assert.Contains("<ProjectReference Include=\"../src/Mesh.Dsl/Mesh.Dsl.csproj\" />", project["MeshConfiguration.csproj"], StringComparison.Ordinal);
        Assert.Contains("Write(EgressCnn.AddTo, \"egress/cnn.yaml\");", package["Program.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void Files_that_repeat_a_resource_of_another_file_start_a_new_mesh()
    {
        var inputs = new[]
        {
            new MeshCodeInput("dev/cnn.yaml", MeshYaml.Read(Commented, "dev/cnn.yaml")),
            new MeshCodeInput("prod/cnn.yaml", MeshYaml.Read(Commented, "prod/cnn.yaml")),
        };

        var program = MeshCode.WriteProject(inputs, new MeshCodeProjectOptions()).Single(f => f.Key == "Program.cs").Value;

        var lines = program.Split('\n');
        var prod = Array.FindIndex(lines, l => l.Contains("\"prod/cnn.yaml\"", StringComparison.Ordinal));
        Assert.Equal("mesh = new IstioMesh();", lines[prod - 1]);
    }
}
