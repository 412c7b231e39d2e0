using Mesh.Dsl.Model;
using Mesh.Dsl.Serialization;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;
using YamlNode = YamlDotNet.RepresentationModel.YamlNode;

namespace Mesh.Dsl.Tests.Model;

/// <summary>
/// The model against Istio's own CRD bundle: for each of the fifteen kinds and each version Istio serves,
/// documents that set every leaf field of the spec are read strictly (so every field is known), written,
/// and parsed back with YamlDotNet; every leaf must come back with its value. The kinds come from the
/// design's table and their schemas from the CRD, not from the model, so a kind that is not registered
/// fails here instead of being left out. Skipped, saying so, when the bundle is not beside the repository.
/// </summary>
public class CrdCoverageTests(ITestOutputHelper output)
{
    /// <summary>Leaf fields per kind in the vendored CRD bundle (every served version has the same); a changed bundle shows here.</summary>
    private static readonly Dictionary<string, int> ExpectedLeaves = new()
    {
        ["ServiceEntry"] = 18,
        ["DestinationRule"] = 273,
        ["VirtualService"] = 119,
        ["Gateway"] = 28,
        ["Sidecar"] = 72,
        ["PeerAuthentication"] = 3,
        ["WorkloadEntry"] = 7,
        ["WorkloadGroup"] = 25,
        ["EnvoyFilter"] = 40,
        ["ProxyConfig"] = 4,
        ["AuthorizationPolicy"] = 36,
        ["RequestAuthentication"] = 24,
        ["Telemetry"] = 34,
        ["WasmPlugin"] = 25,
        ["TrafficExtension"] = 22,
    };

    public static TheoryData<string> Kinds() => new(ExpectedLeaves.Keys);

    [Fact]
    public void The_fifteen_kinds_have_the_leaf_counts_of_the_CRD_bundle_in_every_served_version()
    {
        var counts = new List<string>();
        foreach (var (kind, expected) in ExpectedLeaves)
        {
            var versions = CrdBundle.ServedVersions(kind);
            Assert.NotEmpty(versions);
            foreach (var version in versions)
            {
                var leaves = CrdDocumentGenerator.LeafPaths(version.Spec).Count;
                output.WriteLine($"{kind} {version.Version}: {leaves} leaf fields");
                counts.Add($"{kind} {version.Version}: {leaves}");
            }
        }

        Assert.Equal(
            ExpectedLeaves.SelectMany(e => CrdBundle.ServedVersions(e.Key).Select(v => $"{e.Key} {v.Version}: {e.Value}")),
            counts);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_generated_documents_set_every_leaf_and_never_two_members_of_a_one_of_group(string kind)
    {
        foreach (var version in CrdBundle.ServedVersions(kind))
        {
            var documents = new CrdDocumentGenerator(version.Spec).GenerateAll(); // asserts that every leaf is set
            var violations = new List<string>();
            documents.ForEach(document => CrdDocumentGenerator.OneOfViolations(version.Spec, document, "spec", violations));

            Assert.Empty(violations);
            var groups = CountGroups(version.Spec);
            output.WriteLine($"{kind} {version.Version}: {documents.Count} documents for {groups} one-of groups");
            Assert.True(groups == 0 || documents.Count > 1, "one-of groups need several documents");
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_leaf_field_of_the_CRD_is_read_and_written_back_with_its_value(string kind)
    {
        var versions = CrdBundle.ServedVersions(kind);
        Assert.NotEmpty(versions);
        var definition = ResourceKinds.All.FirstOrDefault(k => k.Kind == kind);
        Assert.True(definition is not null, $"{kind} is not registered in ResourceKinds.All: none of its {ExpectedLeaves[kind]} leaf fields can be read or written");

        // The same problem in several versions is reported once, naming the versions.
        var problems = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var version in versions)
        {
            var documents = new CrdDocumentGenerator(version.Spec).GenerateAll();
            output.WriteLine($"{kind} {version.Version}: {CrdDocumentGenerator.LeafPaths(version.Spec).Count} leaf fields in {documents.Count} documents");
            for (var i = 0; i < documents.Count; i++)
            {
                foreach (var problem in Check(version, i, documents[i]))
                {
                    (problems.TryGetValue(problem, out var where) ? where : problems[problem] = []).Add(version.Version);
                }
            }
        }

        Assert.True(
            problems.Count == 0,
            $"{kind}: {problems.Count} problems\n" + string.Join("\n", problems.Select(p => $"{kind} {string.Join(", ", p.Value.Distinct())}: {p.Key}")));
    }

    private static int CountGroups(YamlNode schema)
        => CrdDocumentGenerator.OneOfGroups(schema).Count(alternatives => alternatives.Count > 1)
            + ((CrdBundle.Child(schema, "properties") as YamlMappingNode)?.Children.Values.Sum(CountGroups) ?? 0)
            + (CrdBundle.Child(schema, "items") is { } items ? CountGroups(items) : 0)
            + (CrdBundle.Child(schema, "additionalProperties") is { } values ? CountGroups(values) : 0);

    /// <summary>
    /// Reads one generated document, writes it, parses the output generically and lists what differs.
    /// What the reader rejects is reported and taken out, so that the rest is still checked.
    /// </summary>
    private static List<string> Check(CrdVersion version, int index, SortedDictionary<string, object> spec)
    {
        var document = new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["apiVersion"] = new Leaf("str", version.ApiVersion),
            ["kind"] = new Leaf("str", version.Kind),
            ["metadata"] = new SortedDictionary<string, object>(StringComparer.Ordinal) { ["name"] = new Leaf("str", "coverage-" + index) },
            ["spec"] = spec,
        };
        var problems = new List<string>();
        while (true)
        {
            var result = MeshYaml.TryRead(new StringReader(GenericTree.ToJson(document)), $"document {index}");
            if (result.Succeeded)
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(MeshYaml.Serialize(result.Resources)));
                var differences = new List<string>();
                GenericTree.Diff(document, GenericTree.FromYaml(stream.Documents.Single().RootNode), string.Empty, differences);
                problems.AddRange(differences.Select(d => d.TrimStart('.')));
                return problems;
            }

            // Positions differ between documents; the path and message say what is missing.
            problems.AddRange(result.Errors.Select(e => $"{(e.Path.Length > 0 ? e.Path + ": " : string.Empty)}{e.Message}"));
            if (!result.Errors.All(e => GenericTree.Remove(document, e.Path)))
            {
                return problems;
            }
        }
    }
}
