using System.Reflection;
using System.Text.Json.Nodes;
using k8s;
using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Serialization;
using Mesh.Dsl.Tests.Model;

namespace Mesh.Dsl.Tests.Serialization;

/// <summary>
/// KubernetesClient's serializer (<c>k8s.KubernetesJson</c>, with its own enum and TimeSpan converters) writes the
/// models as Istio's JSON, which is what <see cref="MeshJson"/> writes, and reads that JSON back into equal
/// resources: for every resource of the seed scenarios and for documents that set every leaf field of every
/// kind in every served version.
/// </summary>
public class KubernetesJsonTests
{
    public static TheoryData<string> ScenarioFiles() => new(TestPaths.ScenarioFiles.Where(f => !f.EndsWith(".input.yaml", StringComparison.Ordinal)).Select(f => Path.GetRelativePath(TestPaths.RepositoryRoot, f)));

    public static TheoryData<string> Kinds() => new(ResourceKinds.All.Select(k => k.Kind));

    [Theory]
    [MemberData(nameof(ScenarioFiles))]
    public void Scenario_resources_serialize_as_Istio_writes_them_and_read_back_equal(string file)
    {
        var resources = MeshYaml.Read(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, file)), file);
        Assert.NotEmpty(resources);
        var problems = resources.SelectMany(Problems).ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_field_of_every_served_version_serializes_as_Istio_writes_it_and_reads_back_equal(string kind)
    {
        var problems = new List<string>();
        var count = 0;
        foreach (var version in CrdBundle.ServedVersions(kind))
        {
            var documents = new CrdDocumentGenerator(version.Spec).GenerateAll();
            for (var i = 0; i < documents.Count; i++)
            {
                var document = new SortedDictionary<string, object>(StringComparer.Ordinal)
                {
                    ["apiVersion"] = new Leaf("str", version.ApiVersion),
                    ["kind"] = new Leaf("str", kind),
                    ["metadata"] = new SortedDictionary<string, object>(StringComparer.Ordinal) { ["name"] = new Leaf("str", "every-field-" + i) },
                    ["spec"] = documents[i],
                };
                var resource = MeshYaml.Read(GenericTree.ToJson(document), $"{kind} {version.Version} document {i}").Single();
                problems.AddRange(Problems(resource).Select(p => $"{version.Version} document {i}: {p}"));
                count++;
            }
        }

        Assert.True(count > 0, $"no documents for {kind}");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Enums_and_durations_are_spelled_as_Istio_spells_them_and_empty_lists_are_left_out()
    {
        var entry = new ServiceEntry { Metadata = new() { Name = "cnn" } };
        entry.Spec.Hosts.Add("edition.cnn.com");
        entry.Spec.Resolution = ServiceEntryResolution.DnsRoundRobin;
        entry.Spec.Location = ServiceEntryLocation.MeshExternal;
        _ = entry.Spec.Addresses; // created, but empty
        var rule = new DestinationRule { Metadata = new() { Name = "cnn" } };
        rule.Spec.Host = "edition.cnn.com";
        rule.Spec.TrafficPolicy = new() { ConnectionPool = new() { Tcp = new() { ConnectTimeout = TimeSpan.FromMilliseconds(1500) } }, OutlierDetection = new() };

        var entryJson = JsonNode.Parse(KubernetesJson.Serialize(entry))!["spec"]!;
        var ruleJson = JsonNode.Parse(KubernetesJson.Serialize(rule))!["spec"]!;

        Assert.Equal("DNS_ROUND_ROBIN", (string?)entryJson["resolution"]);
        Assert.Equal("MESH_EXTERNAL", (string?)entryJson["location"]);
        Assert.False(entryJson.AsObject().ContainsKey("addresses"));
        Assert.Equal("1.5s", (string?)ruleJson["trafficPolicy"]!["connectionPool"]!["tcp"]!["connectTimeout"]);
        Assert.Empty(ruleJson["trafficPolicy"]!["outlierDetection"]!.AsObject());
    }

    [Fact]
    public void Istio_spellings_are_read_and_other_spellings_are_rejected()
    {
        const string json = """{"apiVersion":"networking.istio.io/v1","kind":"ServiceEntry","metadata":{"name":"x"},"spec":{"hosts":["a.example.com"],"resolution":"DNS"}}""";

        Assert.Equal(ServiceEntryResolution.Dns, KubernetesJson.Deserialize<ServiceEntry>(json).Spec.Resolution);
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => KubernetesJson.Deserialize<ServiceEntry>(json.Replace("\"DNS\"", "\"Dns\"", StringComparison.Ordinal)));
    }

    /// <summary>What differs between KubernetesJson's and MeshJson's JSON of a resource, and whether it reads back equal.</summary>
    private static IEnumerable<string> Problems(IstioResource resource)
    {
        var expected = JsonNode.Parse(MeshJson.Serialize(resource));
        var written = KubernetesJson.Serialize(resource);
        var actual = JsonNode.Parse(written);
        var differences = new List<string>();
        Diff(expected, actual, resource.ToString(), differences);
        foreach (var difference in differences)
        {
            yield return difference;
        }

        var back = (IstioResource)Deserialize.MakeGenericMethod(resource.GetType()).Invoke(null, [written, null])!;
        if (!ResourceComparer.Instance.Equals(resource, back))
        {
            yield return $"{resource}: KubernetesJson reads back a different resource from {written}";
        }
    }

    private static readonly MethodInfo Deserialize = typeof(KubernetesJson).GetMethods()
        .Single(m => m.Name == nameof(KubernetesJson.Deserialize) && m.GetParameters() is [{ ParameterType.Name: "String" }, _]);

    /// <summary>Compares two JSON trees: objects by their keys (in any order), numbers by value.</summary>
    private static void Diff(JsonNode? expected, JsonNode? actual, string path, List<string> differences)
    {
        switch (expected, actual)
        {
            case (null, null):
                return;
            case (JsonObject left, JsonObject right):
                foreach (var (key, value) in left)
                {
                    if (!right.ContainsKey(key))
                    {
                        differences.Add($"{path}.{key}: missing in KubernetesJson's output");
                    }
                    else
                    {
                        Diff(value, right[key], path + "." + key, differences);
                    }
                }

                foreach (var (key, value) in right)
                {
                    if (!left.ContainsKey(key))
                    {
                        differences.Add($"{path}.{key}: written by KubernetesJson only ({value?.ToJsonString()})");
                    }
                }

                return;
            case (JsonArray left, JsonArray right) when left.Count == right.Count:
                for (var i = 0; i < left.Count; i++)
                {
                    Diff(left[i], right[i], $"{path}[{i}]", differences);
                }

                return;
            case (JsonValue left, JsonValue right)
                when left.TryGetValue<decimal>(out var l) && right.TryGetValue<decimal>(out var r) ? l == r : JsonNode.DeepEquals(left, right):
                return;
            default:
                differences.Add($"{path}: MeshJson writes {expected?.ToJsonString() ?? "nothing"}, KubernetesJson {actual?.ToJsonString() ?? "nothing"}");
                return;
        }
    }
}
