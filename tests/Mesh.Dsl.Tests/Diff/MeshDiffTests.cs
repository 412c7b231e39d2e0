using Mesh.Dsl.Builders;
using Mesh.Dsl.Diff;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Tests.Diff;

/// <summary>MeshDiff compares renderings by resource identity and by meaning, field by field.</summary>
public class MeshDiffTests
{
    private const string Reviews = """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata:
          name: reviews
          namespace: bookinfo
        spec:
          hosts:
          - reviews
          http:
          - route:
            - destination:
                host: reviews
                subset: v1
              weight: 80
            - destination:
                host: reviews
                subset: v2
              weight: 20
            timeout: 60s
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: reviews
          namespace: bookinfo
          labels:
            app: reviews
            team: books
        spec:
          host: reviews
          subsets:
          - name: v1
            labels: {version: v1}
          - name: v2
            labels: {version: v2}
        """;

    private static IReadOnlyList<ResourceChange> Compare(string old, string @new) => MeshDiff.Compare(MeshYaml.Read(old), MeshYaml.Read(@new));

    [Fact]
    public void Formatting_comments_field_order_document_order_and_api_version_are_not_changes()
    {
        var same = """
            # The DestinationRule first, flow style, fields shuffled, another served version, map keys reordered.
            kind: DestinationRule
            apiVersion: networking.istio.io/v1alpha3
            metadata: {namespace: bookinfo, name: reviews, labels: {team: books, app: reviews}}
            spec:
              subsets: [{labels: {version: v1}, name: v1}, {name: "v2", labels: {version: 'v2'}}]
              host: reviews   # trailing comment
            ---
            apiVersion: networking.istio.io/v1beta1
            kind: VirtualService
            metadata:
              namespace: bookinfo
              name: reviews
            spec:
              http:
              - timeout: 1m
                route:
                - {weight: 80, destination: {subset: v1, host: reviews}}
                - {destination: {host: reviews, subset: v2}, weight: 20}
              hosts: [reviews]
            """;
        Assert.Empty(Compare(Reviews, same));
    }

    [Fact]
    public void Changed_fields_are_listed_with_path_and_old_and_new_value()
    {
        var changed = Reviews.Replace("weight: 80", "weight: 70", StringComparison.Ordinal).Replace("weight: 20", "weight: 30", StringComparison.Ordinal);
        var change = Assert.Single(Compare(Reviews, changed));
        Assert.Equal(ResourceChangeKind.Changed, change.Change);
        Assert.Equal(("VirtualService", "bookinfo", "reviews"), (change.Kind, change.Namespace, change.Name));
        Assert.Equal(
            [new FieldChange("spec.http[0].route[0].weight", "80", "70"), new FieldChange("spec.http[0].route[1].weight", "20", "30")],
            change.Fields);
        Assert.NotNull(change.Old);
        Assert.NotNull(change.New);
    }

    [Fact]
    public void Fields_set_and_unset_have_a_null_side_and_messages_show_in_flow_style()
    {
        var withTls = Reviews.Replace("  host: reviews\n  subsets:", "  host: reviews\n  trafficPolicy:\n    tls: {mode: ISTIO_MUTUAL, sni: \"*.x\"}\n  subsets:", StringComparison.Ordinal)
            .Replace("    timeout: 60s\n", string.Empty, StringComparison.Ordinal);
        var changes = Compare(Reviews, withTls);
        Assert.Equal(
            [new FieldChange("spec.trafficPolicy", null, "{tls: {mode: ISTIO_MUTUAL, sni: \"*.x\"}}")],
            changes.Single(c => c.Kind == "DestinationRule").Fields);
        Assert.Equal(
            [new FieldChange("spec.http[0].timeout", "1m", null)],
            changes.Single(c => c.Kind == "VirtualService").Fields);
    }

    [Fact]
    public void Renamed_resource_is_one_removal_and_one_addition_not_an_edit()
    {
        var renamed = Reviews.Replace("kind: DestinationRule\nmetadata:\n  name: reviews", "kind: DestinationRule\nmetadata:\n  name: reviews-dr", StringComparison.Ordinal);
        var changes = Compare(Reviews, renamed);
        Assert.Equal(
            [(ResourceChangeKind.Removed, "reviews"), (ResourceChangeKind.Added, "reviews-dr")],
            changes.Select(c => (c.Change, c.Name)));
        Assert.All(changes, c => Assert.Empty(c.Fields));
        Assert.Null(changes[0].New);
        Assert.Null(changes[1].Old);
    }

    [Fact]
    public void Same_name_in_another_namespace_is_another_resource()
    {
        var moved = Reviews.Replace("  namespace: bookinfo\n  labels:", "  namespace: other\n  labels:", StringComparison.Ordinal);
        Assert.Equal(["removed DestinationRule bookinfo/reviews", "added DestinationRule other/reviews"], Compare(Reviews, moved).Select(c => c.ToString()));
    }

    [Fact]
    public void Element_inserted_at_the_top_of_a_list_is_one_addition()
    {
        var inserted = Reviews.Replace("  subsets:\n", "  subsets:\n  - name: v0\n    labels: {version: v0}\n", StringComparison.Ordinal);
        var change = Assert.Single(Compare(Reviews, inserted));
        Assert.Equal([new FieldChange("spec.subsets[0]", null, "{name: v0, labels: {version: v0}}")], change.Fields);

        var removed = Assert.Single(Compare(inserted, Reviews));
        Assert.Equal([new FieldChange("spec.subsets[0]", "{name: v0, labels: {version: v0}}", null)], removed.Fields);
    }

    [Fact]
    public void List_order_is_a_change()
    {
        var swapped = Reviews.Replace("  hosts:\n  - reviews\n", "  hosts:\n  - reviews\n  - ratings\n", StringComparison.Ordinal);
        var reordered = Reviews.Replace("  hosts:\n  - reviews\n", "  hosts:\n  - ratings\n  - reviews\n", StringComparison.Ordinal);
        Assert.NotEmpty(Compare(swapped, reordered));
    }

    [Fact]
    public void Map_keys_that_are_not_identifiers_are_bracketed()
    {
        var labelled = Reviews.Replace("    app: reviews\n", "    app: reviews\n    app.kubernetes.io/name: reviews\n", StringComparison.Ordinal);
        var change = Assert.Single(Compare(Reviews, labelled));
        Assert.Equal([new FieldChange("metadata.labels[\"app.kubernetes.io/name\"]", null, "reviews")], change.Fields);
    }

    [Fact]
    public void Changes_are_ordered_by_kind_namespace_and_name()
    {
        var old = MeshYaml.Read(Reviews);
        var mesh = new IstioMesh("bookinfo");
        mesh.AddRange(MeshYaml.Read(Reviews));
        mesh.AddServiceEntry("z-api", se => se.Hosts("z.example.com").Port(443, "https", Protocols.Https).Resolution(ServiceEntryResolution.Dns));
        mesh.AddServiceEntry("a-api", se => se.Hosts("a.example.com").Port(443, "https", Protocols.Https).Resolution(ServiceEntryResolution.Dns));
        mesh.Find<VirtualService>("reviews")!.Spec.Http[0].Timeout = TimeSpan.FromSeconds(5);

        Assert.Equal(
            ["added ServiceEntry bookinfo/a-api", "added ServiceEntry bookinfo/z-api", "changed VirtualService bookinfo/reviews"],
            MeshDiff.Compare(old, mesh.Resources).Select(c => c.ToString()));
    }

    [Fact]
    public void Config_repo_test_can_say_a_change_only_touched_one_route()
    {
        var before = MeshYaml.Read(Reviews);
        var after = MeshYaml.Read(Reviews);
        after.OfType<VirtualService>().Single().Spec.Http[0].Route[0].Weight = 90;
        after.OfType<VirtualService>().Single().Spec.Http[0].Route[1].Weight = 10;

        var change = Assert.Single(MeshDiff.Compare(before, after));
        Assert.Equal("reviews", change.Name);
        Assert.All(change.Fields, f => Assert.StartsWith("spec.http[0].route", f.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void Comparing_resources_of_different_kinds_is_refused()
    {
        var resources = MeshYaml.Read(Reviews);
        Assert.Throws<ArgumentException>(() => MeshDiff.Compare(resources[0], resources[1]));
    }

    [Fact]
    public void Every_seed_scenario_equals_itself_rewritten_canonically()
    {
        foreach (var file in TestPaths.ScenarioFiles.Where(f => !f.EndsWith(".input.yaml", StringComparison.Ordinal)))
        {
            var original = MeshYaml.ReadFile(file);
            Assert.Empty(MeshDiff.Compare(original, MeshYaml.Read(MeshYaml.Serialize(original))));
        }
    }
}
