using k8s;
using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Extensions;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Model.Security;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Tests.Model;

/// <summary>
/// One realistic document of each kind beyond the first six (Fixtures/Kinds, written in the shape of Istio's docs
/// and in canonical order): it reads into the typed model, writes back byte for byte, goes through KubernetesJson
/// unchanged, and a mesh holding it validates without failing (its kind's rules may not exist yet).
/// </summary>
public class NewKindsRoundTripTests
{
    public static TheoryData<string> Kinds() => new(
        "AuthorizationPolicy", "RequestAuthentication", "WorkloadEntry", "WorkloadGroup", "Telemetry", "EnvoyFilter", "ProxyConfig", "WasmPlugin", "TrafficExtension");

    /// <summary>The realistic document of a kind, from Fixtures/Kinds.</summary>
    internal static string Fixture(string kind) => File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "tests", "Mesh.Dsl.Tests", "Fixtures", "Kinds", kind + ".yaml"));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_realistic_document_reads_and_writes_back_byte_for_byte(string kind)
    {
        var yaml = Fixture(kind);

        var resource = MeshYaml.Read(yaml, kind + ".yaml").Single();

        Assert.Equal(kind, resource.Kind);
        Assert.Equal(yaml, MeshYaml.Serialize([resource]));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_realistic_document_survives_KubernetesJson_and_validation(string kind)
    {
        var resource = MeshYaml.Read(Fixture(kind), kind + ".yaml").Single();
        var json = KubernetesJson.Serialize(resource);
        var back = MeshYaml.Read(json, kind + ".json").Single();
        var mesh = new IstioMesh();
        mesh.Add(resource);

        Assert.True(ResourceComparer.Instance.Equals(resource, back), json);
        Assert.DoesNotContain(mesh.Validate(), d => d.Severity == Mesh.Dsl.Validation.DiagnosticSeverity.Error);
    }

    [Fact]
    public void Free_form_values_keep_nested_mappings_lists_and_scalar_types()
    {
        var plugin = (WasmPlugin)MeshYaml.Read(Fixture("WasmPlugin"), "WasmPlugin.yaml").Single();
        var filter = (EnvoyFilter)MeshYaml.Read(Fixture("EnvoyFilter"), "EnvoyFilter.yaml").Single();

        var config = plugin.Spec.PluginConfig!;
        Assert.Equal("/admin", (string?)config["basic_auth_rules"]![0]!["prefix"]);
        Assert.Equal(["GET", "POST"], config["basic_auth_rules"]![0]!["request_methods"]!.AsArray().Select(m => (string?)m));
        Assert.Equal(300, (long)config["max_age"]!);
        var value = filter.Spec.ConfigPatches[0].Patch!.Value!;
        Assert.StartsWith("function envoy_on_response", (string?)value["typed_config"]!["default_source_code"]!["inline_string"], StringComparison.Ordinal);
        Assert.Equal(PatchOperation.InsertBefore, filter.Spec.ConfigPatches[0].Patch!.Operation);
    }

    [Fact]
    public void The_new_kinds_are_built_in_their_default_versions()
    {
        Assert.Equal(ApiVersions.SecurityV1, new AuthorizationPolicy().ApiVersion);
        Assert.Equal(ApiVersions.SecurityV1, new RequestAuthentication().ApiVersion);
        Assert.Equal(ApiVersions.NetworkingV1, new WorkloadEntry().ApiVersion);
        Assert.Equal(ApiVersions.NetworkingV1, new WorkloadGroup().ApiVersion);
        Assert.Equal(ApiVersions.NetworkingV1Alpha3, new EnvoyFilter().ApiVersion);
        Assert.Equal(ApiVersions.NetworkingV1Beta1, new ProxyConfig().ApiVersion);
        Assert.Equal(ApiVersions.TelemetryV1, new Mesh.Dsl.Model.Telemetry.Telemetry().ApiVersion);
        Assert.Equal(ApiVersions.ExtensionsV1Alpha1, new WasmPlugin().ApiVersion);
        Assert.Equal(ApiVersions.ExtensionsV1Alpha1, new TrafficExtension().ApiVersion);
    }
}
