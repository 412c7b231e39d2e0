using System.Collections;
using System.Reflection;
using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Serialization;
using Mesh.Dsl.Validation;

namespace Mesh.Dsl.Tests.Model;

/// <summary>
/// What a read resource keeps: its metadata without KubernetesClient's ObjectMeta when it is only name, namespace,
/// labels and annotations, and a repeated field read with one item as that item (<see cref="OneItem{T}"/>), not as a
/// List and its array. The public API shows none of it: <see cref="IstioResource.Metadata"/> and the list
/// properties give what they always gave, made on first use. The library's own reading (validation, writing,
/// comparing) must not make them, or a large validation holds both; the every-field documents of every kind check
/// that for every field.
/// </summary>
public class CompactStorageTests
{
    private const string Routes = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews
          namespace: prod
          labels:
            app: reviews
          annotations:
            owner: team-a
        spec:
          hosts:
          - reviews.prod.svc.cluster.local
          http:
          - match:
            - uri:
                prefix: /v1
            route:
            - destination:
                host: reviews.prod.svc.cluster.local
                subset: v1
          - route:
            - destination:
                host: reviews.prod.svc.cluster.local
                subset: v2
              weight: 50
            - destination:
                host: reviews.prod.svc.cluster.local
                subset: v3
              weight: 50
        """;

    public static TheoryData<string> Kinds() => new(ResourceKinds.All.Select(k => k.Kind));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Validating_writing_and_comparing_a_read_resource_make_no_list_and_no_ObjectMeta(string kind)
    {
        var versions = CrdBundle.ServedVersions(kind);
        Assert.NotEmpty(versions);
        var (lists, oneItemLists) = (0, 0);
        foreach (var version in versions)
        {
            foreach (var yaml in EveryFieldDocuments(version))
            {
                var resources = MeshYaml.Read(yaml);
                var before = CompactState(resources);
                lists += before.Count;
                oneItemLists += before.Count(s => s.EndsWith(": OneItem`1", StringComparison.Ordinal));
                Assert.All(resources, r => Assert.Null(r.FullMetadata));

                _ = new MeshValidator { SecurityAdvice = true }.Validate(resources);
                _ = MeshYaml.Serialize(resources);
                Assert.True(ResourceComparer.Instance.Equals(resources[0], MeshYaml.Read(yaml)[0]));

                Assert.Equal(before, CompactState(resources));
                Assert.All(resources, r => Assert.Null(r.FullMetadata));
            }
        }

        // The every-field documents give each repeated field one item, so the check above covers them.
        Assert.True(lists == 0 || oneItemLists > 0, $"{kind}: no one-item list was read among {lists} repeated fields");
    }

    [Fact]
    public void The_list_property_of_a_read_one_item_list_is_a_list_that_keeps_what_is_added()
    {
        var service = (VirtualService)MeshYaml.Read(Routes)[0];
        var http = service.Spec.Http;

        Assert.Same(http, service.Spec.Http);
        Assert.Equal(2, http.Count);
        var match = http[0].Match;
        Assert.Same(match, http[0].Match);
        Assert.Equal("/v1", Assert.Single(match).Uri!.Prefix);

        match.Add(new HttpMatchRequest { Uri = new StringMatch { Prefix = "/v0" } });
        service.Spec.Hosts.Add("reviews");

        var written = MeshYaml.Serialize(service);
        Assert.Contains("  - match:\n    - uri:\n        prefix: /v1\n    - uri:\n        prefix: /v0\n", written, StringComparison.Ordinal);
        Assert.Contains("  hosts:\n  - reviews.prod.svc.cluster.local\n  - reviews\n", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_of_a_read_resource_gives_its_fields_once_and_changes_through_it_are_written()
    {
        var service = MeshYaml.Read(Routes)[0];
        Assert.Null(service.FullMetadata);

        var metadata = service.Metadata;
        Assert.Same(metadata, service.Metadata);
        Assert.Equal(("reviews", "prod"), (metadata.Name, metadata.NamespaceProperty));
        Assert.Equal("reviews", metadata.Labels["app"]);
        Assert.Equal("team-a", metadata.Annotations["owner"]);

        metadata.Name = "ratings";
        metadata.Uid = "6f1c";
        Assert.Equal("ratings", service.MetadataName);
        var written = MeshYaml.Serialize(service);
        Assert.Contains("metadata:\n  name: ratings\n  namespace: prod\n", written, StringComparison.Ordinal);
        Assert.Contains("  uid: 6f1c\n", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_made_by_several_threads_at_once_is_one_object()
    {
        for (var round = 0; round < 50; round++)
        {
            var service = MeshYaml.Read(Routes)[0];
            var seen = new k8s.Models.V1ObjectMeta[8];
            Parallel.For(0, seen.Length, i => seen[i] = service.Metadata);
            Assert.All(seen, m => Assert.Same(seen[0], m));
            Assert.Equal("reviews", seen[0].Name);
        }
    }

    [Fact]
    public void Setting_metadata_to_null_clears_it()
    {
        var service = MeshYaml.Read(Routes)[0];
        service.Metadata = null;

        Assert.NotNull(service.Metadata);
        Assert.Null(service.Metadata.Name);
        Assert.Null(service.MetadataLabels);
        Assert.Contains("metadata: {}\n", MeshYaml.Serialize(service), StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_with_a_server_field_is_read_as_a_whole_ObjectMeta()
    {
        var service = MeshYaml.Read(Routes.Replace("  namespace: prod\n", "  namespace: prod\n  resourceVersion: \"42\"\n  finalizers:\n  - x/y\n", StringComparison.Ordinal))[0];

        Assert.NotNull(service.FullMetadata);
        Assert.Equal("42", service.FullMetadata!.ResourceVersion);
        Assert.Equal("reviews", service.MetadataName);
        Assert.Contains("  resourceVersion: \"42\"\n  finalizers:\n  - x/y\n", MeshYaml.Serialize(service), StringComparison.Ordinal);
    }

    [Fact]
    public void A_read_resource_and_the_same_one_built_compare_equal_and_write_the_same_yaml_and_json()
    {
        var read = (VirtualService)MeshYaml.Read(Routes)[0];
        var built = new VirtualService();
        built.Metadata.Name = "reviews";
        built.Metadata.NamespaceProperty = "prod";
        built.Metadata.Labels = new Dictionary<string, string> { ["app"] = "reviews" };
        built.Metadata.Annotations = new Dictionary<string, string> { ["owner"] = "team-a" };
        built.Spec.Hosts.Add("reviews.prod.svc.cluster.local");
        var first = new HttpRoute();
        first.Match.Add(new HttpMatchRequest { Uri = new StringMatch { Prefix = "/v1" } });
        first.Route.Add(new HttpRouteDestination { Destination = new Destination { Host = "reviews.prod.svc.cluster.local", Subset = "v1" } });
        var second = new HttpRoute();
        second.Route.Add(new HttpRouteDestination { Destination = new Destination { Host = "reviews.prod.svc.cluster.local", Subset = "v2" }, Weight = 50 });
        second.Route.Add(new HttpRouteDestination { Destination = new Destination { Host = "reviews.prod.svc.cluster.local", Subset = "v3" }, Weight = 50 });
        built.Spec.Http.AddRange([first, second]);

        Assert.True(ResourceComparer.Instance.Equals(read, built));
        Assert.True(ResourceComparer.Instance.Equals(built, read));
        Assert.Equal(MeshYaml.Serialize(built), MeshYaml.Serialize(read));
        Assert.Equal(MeshJson.Serialize(built), MeshJson.Serialize(read));
    }

    [Fact]
    public void Json_of_a_read_resource_reads_back_equal()
    {
        var read = MeshYaml.Read(Routes)[0];
        var json = MeshJson.Serialize(read);

        var back = MeshYaml.Read(json)[0];

        Assert.True(ResourceComparer.Instance.Equals(read, back));
    }

    /// <summary>The every-field documents of one served version, as YAML (JSON is YAML) with a name.</summary>
    private static IEnumerable<string> EveryFieldDocuments(CrdVersion version)
    {
        var documents = new CrdDocumentGenerator(version.Spec).GenerateAll();
        for (var i = 0; i < documents.Count; i++)
        {
            var document = new SortedDictionary<string, object>(StringComparer.Ordinal)
            {
                ["apiVersion"] = new Leaf("str", version.ApiVersion),
                ["kind"] = new Leaf("str", version.Kind),
                ["metadata"] = new SortedDictionary<string, object>(StringComparer.Ordinal)
                {
                    ["name"] = new Leaf("str", "compact-" + i),
                    ["namespace"] = new Leaf("str", "prod"),
                    ["labels"] = new SortedDictionary<string, object>(StringComparer.Ordinal) { ["app"] = new Leaf("str", "a") },
                },
                ["spec"] = documents[i],
            };
            var result = MeshYaml.TryRead(new StringReader(GenericTree.ToJson(document)));

            // Documents the strict reader refuses (a generated value outside a rule of the model) are CrdCoverageTests' concern.
            if (result.Succeeded)
            {
                yield return GenericTree.ToJson(document);
            }
        }
    }

    /// <summary>
    /// Every repeated field's storage in the resources' object graphs, as "path: type", so that a list made where a
    /// one-item list was read shows as a changed line.
    /// </summary>
    private static List<string> CompactState(IEnumerable<IstioResource> resources)
    {
        var state = new List<string>();
        foreach (var resource in resources)
        {
            Walk(resource, resource.Kind, state, new HashSet<object>(ReferenceEqualityComparer.Instance));
        }

        return state;
    }

    private static void Walk(object value, string path, List<string> state, HashSet<object> seen)
    {
        if (!seen.Add(value))
        {
            return;
        }

        for (var type = value.GetType(); type is not null && type.Namespace?.StartsWith("Mesh.Dsl.Model", StringComparison.Ordinal) == true; type = type.BaseType)
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
            {
                var fieldValue = field.GetValue(value);
                var fieldPath = path + "." + field.Name;
                if (field.FieldType.IsGenericType && field.FieldType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
                {
                    state.Add($"{fieldPath}: {fieldValue?.GetType().Name ?? "null"}");
                }

                switch (fieldValue)
                {
                    case null or string:
                        break;
                    case IEnumerable items when fieldValue.GetType().Namespace?.StartsWith("Mesh.Dsl.Model", StringComparison.Ordinal) != true
                        || fieldValue.GetType().IsGenericType:
                        var i = 0;
                        foreach (var item in items)
                        {
                            if (item is not null && item.GetType().Namespace?.StartsWith("Mesh.Dsl.Model", StringComparison.Ordinal) == true && !item.GetType().IsEnum)
                            {
                                Walk(item, $"{fieldPath}[{i}]", state, seen);
                            }

                            i++;
                        }

                        break;
                    default:
                        if (fieldValue.GetType().Namespace?.StartsWith("Mesh.Dsl.Model", StringComparison.Ordinal) == true && !fieldValue.GetType().IsEnum && !fieldValue.GetType().IsValueType)
                        {
                            Walk(fieldValue, fieldPath, state, seen);
                        }

                        break;
                }
            }
        }
    }
}
