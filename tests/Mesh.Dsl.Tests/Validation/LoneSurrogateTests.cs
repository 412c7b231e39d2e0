using System.Text.Json.Nodes;
using k8s.Models;
using Mesh.Dsl.Builders;
using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Extensions;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Model.Telemetry;
using Mesh.Dsl.Serialization;
using Mesh.Dsl.Validation;

namespace Mesh.Dsl.Tests.Validation;

/// <summary>
/// A string with a lone UTF-16 surrogate, which no YAML or JSON file can hold, is a validation error at its field in
/// every field of every kind, and the builders refuse it where they take it, so a program learns it before writing.
/// </summary>
/// <remarks>Facts, not theories: xunit serializes a theory's data as UTF-8, where a lone surrogate cannot survive.</remarks>
public class LoneSurrogateTests
{
    private const char High = '\uD83D'; // the first half of 😀
    private const char Low = '\uDE00';  // the second half

    private static readonly string Cut = "smile" + High;

    private const string CutMessage = "\"smile\\ud83d\" holds a lone UTF-16 surrogate (U+D83D at index 5), half of a character, which YAML, JSON and UTF-8 cannot hold; give whole characters.";

    private static T Read<T>(string file)
        where T : IstioResource
        => (T)MeshYaml.Read(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "tests", "Mesh.Dsl.Tests", "Fixtures", "Kinds", file)), file).Single();

    private static IEnumerable<(string Path, string Message)> LoneSurrogateDiagnostics(IstioResource resource)
    {
        var diagnostics = new MeshValidator().Validate([resource]);
        Assert.All(diagnostics.Where(d => d.Code == DiagnosticCodes.LoneSurrogate), d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        return diagnostics.Where(d => d.Code == DiagnosticCodes.LoneSurrogate).Select(d => (d.Path, d.Message));
    }

    [Fact]
    public void Metadata_and_spec_strings_and_map_keys_are_errors_at_their_paths()
    {
        var service = new VirtualService { Metadata = new V1ObjectMeta { Name = "reviews", NamespaceProperty = "shop" } };
        service.Metadata.Labels = new Dictionary<string, string> { ["app"] = Cut, ["team" + Low] = "a" };
        service.Metadata.Annotations = new Dictionary<string, string> { ["note"] = "ok 😀" };
        service.Metadata.Finalizers = ["x" + Low + "y"];
        service.Spec.Hosts.AddRange(["reviews", Cut]);
        var match = new HttpMatchRequest();
        match.Headers["x-user" + High] = StringMatch.Exactly("jason");
        service.Spec.Http.Add(new HttpRoute { Match = [match], Route = [new HttpRouteDestination { Destination = new Destination { Host = "reviews", Subset = Cut } }] });

        Assert.Equal(
            [
                ("metadata.labels[app]", CutMessage),
                ("metadata.labels[\"team\\ude00\"]", "the key \"team\\ude00\" holds a lone UTF-16 surrogate (U+DE00 at index 4), half of a character, which YAML, JSON and UTF-8 cannot hold; give whole characters."),
                ("metadata.finalizers[0]", "\"x\\ude00y\" holds a lone UTF-16 surrogate (U+DE00 at index 1), half of a character, which YAML, JSON and UTF-8 cannot hold; give whole characters."),
                ("spec.hosts[1]", CutMessage),
                ("spec.http[0].match[0].headers[\"x-user\\ud83d\"]", "the key \"x-user\\ud83d\" holds a lone UTF-16 surrogate (U+D83D at index 6), half of a character, which YAML, JSON and UTF-8 cannot hold; give whole characters."),
                ("spec.http[0].route[0].destination.subset", CutMessage),
            ],
            LoneSurrogateDiagnostics(service));
    }

    [Fact]
    public void Whole_characters_outside_the_basic_plane_are_fine()
    {
        var resource = Read<EnvoyFilter>("EnvoyFilter.yaml");
        resource.Metadata.Annotations = new Dictionary<string, string> { ["note"] = "😀 " + High + Low + " \U0001F600" };

        Assert.Empty(LoneSurrogateDiagnostics(resource));
    }

    [Fact]
    public void Free_form_values_of_EnvoyFilter_and_WasmPlugin_are_checked_keys_and_strings_lists_in_lists_too()
    {
        var filter = Read<EnvoyFilter>("EnvoyFilter.yaml");
        var value = filter.Spec.ConfigPatches[0].Patch!.Value!;
        value["name"] = Cut;
        value["typed_config"]!["k" + Low] = 1;
        value["matrix"] = new JsonArray(new JsonArray("a", new JsonObject { ["deep"] = Cut }));
        var plugin = Read<WasmPlugin>("WasmPlugin.yaml");
        plugin.Spec.PluginConfig!["basic_auth_rules"]![0]!["prefix"] = Cut;
        plugin.Status = new JsonObject { ["message"] = Cut };

        Assert.Equal(
            [
                ("spec.configPatches[0].patch.value[name]", CutMessage),
                ("spec.configPatches[0].patch.value[typed_config][\"k\\ude00\"]", "the key \"k\\ude00\" holds a lone UTF-16 surrogate (U+DE00 at index 1), half of a character, which YAML, JSON and UTF-8 cannot hold; give whole characters."),
                ("spec.configPatches[0].patch.value[matrix][0][1][deep]", CutMessage),
            ],
            LoneSurrogateDiagnostics(filter));
        Assert.Equal(
            [("spec.pluginConfig[basic_auth_rules][0][prefix]", CutMessage), ("status[message]", CutMessage)],
            LoneSurrogateDiagnostics(plugin));
    }

    [Fact]
    public void A_kind_without_field_rules_is_checked_too()
    {
        var telemetry = Read<Telemetry>("Telemetry.yaml");
        telemetry.Metadata.Labels = new Dictionary<string, string> { ["tier"] = Cut };

        Assert.Equal([("metadata.labels[tier]", CutMessage)], LoneSurrogateDiagnostics(telemetry));
    }

    [Fact]
    public void ToYaml_reports_it_before_writing_anything()
    {
        var mesh = new IstioMesh();
        mesh.AddServiceEntry("cnn", se => se.Hosts("edition.cnn.com").Port(443, "https", Protocols.Https).Resolution(ServiceEntryResolution.Dns));
        mesh.Resources[0].Metadata.Annotations = new Dictionary<string, string> { ["note"] = Cut };

        var error = Assert.Throws<MeshValidationException>(() => mesh.ToYaml());

        Assert.Equal(
            $"The mesh has 1 validation error(s); fix them or write with allowErrors: true.\n  error MESH1080 ServiceEntry cnn metadata.annotations[note]: {CutMessage}",
            error.Message);
    }

    [Fact]
    public void The_writers_refuse_a_lone_surrogate_in_a_flow_list_of_a_free_form_value()
    {
        var filter = Read<EnvoyFilter>("EnvoyFilter.yaml");
        filter.Spec.ConfigPatches[0].Patch!.Value!["matrix"] = new JsonArray(new JsonArray("a", Cut));
        const string expected = "cannot write \"smile\\ud83d\": it holds a lone UTF-16 surrogate (U+D83D at index 5), half of a character, which YAML, JSON and UTF-8 cannot hold; fix the value";

        Assert.Equal(expected, Assert.Throws<ArgumentException>(() => MeshYaml.Serialize(filter)).Message);
        Assert.Equal(expected, Assert.Throws<ArgumentException>(() => MeshJson.Serialize([filter])).Message);
    }

    [Fact]
    public void Generated_builders_refuse_it_naming_the_parameter()
    {
        var values = Assert.Throws<ArgumentException>(() => new WasmPluginBuilder("auth").Url("oci://" + Cut));
        Assert.Equal(("value", "\"oci://smile\\ud83d\" holds a lone UTF-16 surrogate (U+D83D at index 11), half of a character, which YAML, JSON and UTF-8 cannot hold; give whole characters. (Parameter 'value')"), (values.ParamName, values.Message));

        var item = Assert.Throws<ArgumentException>(() => new OperationBuilder(new Mesh.Dsl.Model.Security.Operation()).Paths("/a", Cut));
        Assert.Equal(("values[1]", $"{CutMessage} (Parameter 'values[1]')"), (item.ParamName, item.Message));

        var key = Assert.Throws<ArgumentException>(() => new WorkloadSelectorBuilder(new WorkloadSelector()).Labels(Cut, "v"));
        Assert.Equal(("key", $"{CutMessage} (Parameter 'key')"), (key.ParamName, key.Message));

        var mapValue = Assert.Throws<ArgumentException>(() => new WorkloadSelectorBuilder(new WorkloadSelector()).Labels("app", Cut));
        Assert.Equal(("value", $"{CutMessage} (Parameter 'value')"), (mapValue.ParamName, mapValue.Message));

        var freeForm = Assert.Throws<ArgumentException>(() => new PatchBuilder(new Patch()).Value(new JsonObject { ["listeners"] = new JsonArray(new JsonObject { ["name"] = Cut }) }));
        Assert.Equal(("value", $"value[listeners][0][name]: {CutMessage} (Parameter 'value')"), (freeForm.ParamName, freeForm.Message));
    }

    [Fact]
    public void Hand_written_builders_refuse_it_in_hosts_labels_selectors_and_annotations()
    {
        var host = Assert.Throws<ArgumentException>(() => new ServiceEntryBuilder("cnn").Hosts("edition.cnn.com", "a" + Low + ".example.com"));
        Assert.Equal("hosts", host.ParamName);
        Assert.StartsWith("\"a\\ude00.example.com\" holds a lone UTF-16 surrogate (U+DE00 at index 1)", host.Message, StringComparison.Ordinal);

        var label = Assert.Throws<ArgumentException>(() => new ServiceEntryBuilder("cnn").Label("app", Cut));
        Assert.Equal(("value", $"{CutMessage} (Parameter 'value')"), (label.ParamName, label.Message));

        var selector = Assert.Throws<ArgumentException>(() => new GatewayBuilder("ingress").Selector("istio", Cut));
        Assert.Equal(("value", $"{CutMessage} (Parameter 'value')"), (selector.ParamName, selector.Message));

        var annotation = Assert.Throws<ArgumentException>(() => new ServiceEntryBuilder("cnn").Annotation(Cut, "v"));
        Assert.Equal(("key", $"{CutMessage} (Parameter 'key')"), (annotation.ParamName, annotation.Message));
    }
}
