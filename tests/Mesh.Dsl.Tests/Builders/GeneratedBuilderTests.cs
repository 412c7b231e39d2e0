using System.Text.Json.Nodes;
using Mesh.Dsl.Builders;
using Mesh.Dsl.Model.Extensions;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Model.Security;
using Mesh.Dsl.Serialization;
using Mesh.Dsl.Tests.Model;

namespace Mesh.Dsl.Tests.Builders;

/// <summary>
/// The generated plain setters reach every field: the realistic documents of the new kinds (Fixtures/Kinds) are
/// built fluently, field by field, and written byte for byte as the documents; the hand-written builders of the
/// first six kinds keep their methods and gain setters for the fields they did not reach.
/// </summary>
public class GeneratedBuilderTests
{
    [Fact]
    public void An_AuthorizationPolicy_is_built_field_by_field()
    {
        var mesh = new IstioMesh();
        mesh.AddAuthorizationPolicy("egress-gateway-callers", p => p
            .Namespace("istio-system")
            .Selector(s => s.MatchLabels("istio", "egressgateway"))
            .Rules(r => r
                .From(f => f.Source(s => s.Principals("cluster.local/ns/shop/sa/checkout").Namespaces("shop")))
                .To(t => t.Operation(o => o.Hosts("api.payments.example.com").Ports("443").Methods("GET", "POST").Paths("/v2/*")))
                .When(c => c.Key("request.headers[x-tenant]").Values("acme")))
            .Action(AuthorizationPolicyAction.Allow));

        Assert.Equal(NewKindsRoundTripTests.Fixture("AuthorizationPolicy"), mesh.ToYaml());
    }

    [Fact]
    public void A_WasmPlugin_is_built_with_a_free_form_configuration()
    {
        var mesh = new IstioMesh();
        mesh.AddWasmPlugin("basic-auth", p => p
            .Namespace("istio-system")
            .Selector(s => s.MatchLabels("istio", "ingressgateway"))
            .Url("oci://ghcr.io/example/basic-auth:1.2.0")
            .ImagePullPolicy(PullPolicy.IfNotPresent)
            .PluginConfig(JsonNode.Parse("""
                {"basic_auth_rules": [{"prefix": "/admin", "request_methods": ["GET", "POST"], "credentials": ["YWRtaW46c2VjcmV0"]}],
                 "realm": "shop", "max_age": 300}
                """)!.AsObject())
            .Phase(PluginPhase.Authn)
            .Priority(100)
            .FailStrategy(FailStrategy.FailClose));

        Assert.Equal(NewKindsRoundTripTests.Fixture("WasmPlugin"), mesh.ToYaml());
    }

    [Fact]
    public void The_WorkloadEntry_kind_has_its_own_builder_beside_the_ServiceEntry_endpoint_builder()
    {
        var mesh = new IstioMesh();
        mesh.AddWorkloadEntry("billing-vm-1", e => e
            .Namespace("billing")
            .Address("10.20.0.15")
            .Ports("http", 8080)
            .Labels("app", "billing")
            .Labels("version", "v1")
            .Network("vm-network")
            .Locality("eu-west1/eu-west1-b")
            .Weight(10)
            .ServiceAccount("billing"));
        var endpoint = new WorkloadEntrySpec();
        new WorkloadEntryBuilder(endpoint).Address("10.20.0.15");

        Assert.Equal(NewKindsRoundTripTests.Fixture("WorkloadEntry"), mesh.ToYaml());
        Assert.Equal("10.20.0.15", endpoint.Address);
    }

    [Fact]
    public void Hand_written_builders_gain_setters_for_the_fields_they_did_not_reach()
    {
        var entry = new ServiceEntryBuilder("db")
            .Hosts("db.example.com")
            .Ports(p => p.Number(5432).Name("tcp-postgres").Protocol(Protocols.Tcp))
            .Build();

        Assert.Equal(5432u, entry.Spec.Ports.Single().Number);
        Assert.Contains("ports:\n  - number: 5432\n    name: tcp-postgres\n    protocol: TCP\n", MeshYaml.Serialize([entry]), StringComparison.Ordinal);
    }
}
