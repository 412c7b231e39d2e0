using System.Collections;
using System.Reflection;
using System.Text.Json.Nodes;
using Mesh.Dsl.Model;
using Mesh.Dsl.Samples.Scale;
using Mesh.Dsl.Serialization;
using Mesh.Dsl.Tests.Model;
using Mesh.Dsl.Validation.Rules;

namespace Mesh.Dsl.Tests.Validation;

/// <summary>
/// The text rule's quick search (<see cref="LoneSurrogateRule.HasLoneSurrogate"/>, which decides whether the walk runs)
/// against its walk (<see cref="LoneSurrogateRule.Walk"/>, which says where): on documents that set every leaf of every
/// kind's CRD, the realistic fixtures of each kind and a <c>kubectl get -o yaml</c> dump with every ObjectMeta field and a
/// status, a lone surrogate put in each string and each map key in turn is found by both, and the clean resources by
/// neither. The places are found by reflection over the model's public properties, not through the schema the search
/// uses, so a field the schema left out would show here.
/// </summary>
public class LoneSurrogateSearchTests
{
    private const char High = '\uD83D'; // the first half of 😀

    /// <summary>A place of a resource that holds text: putting a lone surrogate there, and putting back what was there.</summary>
    private sealed record Site(string Where, Action Spoil, Action Restore);

    /// <summary>Every kind's documents: those that set every leaf of its CRD, its realistic fixture, and the repository fixtures.</summary>
    private static List<IstioResource> Documents()
    {
        var resources = new List<IstioResource>();
        foreach (var kind in ResourceKinds.All.Select(k => k.Kind))
        {
            var before = resources.Count;
            foreach (var version in CrdBundle.ServedVersions(kind))
            {
                var documents = new CrdDocumentGenerator(version.Spec).GenerateAll();
                for (var i = 0; i < documents.Count; i++)
                {
                    var document = new SortedDictionary<string, object>(StringComparer.Ordinal)
                    {
                        ["apiVersion"] = new Leaf("str", version.ApiVersion),
                        ["kind"] = new Leaf("str", version.Kind),
                        ["metadata"] = new SortedDictionary<string, object>(StringComparer.Ordinal) { ["name"] = new Leaf("str", "every-leaf-" + i) },
                        ["spec"] = documents[i],
                    };

                    // A document the reader refuses (a value the CRD allows and Istio's reader does not) is left out.
                    resources.AddRange(MeshYaml.TryRead(new StringReader(GenericTree.ToJson(document)), kind).Resources);
                }
            }

            Assert.True(resources.Count > before, $"no document of {kind} was read");
        }

        var fixtures = Path.Combine(TestPaths.RepositoryRoot, "tests", "Mesh.Dsl.Tests", "Fixtures");
        foreach (var file in Directory.GetFiles(Path.Combine(fixtures, "Kinds")).Concat(Directory.GetFiles(Path.Combine(fixtures, "Repository"), "*.yaml", SearchOption.AllDirectories)).Order(StringComparer.Ordinal))
        {
            var result = MeshYaml.TryReadFile(file);
            Assert.Empty(result.Errors);
            resources.AddRange(result.Resources);
        }

        // The two ObjectMeta strings the fixtures do not set.
        var dump = resources.First(r => r.Metadata.ManagedFields is { Count: > 0 } && r.Status is not null);
        dump.Metadata.GenerateName = "reviews-";
        dump.Metadata.SelfLink = "/apis/networking.istio.io/v1/namespaces/shop/virtualservices/reviews";
        return resources;
    }

    [Fact]
    public void A_lone_surrogate_in_any_string_or_key_of_any_kind_is_found_by_the_search_and_the_walk()
    {
        var specSitesByKind = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var metadataAndStatus = new SortedSet<string>(StringComparer.Ordinal);
        var failures = new List<string>();
        foreach (var resource in Documents())
        {
            Assert.False(LoneSurrogateRule.HasLoneSurrogate(resource), $"{resource}: the search finds a lone surrogate in a clean resource");
            Assert.Empty(Walk(resource));

            var sites = new List<Site>();
            Collect(resource, resource.Kind, sites);
            specSitesByKind[resource.Kind] = specSitesByKind.GetValueOrDefault(resource.Kind) + sites.Count(s => s.Where.StartsWith(resource.Kind + ".Spec.", StringComparison.Ordinal));
            metadataAndStatus.UnionWith(sites.Select(s => s.Where[resource.Kind.Length..]).Where(w => !w.StartsWith(".Spec.", StringComparison.Ordinal)).Select(TopField));
            foreach (var site in sites)
            {
                site.Spoil();
                var found = LoneSurrogateRule.HasLoneSurrogate(resource);
                var walked = Walk(resource);
                site.Restore();
                if (!found || walked.Count == 0)
                {
                    failures.Add($"{site.Where}: search {(found ? "found it" : "missed it")}, walk reported {walked.Count}");
                }
            }

            Assert.False(LoneSurrogateRule.HasLoneSurrogate(resource), $"{resource}: not restored");
        }

        Assert.Empty(failures);
        Assert.Equal(ResourceKinds.All.Select(k => k.Kind).Order(StringComparer.Ordinal), specSitesByKind.Keys);
        Assert.All(specSitesByKind, entry => Assert.True(entry.Value > 0, $"{entry.Key}: no place with text in the spec"));
        Assert.Equal(
            [".Metadata.Annotations", ".Metadata.Finalizers", ".Metadata.GenerateName", ".Metadata.Labels", ".Metadata.ManagedFields", ".Metadata.Name", ".Metadata.NamespaceProperty",
                ".Metadata.OwnerReferences", ".Metadata.ResourceVersion", ".Metadata.SelfLink", ".Metadata.Uid", ".Status"],
            metadataAndStatus);
    }

    /// <summary>The field of the resource a place is in: <c>.Metadata.Labels</c> for <c>.Metadata.Labels[app]</c>, <c>.Status</c>.</summary>
    private static string TopField(string where)
    {
        var end = where.IndexOfAny(['.', '['], where.IndexOfAny(['.', '['], 1) + 1);
        return where.StartsWith(".Status", StringComparison.Ordinal) ? ".Status" : end < 0 ? where : where[..end];
    }

    [Fact]
    public void Metadata_kept_without_an_ObjectMeta_is_searched_without_making_one()
    {
        var resource = MeshYaml.Read("apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: a\n  labels:\n    app: a\nspec:\n  hosts: [a.com]\n", "a.yaml").Single();
        Assert.Null(resource.FullMetadata);
        var places = new (Action Spoil, Action Restore)[]
        {
            (() => resource.MetadataName = "a" + High, () => resource.MetadataName = "a"),
            (() => resource.MetadataNamespace = "n" + High, () => resource.MetadataNamespace = null),
            (() => resource.MetadataLabels!["app"] = "a" + High, () => resource.MetadataLabels!["app"] = "a"),
            (() => resource.MetadataAnnotations = new Dictionary<string, string> { ["note" + High] = "x" }, () => resource.MetadataAnnotations = null),
        };

        foreach (var (spoil, restore) in places)
        {
            spoil();
            Assert.True(LoneSurrogateRule.HasLoneSurrogate(resource));
            Assert.Single(Walk(resource));
            restore();
            Assert.False(LoneSurrogateRule.HasLoneSurrogate(resource));
        }

        Assert.Null(resource.FullMetadata);
    }

    [Fact]
    public void The_scale_mesh_is_clean_for_both()
    {
        foreach (var resource in ScaleSample.Build(50).Resources)
        {
            Assert.False(LoneSurrogateRule.HasLoneSurrogate(resource));
            Assert.Empty(Walk(resource));
        }
    }

    [Fact]
    public void What_the_search_cannot_read_as_a_string_goes_to_the_walk_which_says_what_the_writer_would()
    {
        // A free-form string value held as a char: the search cannot read it without converting it, so the walk decides.
        var resource = MeshYaml.Read(NewKindsRoundTripTests.Fixture("EnvoyFilter"), "EnvoyFilter.yaml").Single();
        resource.Status = new JsonObject { ["letter"] = JsonValue.Create('x') };

        Assert.True(LoneSurrogateRule.HasLoneSurrogate(resource));
        Assert.Empty(Walk(resource));
    }

    /// <summary>The walk's diagnostics for one resource.</summary>
    private static IReadOnlyList<Mesh.Dsl.Validation.Diagnostic> Walk(IstioResource resource)
    {
        var sink = new DiagnosticSink();
        LoneSurrogateRule.Walk(resource, sink.Context(resource, 0));
        return sink.ToList();
    }

    /// <summary>Every string and string key below <paramref name="value"/>, through public properties, lists, maps and free-form values.</summary>
    private static void Collect(object value, string where, List<Site> sites)
    {
        switch (value)
        {
            case JsonNode node:
                CollectJson(node, where, sites);
                return;
            case IDictionary map:
                foreach (var key in map.Keys.Cast<object>().ToList())
                {
                    var item = map[key];
                    if (key is string text)
                    {
                        sites.Add(new Site($"{where}[{text}] (key)", () => MoveKey(map, text, text + High), () => MoveKey(map, text + High, text)));
                    }

                    CollectItem(item, $"{where}[{key}]", () => map[key], v => map[key] = v, sites);
                }

                return;
            case IList list when value is not byte[]:
                for (var i = 0; i < list.Count; i++)
                {
                    var index = i;
                    CollectItem(list[i], $"{where}[{i}]", () => list[index], v => list[index] = v, sites);
                }

                return;
        }

        var type = value.GetType();
        if (!IsModel(type))
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanRead || !property.CanWrite || property.GetIndexParameters().Length > 0 || property.SetMethod is not { IsPublic: true }
                || (value is IstioResource && property.Name is nameof(IstioResource.ApiVersion) or nameof(IstioResource.Kind)))
            {
                continue; // apiVersion and kind only ever hold the kind's own values: their setters refuse others
            }

            CollectItem(property.GetValue(value), $"{where}.{property.Name}", () => property.GetValue(value), v => property.SetValue(value, v), sites);
        }
    }

    private static void CollectItem(object? item, string where, Func<object?> get, Action<object?> set, List<Site> sites)
    {
        if (item is string text)
        {
            sites.Add(new Site(where, () => set(text + High), () => set(text)));
        }
        else if (item is not null)
        {
            Collect(item, where, sites);
        }
    }

    private static void CollectJson(JsonNode node, string where, List<Site> sites)
    {
        switch (node)
        {
            case JsonObject mapping:
                for (var i = 0; i < mapping.Count; i++)
                {
                    var (key, value) = mapping.GetAt(i);
                    var index = i;
                    sites.Add(new Site($"{where}[{key}] (key)", () => RenameAt(mapping, index, key + High), () => RenameAt(mapping, index, key)));
                    CollectJsonItem(value, $"{where}[{key}]", v => mapping.SetAt(index, v), sites);
                }

                break;
            case JsonArray list:
                for (var i = 0; i < list.Count; i++)
                {
                    var index = i;
                    CollectJsonItem(list[i], $"{where}[{i}]", v => list[index] = v, sites);
                }

                break;
        }
    }

    private static void CollectJsonItem(JsonNode? item, string where, Action<JsonNode?> set, List<Site> sites)
    {
        if (item is JsonValue value && value.TryGetValue<string>(out var text))
        {
            sites.Add(new Site(where, () => set(JsonValue.Create(text + High)), () => set(JsonValue.Create(text))));
        }
        else if (item is not null)
        {
            CollectJson(item, where, sites);
        }
    }

    private static void RenameAt(JsonObject mapping, int index, string key)
    {
        var value = mapping.GetAt(index).Value;
        mapping.RemoveAt(index);
        mapping.Insert(index, key, value);
    }

    private static void MoveKey(IDictionary map, string from, string to)
    {
        var value = map[from];
        map.Remove(from);
        map.Add(to, value);
    }

    /// <summary>The model's own classes and KubernetesClient's (ObjectMeta and what it holds).</summary>
    private static bool IsModel(Type type)
        => type.Namespace is { } ns && (ns.StartsWith("Mesh.Dsl.Model", StringComparison.Ordinal) || ns == "k8s.Models");
}
