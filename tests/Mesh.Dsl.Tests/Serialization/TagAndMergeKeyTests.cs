using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Serialization;
using static Mesh.Dsl.Tests.Serialization.ReadErrors;

namespace Mesh.Dsl.Tests.Serialization;

/// <summary>
/// Explicit tags read as Kubernetes reads them (YAML turned into JSON: a tag decides a scalar's JSON type, and tags
/// JSON has no type for are refused), and merge keys (<c>&lt;&lt;</c>) merged within the alias limits.
/// </summary>
public class TagAndMergeKeyTests
{
    private static ServiceEntry Entry(string spec) => (ServiceEntry)Assert.Single(MeshYaml.Read(ServiceEntryHead + spec, "t.yaml"));

    [Fact]
    public void A_number_tagged_str_is_a_string_and_refused_where_an_integer_is_expected()
    {
        Assert.Equal(
            ["t.yaml:8:13: spec.ports[0].number: expected an integer, got \"9080\""],
            Of(ServiceEntryHead + "  hosts: [a.example.com]\n  ports:\n  - number: !!str 9080\n    name: http\n"));
    }

    [Fact]
    public void A_quoted_number_tagged_int_is_the_integer()
    {
        var entry = Entry("  hosts: [a.example.com]\n  ports:\n  - {number: !!int \"80\", name: http, protocol: !!str HTTP}\n");

        Assert.Equal(80u, entry.Spec.Ports[0].Number);
        Assert.Equal("HTTP", entry.Spec.Ports[0].Protocol);
    }

    [Fact]
    public void A_value_its_tag_does_not_fit_is_an_error()
    {
        Assert.Equal(
            ["t.yaml:6:20: spec.ports[0].number: expected an integer, got \"eighty\""],
            Of(ServiceEntryHead + "  ports: [{number: !!int eighty, name: http}]\n  hosts: [a.example.com]\n"));
    }

    [Fact]
    public void A_string_field_refuses_a_value_tagged_as_a_number_or_boolean()
    {
        Assert.Equal(
            [
                "t.yaml:6:11: spec.hosts[0]: expected a string, got !!int \"80\" (the tag makes it an integer; remove the tag)",
                "t.yaml:6:21: spec.hosts[1]: expected a string, got !!bool \"true\" (the tag makes it a boolean; remove the tag)",
            ],
            Of(ServiceEntryHead + "  hosts: [!!int 80, !!bool true]\n"));
    }

    [Fact]
    public void Str_and_the_non_specific_tag_make_a_plain_number_a_string()
    {
        var entry = Entry("  hosts: [!!str 80, ! 443, !<tag:yaml.org,2002:str> 8080]\n");

        Assert.Equal(["80", "443", "8080"], entry.Spec.Hosts);
    }

    [Fact]
    public void Core_tags_on_their_own_types_change_nothing()
    {
        var entry = Entry("  hosts: !!seq [!!str a.example.com]\n  ports: [!!map {number: !!int 443, name: https}]\n  exportTo: !!null\n");

        Assert.Equal(["a.example.com"], entry.Spec.Hosts);
        Assert.Equal(443u, entry.Spec.Ports[0].Number);
    }

    [Theory]
    [InlineData("  hosts: [!Ref host]\n", "t.yaml:6:11: the tag !Ref is not supported here: Kubernetes reads YAML as JSON, so only !!str, !!int, !!float, !!bool or !!null can be given; remove the tag")]
    [InlineData("  hosts: [!!binary aGVsbG8=]\n", "t.yaml:6:11: the tag !!binary is not supported here: Kubernetes reads YAML as JSON, so only !!str, !!int, !!float, !!bool or !!null can be given; remove the tag")]
    [InlineData("  hosts: [!!timestamp 2001-12-14]\n", "t.yaml:6:11: the tag !!timestamp is not supported here: Kubernetes reads YAML as JSON, so only !!str, !!int, !!float, !!bool or !!null can be given; remove the tag")]
    [InlineData("  hosts: !!set {a.example.com: }\n", "t.yaml:6:10: the tag !!set is not supported here: Kubernetes reads YAML as JSON, so only !!map on a mapping can be given; remove the tag")]
    [InlineData("  hosts: !!map [a.example.com]\n", "t.yaml:6:10: the tag !!map is not supported here: Kubernetes reads YAML as JSON, so only !!seq on a list can be given; remove the tag")]
    [InlineData("  hosts: !vault [a.example.com]\n", "t.yaml:6:10: the tag !vault is not supported here: Kubernetes reads YAML as JSON, so only !!seq on a list can be given; remove the tag")]
    public void Other_tags_are_refused_rather_than_read_as_strings(string spec, string expected)
    {
        Assert.Equal([expected], Of(ServiceEntryHead + spec));
    }

    private const string PortsWithMerge = """
          hosts: [a.example.com]
          ports:
          - &http {number: 80, name: http, protocol: HTTP}
          - <<: *http
            number: 8080
            name: http-alt
          - name: http-third
            <<: *http
            number: 8081

        """;

    [Fact]
    public void A_merge_key_adds_the_keys_the_mapping_does_not_have_wherever_it_stands()
    {
        var ports = Entry(PortsWithMerge).Spec.Ports;

        Assert.Equal(
            ["80 http HTTP", "8080 http-alt HTTP", "8081 http-third HTTP"],
            ports.Select(p => $"{p.Number} {p.Name} {p.Protocol}").ToArray());
    }

    [Fact]
    public void The_fast_parser_leaves_merge_keys_to_yamldotnet_and_both_read_the_same()
    {
        Assert.Null(SimpleYamlParser.TryParse(ServiceEntryHead + PortsWithMerge));
        Assert.Null(SimpleYamlParser.TryParse("a: {<<: {b: 1}}\n"));
        Assert.Null(SimpleYamlParser.TryParse("a:\n  <<: {b: 1}\n"));
        Assert.NotNull(SimpleYamlParser.TryParse("a: {c: {b: 1}}\n"));
        Assert.NotNull(SimpleYamlParser.TryParse("a:\n  c: {b: 1}\n  '<<': 1\n"));
        Assert.Empty(Of(ServiceEntryHead + "  hosts: [a.example.com]\n  ports:\n  - <<: {number: 80, name: http}\n    protocol: HTTP\n"));
    }

    [Fact]
    public void In_a_list_of_merged_mappings_the_earlier_one_wins()
    {
        var entry = Entry("""
              hosts: [a.example.com]
              ports:
              - &first {number: 80, name: first}
              - &second {number: 81, name: second, protocol: TCP}
              - {<<: [*first, *second], name: merged}

            """);

        var merged = entry.Spec.Ports[2];
        Assert.Equal("80 merged TCP", $"{merged.Number} {merged.Name} {merged.Protocol}");
    }

    [Fact]
    public void A_merged_mapping_can_itself_hold_a_merge_key()
    {
        var entry = Entry("""
              hosts: [a.example.com]
              ports:
              - &base {number: 80, protocol: HTTP, name: base}
              - &mid {<<: *base, name: mid}
              - {<<: *mid, number: 82}

            """);

        Assert.Equal("82 mid HTTP", $"{entry.Spec.Ports[2].Number} {entry.Spec.Ports[2].Name} {entry.Spec.Ports[2].Protocol}");
    }

    [Fact]
    public void An_error_in_a_merged_value_is_reported_for_each_place_it_is_merged_at_the_anchor()
    {
        Assert.Equal(
            [
                "t.yaml:8:17: spec.ports[0].number: expected an integer, got \"eighty\"",
                "t.yaml:8:17: spec.ports[1].number: expected an integer, got \"eighty\"",
            ],
            Of(ServiceEntryHead + "  hosts: [a.example.com]\n  ports:\n  - &p {number: eighty, name: http}\n  - {<<: *p, name: other}\n"));
    }

    [Theory]
    [InlineData("  hosts: [a.example.com]\n  ports:\n  - {<<: [a.example.com], name: http}\n", "t.yaml:8:11: a merge key (<<) takes a mapping or a list of mappings, such as <<: *defaults")]
    [InlineData("  hosts: &h [a.example.com]\n  ports:\n  - {<<: *h, name: http}\n", "t.yaml:6:14: a merge key (<<) takes a mapping or a list of mappings, such as <<: *defaults")]
    [InlineData("  ports: &self\n  - {number: 80, name: http}\n  - &p {<<: *p, name: a}\n", "t.yaml:8:5: a merge key (<<) cannot merge a mapping into itself")]
    public void A_merge_key_with_something_else_than_mappings_is_an_error(string spec, string expected)
    {
        Assert.Equal([expected], Of(ServiceEntryHead + spec));
    }

    [Fact]
    public void A_quoted_merge_key_is_an_ordinary_key()
    {
        Assert.Equal(
            ["t.yaml:6:12: spec.ports[0].<<: unknown field \"<<\" in ServicePort"],
            Of(ServiceEntryHead + "  ports: [{\"<<\": {number: 80}, number: 80, name: http}]\n  hosts: [a.example.com]\n").Take(1));
    }

    [Fact]
    public void Merges_count_towards_the_alias_limit()
    {
        var keys = string.Join(", ", Enumerable.Range(0, 100).Select(i => $"k{i}: v"));
        var text = ServiceEntryHead.Replace("spec:\n", $"  labels: &big {{{keys}}}\n  annotations:\n" + string.Concat(Enumerable.Range(0, 1100).Select(i => $"    m{i}: {{<<: *big}}\n")) + "spec:\n", StringComparison.Ordinal);

        var errors = Of(text);

        Assert.Contains(errors, e => e.EndsWith("aliases expand this document beyond 100,000 values (an alias bomb?)", StringComparison.Ordinal));
    }
}
