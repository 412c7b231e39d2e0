using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Schema;
using Mesh.Dsl.Serialization;
using static Mesh.Dsl.Tests.Serialization.ReadErrors;

namespace Mesh.Dsl.Tests.Serialization;

/// <summary>
/// What the strict reader says about bad input: the exact <c>file:line:col: path: message</c> text,
/// with 1-based positions at the offending key or value.
/// </summary>
public class ReaderErrorTests
{
    [Fact]
    public void The_documented_example_error_reads_exactly_as_documented()
    {
        const string yaml = """
            # Routes for the shop.
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata:
              name: shop
              namespace: prod
            spec:
              hosts:
              - shop.example.com
              location: MESH_EXTERNAL
              resolution: DNS
              ports:
              - number:
                  eighty
                name: http
            """;

        var exception = Assert.Throws<MeshReadException>(() => MeshYaml.Read(yaml, "routes.yaml"));

        Assert.Equal("routes.yaml:14:7: spec.ports[0].number: expected an integer, got \"eighty\"", exception.Message);
        var error = Assert.Single(exception.Errors);
        Assert.Equal(new ReadError("routes.yaml", 14, 7, "spec.ports[0].number", "expected an integer, got \"eighty\""), error);
    }

    [Fact]
    public void A_string_read_without_a_file_name_is_called_input()
    {
        Assert.Equal(
            ["<input>:6:10: spec.hosts: expected a list, got \"shop\""],
            MeshYaml.TryRead(new StringReader(ServiceEntryHead + "  hosts: shop\n")).Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Several_errors_are_all_reported_in_source_order()
    {
        var errors = Of(ServiceEntryHead + """
              resolution: DSN
              hosts: [80]
              ports:
              - number: eighty
                nmae: http
            """);

        Assert.Equal(
            [
                "t.yaml:6:15: spec.resolution: expected one of NONE, STATIC, DNS, DNS_ROUND_ROBIN, DYNAMIC_DNS, got \"DSN\" (did you mean \"DNS\"?)",
                "t.yaml:7:11: spec.hosts[0]: expected a string, got 80 (quote it: \"80\")",
                "t.yaml:9:13: spec.ports[0].number: expected an integer, got \"eighty\"",
                "t.yaml:10:5: spec.ports[0].nmae: unknown field \"nmae\" in ServicePort (did you mean \"name\"?)",
            ],
            errors);
    }

    [Theory]
    [InlineData("  prots: []\n", "t.yaml:6:3: spec.prots: unknown field \"prots\" in ServiceEntry (did you mean \"ports\"?)")]
    [InlineData("  Hosts: [a]\n", "t.yaml:6:3: spec.Hosts: unknown field \"Hosts\" in ServiceEntry (did you mean \"hosts\"?)")]
    [InlineData("  subject_alt_names: [a]\n", "t.yaml:6:3: spec.subject_alt_names: unknown field \"subject_alt_names\" in ServiceEntry (did you mean \"subjectAltNames\"?)")]
    [InlineData("  frobnicate: true\n", "t.yaml:6:3: spec.frobnicate: unknown field \"frobnicate\" in ServiceEntry")]
    [InlineData("  ports:\n  - number: 80\n    protcol: HTTP\n", "t.yaml:8:5: spec.ports[0].protcol: unknown field \"protcol\" in ServicePort (did you mean \"protocol\"?)")]
    public void An_unknown_field_is_named_with_a_suggestion_when_one_is_close(string spec, string expected)
        => Assert.Equal([expected], Of(ServiceEntryHead + spec));

    [Fact]
    public void An_unknown_top_level_field_is_an_error()
        => Assert.Equal(
            ["t.yaml:6:1: specs: unknown field \"specs\" in ServiceEntry (did you mean \"spec\"?)"],
            Of(ServiceEntryHead.Replace("spec:\n", "spec: {}\n") + "specs: {}\n"));

    [Fact]
    public void An_unknown_metadata_field_is_an_error()
        => Assert.Equal(
            ["t.yaml:4:3: metadata.nmae: unknown field \"nmae\" in metadata (did you mean \"name\"?)"],
            Of("apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  nmae: shop\nspec: {}\n"));

    [Theory]
    [InlineData("  hosts: [a]\n  ports:\n  - number: eighty\n", "t.yaml:8:13: spec.ports[0].number: expected an integer, got \"eighty\"")]
    [InlineData("  hosts: [a]\n  ports:\n  - number: \"80\"\n", "t.yaml:8:13: spec.ports[0].number: expected an integer, got \"80\"")]
    [InlineData("  hosts: [a]\n  ports:\n  - number: 8.5\n", "t.yaml:8:13: spec.ports[0].number: expected an integer, got 8.5")]
    [InlineData("  hosts: [a]\n  ports:\n  - number: -1\n", "t.yaml:8:13: spec.ports[0].number: expected an integer from 0 to 4294967295, got -1")]
    [InlineData("  hosts: [a]\n  ports:\n  - number: 080\n", "t.yaml:8:13: spec.ports[0].number: expected an integer without leading zeros, got 080 (YAML 1.1 reads it as octal)")]
    [InlineData("  hosts: [80]\n", "t.yaml:6:11: spec.hosts[0]: expected a string, got 80 (quote it: \"80\")")]
    [InlineData("  hosts: [yes]\n", "t.yaml:6:11: spec.hosts[0]: expected a string, got yes (quote it: \"yes\")")]
    [InlineData("  hosts: [a]\n  ports:\n  - number: 80\n    name: [http]\n", "t.yaml:9:11: spec.ports[0].name: expected a string, got a list")]
    [InlineData("  hosts: {a: b}\n", "t.yaml:6:10: spec.hosts: expected a list, got a mapping")]
    [InlineData("  hosts: [a]\n  ports: {number: 80}\n", "t.yaml:7:10: spec.ports: expected a list, got a mapping")]
    [InlineData("  hosts: [a]\n  workloadSelector: [app]\n", "t.yaml:7:21: spec.workloadSelector: expected a mapping, got a list")]
    [InlineData("  hosts: [a]\n  workloadSelector:\n    labels: [app, shop]\n", "t.yaml:8:13: spec.workloadSelector.labels: expected a mapping, got a list")]
    [InlineData("  hosts: [a]\n  location: [MESH_EXTERNAL]\n", "t.yaml:7:13: spec.location: expected one of MESH_EXTERNAL, MESH_INTERNAL, got a list")]
    public void A_value_of_the_wrong_type_is_named_with_what_was_expected(string spec, string expected)
        => Assert.Equal([expected], Of(ServiceEntryHead + spec));

    [Fact]
    public void A_list_where_metadata_labels_expect_a_mapping_is_an_error()
        => Assert.Equal(
            ["t.yaml:5:11: metadata.labels: expected a mapping, got a list"],
            Of("apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: shop\n  labels: [app]\nspec: {}\n"));

    [Theory]
    [InlineData(false, "  resolution: DSN\n", "t.yaml:6:15: spec.resolution: expected one of NONE, STATIC, DNS, DNS_ROUND_ROBIN, DYNAMIC_DNS, got \"DSN\" (did you mean \"DNS\"?)")]
    [InlineData(false, "  resolution: dns\n", "t.yaml:6:15: spec.resolution: expected one of NONE, STATIC, DNS, DNS_ROUND_ROBIN, DYNAMIC_DNS, got \"dns\" (did you mean \"DNS\"?)")]
    [InlineData(false, "  location: OUTSIDE\n", "t.yaml:6:13: spec.location: expected one of MESH_EXTERNAL, MESH_INTERNAL, got \"OUTSIDE\"")]
    [InlineData(false, "  location: 1\n", "t.yaml:6:13: spec.location: expected one of MESH_EXTERNAL, MESH_INTERNAL, got 1")]
    [InlineData(true, "  mtls:\n    mode: strict\n", "t.yaml:8:11: spec.mtls.mode: expected one of UNSET, DISABLE, PERMISSIVE, STRICT, got \"strict\" (did you mean \"STRICT\"?)")]
    public void A_bad_enum_value_lists_the_valid_ones(bool peerAuthentication, string spec, string expected)
        => Assert.Equal([expected], Of((peerAuthentication ? PeerAuthenticationHead : ServiceEntryHead) + spec));

    [Theory]
    [InlineData("  portLevelMtls:\n    http:\n      mode: DISABLE\n", "t.yaml:8:5: spec.portLevelMtls[\"http\"]: expected a port number from 1 to 65535 as key, got \"http\"")]
    [InlineData("  portLevelMtls:\n    70000:\n      mode: DISABLE\n", "t.yaml:8:5: spec.portLevelMtls[70000]: expected a port number from 1 to 65535 as key, got \"70000\"")]
    [InlineData("  portLevelMtls:\n    8080: STRICT\n", "t.yaml:8:11: spec.portLevelMtls[8080]: expected a mapping, got \"STRICT\"")]
    [InlineData("  mtls: STRICT\n", "t.yaml:7:9: spec.mtls: expected a mapping, got \"STRICT\"")]
    public void PeerAuthentication_port_keys_and_messages_are_checked(string spec, string expected)
        => Assert.Equal([expected], Of(PeerAuthenticationHead + spec));

    [Fact]
    public void A_duplicate_field_is_an_error_at_the_second_key_and_the_resource_is_not_returned()
    {
        var result = Read(ServiceEntryHead + "  hosts: [a]\n  resolution: DNS\n  hosts: [b]\n");

        Assert.Equal(["t.yaml:8:3: spec.hosts: duplicate key \"hosts\" (first at line 6); only one may be given"], result.Errors.Select(e => e.ToString()));
        Assert.Empty(result.Resources);
    }

    [Fact]
    public void Duplicate_keys_are_found_in_metadata_labels_and_at_the_top()
    {
        const string yaml = """
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata:
              name: shop
              labels:
                app: shop
                app: shop2
            kind: ServiceEntry
            spec:
              hosts: [a]
            """;

        Assert.Equal(
            [
                "t.yaml:7:5: metadata.labels[\"app\"]: duplicate key \"app\" (first at line 6); only one may be given",
                "t.yaml:8:1: kind: duplicate key \"kind\" (first at line 2); only one may be given",
            ],
            Of(yaml));
    }

    [Fact]
    public void A_duplicate_port_key_is_an_error()
        => Assert.Equal(
            ["t.yaml:10:5: spec.portLevelMtls[8080]: duplicate key \"8080\" (first at line 8); only one may be given"],
            Of(PeerAuthenticationHead + "  portLevelMtls:\n    8080:\n      mode: DISABLE\n    8080:\n      mode: STRICT\n"));

    [Theory]
    [InlineData("  hosts:\n  - a\n - b\n", "t.yaml:8:2: invalid YAML: while parsing a block mapping, did not find expected key")]
    [InlineData("  hosts: [a, b\n", "t.yaml:7:1: invalid YAML: while parsing a flow sequence, did not find expected ',' or ']'")]
    [InlineData("  hosts: [\"a]\n", "t.yaml:6:11: invalid YAML: while scanning a quoted scalar, found unexpected end of stream")]
    [InlineData("  hosts: [a]\n\tresolution: DNS\n", "t.yaml:7:1: invalid YAML: a tab indents this line; YAML indents with spaces only")]
    [InlineData("  hosts:\n  \t- a\n", "t.yaml:7:3: invalid YAML: a tab indents this line; YAML indents with spaces only")]
    [InlineData("  hosts: [a]\n  ports:\n  - number: 80\n  \tname: http\n", "t.yaml:9:3: invalid YAML: a tab indents this line; YAML indents with spaces only")]
    [InlineData("  hosts: a: b\n", "t.yaml:6:11: invalid YAML: while scanning a plain scalar value, found invalid mapping")]
    [InlineData("  hosts: [\"a\\qb\"]\n", "t.yaml:6:11: invalid YAML: while scanning a quoted scalar, found unknown escape character")]
    [InlineData("  hosts: [*a]\n", "t.yaml:6:11: alias *a refers to no anchor (&a) before it in this document")]
    [InlineData("  hosts: [a]\n[resolution: DNS\n", "t.yaml:7:1: invalid YAML: while parsing a block mapping, did not find expected key")]
    [InlineData("  hosts: [a]\n[resolution: DNS\nx: y\n", "t.yaml:7:1: invalid YAML: it cannot be parsed after this point")]
    [InlineData("  hosts: !!] [a]\n", "t.yaml:6:8: invalid YAML: it cannot be parsed after this point")]
    public void A_YAML_syntax_error_is_one_clear_error_at_its_position(string spec, string expected)
    {
        var errors = Of(ServiceEntryHead + spec);

        Assert.Equal([expected], errors);
        Assert.DoesNotContain("YamlDotNet", errors[0], StringComparison.Ordinal);
        Assert.DoesNotContain("(Line:", errors[0], StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_documents_before_a_syntax_error_are_still_read()
    {
        var result = Read(ServiceEntryHead + "  hosts: [a]\n---\n" + ServiceEntryHead + "  hosts: [\n");

        var entry = Assert.IsType<ServiceEntry>(Assert.Single(result.Resources));
        Assert.Equal(["a"], entry.Spec.Hosts);
        Assert.Equal(["t.yaml:14:1: invalid YAML: while parsing a node, did not find expected node content"], result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Positions_count_lines_the_same_with_CRLF_line_ends_and_a_byte_order_mark()
        => Assert.Equal(
            ["t.yaml:6:11: spec.hosts[0]: expected a string, got 80 (quote it: \"80\")"],
            Of("\uFEFF" + (ServiceEntryHead + "  hosts: [80]\n").Replace("\n", "\r\n")));

    [Fact]
    public void Tabs_that_indent_JSON_are_not_errors()
    {
        var result = Read("{\n\t\"apiVersion\": \"networking.istio.io/v1\",\n\t\"kind\": \"ServiceEntry\",\n\t\"metadata\": {\"name\": \"a\\/b\"},\n\t\"spec\": {\"hosts\": [\"a\"]}\n}\n");

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal("a/b", Assert.Single(result.Resources).Metadata.Name);
    }

    [Fact]
    public void Errors_in_JSON_input_have_positions_too()
    {
        const string json = """
            {
              "apiVersion": "networking.istio.io/v1",
              "kind": "ServiceEntry",
              "metadata": {"name": "shop"},
              "spec": {"hosts": ["a"], "ports": [{"number": "80", "name": "http"}]}
            }
            """;

        Assert.Equal(["t.json:5:49: spec.ports[0].number: expected an integer, got \"80\""], Of(json, "t.json"));
    }

    [Fact]
    public void Two_members_of_a_one_of_group_are_an_error_at_the_second()
    {
        // No registered kind has a one-of yet (StringMatch and friends arrive with VirtualService):
        // the schema mechanism they will use is checked with a message of the same shape.
        var schema = new MessageSchema<Match>("StringMatch", () => new())
            .Field("exact", x => x.Exact, (x, v) => x.Exact = v, Codecs.String, oneOf: "matchType")
            .Field("prefix", x => x.Prefix, (x, v) => x.Prefix = v, Codecs.String, oneOf: "matchType")
            .Field("regex", x => x.Regex, (x, v) => x.Regex = v, Codecs.String, oneOf: "matchType");
        var context = new ReadContext("m.yaml");
        var root = YamlDocumentParser.Parse(new StringReader("exact: /a\nprefix: /b\nregex: ~\n")).Documents[0].Root!.Value;

        schema.Read(root, context);

        Assert.Equal(
            ["m.yaml:2:1: prefix: only one of exact, prefix, regex may be set, but both \"exact\" and \"prefix\" are"],
            context.SortedErrors().Select(e => e.ToString()));
    }

    [Fact]
    public void A_kind_of_Istio_that_Mesh_Dsl_does_not_model_is_kept_as_it_is()
    {
        // Every kind of Istio's CRD bundle is modelled; IstioOperator (the installer's) is Istio's but not mesh configuration.
        const string policy = "---\n# the control plane\napiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata:\n  name: control-plane\n  namespace: istio-system\nspec: {}\n";
        var result = Read(ServiceEntryHead + "  hosts: [a]\n" + policy);

        Assert.Empty(result.Errors);
        Assert.Single(result.Resources);
        var other = Assert.Single(result.OtherDocuments);
        Assert.Equal(
            ("install.istio.io/v1alpha1", "IstioOperator", "istio-system", "control-plane", "t.yaml", 7, policy),
            (other.ApiVersion, other.Kind, other.Namespace, other.Name, other.File, other.Line, other.Text));
    }

    [Fact]
    public void A_kind_that_is_not_Istio_is_kept_as_it_is()
    {
        const string deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: shop\nspec: {}\n";
        var result = Read(deployment);

        Assert.Empty(result.Errors);
        Assert.Empty(result.Resources);
        Assert.Equal(deployment, Assert.Single(result.OtherDocuments).Text);
    }

    [Fact]
    public void A_misspelled_kind_gets_a_suggestion()
        => Assert.Equal(
            ["t.yaml:2:7: kind: ServiceEntri (networking.istio.io/v1) is not a kind Istio defines in networking.istio.io: ServiceEntry, DestinationRule, VirtualService, Gateway, Sidecar, WorkloadEntry, WorkloadGroup, EnvoyFilter, ProxyConfig (did you mean \"ServiceEntry\"?)"],
            Of(ServiceEntryHead.Replace("kind: ServiceEntry", "kind: ServiceEntri") + "  hosts: [a]\n"));

    [Fact]
    public void A_misspelled_kind_of_Istio_that_Mesh_Dsl_does_not_model_gets_a_suggestion()
        => Assert.Equal(
            ["t.yaml:2:7: kind: AuthorisationPolicy (security.istio.io/v1) is not a kind Istio defines in security.istio.io: PeerAuthentication, AuthorizationPolicy, RequestAuthentication (did you mean \"AuthorizationPolicy\"?)"],
            Of("apiVersion: security.istio.io/v1\nkind: AuthorisationPolicy\nmetadata:\n  name: deny\nspec: {}\n"));

    [Theory]
    [InlineData("networking.istio.io/v2", "t.yaml:1:13: apiVersion: Istio does not serve ServiceEntry as networking.istio.io/v2; use one of networking.istio.io/v1, networking.istio.io/v1beta1, networking.istio.io/v1alpha3")]
    [InlineData("networking.istio.io/v1alpha1", "t.yaml:1:13: apiVersion: Istio does not serve ServiceEntry as networking.istio.io/v1alpha1; use one of networking.istio.io/v1, networking.istio.io/v1beta1, networking.istio.io/v1alpha3")]
    [InlineData("security.istio.io/v1", "t.yaml:1:13: apiVersion: ServiceEntry is served as networking.istio.io/v1, networking.istio.io/v1beta1, networking.istio.io/v1alpha3, not security.istio.io/v1")]
    [InlineData("v1", "t.yaml:1:13: apiVersion: ServiceEntry is served as networking.istio.io/v1, networking.istio.io/v1beta1, networking.istio.io/v1alpha3, not v1")]
    public void An_api_version_Istio_does_not_serve_for_a_known_kind_is_an_error(string apiVersion, string expected)
        => Assert.Equal([expected], Of(ServiceEntryHead.Replace("networking.istio.io/v1", apiVersion) + "  hosts: [a]\n"));

    [Fact]
    public void PeerAuthentication_is_not_served_in_networking_v1alpha3()
        => Assert.Equal(
            ["t.yaml:1:13: apiVersion: Istio does not serve PeerAuthentication as security.istio.io/v1alpha3; use one of security.istio.io/v1, security.istio.io/v1beta1"],
            Of(PeerAuthenticationHead.Replace("security.istio.io/v1", "security.istio.io/v1alpha3") + "  mtls: {mode: STRICT}\n"));

    [Theory]
    [InlineData("- a\n- b\n", "t.yaml:1:1: expected a Kubernetes resource (a mapping with apiVersion, kind, metadata and spec), got a list")]
    [InlineData("hello\n", "t.yaml:1:1: expected a Kubernetes resource (a mapping with apiVersion, kind, metadata and spec), got \"hello\"")]
    [InlineData("---\n42\n", "t.yaml:2:1: expected a Kubernetes resource (a mapping with apiVersion, kind, metadata and spec), got 42")]
    public void A_document_that_is_not_a_mapping_is_an_error(string yaml, string expected)
        => Assert.Equal([expected], Of(yaml));

    [Fact]
    public void Empty_documents_and_comments_hold_no_resource_and_no_error()
    {
        var result = Read("# nothing here\n---\n---\n# still nothing\n---\nnull\n...\n");

        Assert.True(result.Succeeded);
        Assert.Empty(result.Resources);
    }

    [Theory]
    [InlineData("kind: ServiceEntry\nmetadata:\n  name: a\n", "t.yaml:1:1: missing apiVersion: every Kubernetes resource names its apiVersion and kind")]
    [InlineData("apiVersion: networking.istio.io/v1\nmetadata:\n  name: a\n", "t.yaml:1:1: missing kind: every Kubernetes resource names its apiVersion and kind")]
    [InlineData("metadata:\n  name: a\nspec: {}\n", "t.yaml:1:1: missing apiVersion and kind: every Kubernetes resource names its apiVersion and kind")]
    [InlineData("spec:\n  hosts: [a.example.com]\n", "t.yaml:1:1: missing apiVersion and kind: every Kubernetes resource names its apiVersion and kind")]
    [InlineData("apiVersion: v2\nkind: ~\nname: chart\n", "t.yaml:2:7: kind: expected a kind such as ServiceEntry, got null")]
    [InlineData("apiVersion: networking.istio.io/v1\nkind: ~\n", "t.yaml:2:7: kind: expected a kind such as ServiceEntry, got null")]
    [InlineData("apiVersion: [networking.istio.io/v1]\nkind: ServiceEntry\n", "t.yaml:1:13: apiVersion: expected an API version such as networking.istio.io/v1, got a list")]
    public void A_missing_or_empty_api_version_or_kind_is_an_error(string yaml, string expected)
        => Assert.Equal([expected], Of(yaml));

    [Fact]
    public void Null_items_in_lists_and_maps_are_errors()
    {
        const string yaml = """
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata:
              name: shop
              labels: {app: }
            spec:
              hosts:
              - a
              -
              - ~
              ports:
              - null
            """;

        Assert.Equal(
            [
                "t.yaml:5:17: metadata.labels[\"app\"]: expected a string, got null",
                "t.yaml:9:4: spec.hosts[1]: expected a string, got null",
                "t.yaml:10:5: spec.hosts[2]: expected a string, got null",
                "t.yaml:12:5: spec.ports[0]: expected a mapping, got null",
            ],
            Of(yaml));
    }

    [Fact]
    public void An_explicit_null_field_means_unset()
    {
        var entry = Assert.IsType<ServiceEntry>(Assert.Single(MeshYaml.Read(ServiceEntryHead + "  hosts: [a]\n  resolution: null\n  ports: ~\n")));

        Assert.Null(entry.Spec.Resolution);
        Assert.Empty(entry.Spec.Ports);
    }

    [Fact]
    public void A_status_that_is_not_a_mapping_is_an_error()
        => Assert.Equal(
            ["t.yaml:7:9: status: expected a mapping, got a list"],
            Of(ServiceEntryHead + "  hosts: [a]\nstatus: [conditions]\n"));

    [Fact]
    public void A_spec_that_is_not_a_mapping_is_an_error()
        => Assert.Equal(
            ["t.yaml:5:7: spec: expected a mapping, got a list"],
            Of(ServiceEntryHead.Replace("spec:\n", "spec: [hosts]\n")));

    [Fact]
    public void A_string_value_in_an_error_is_escaped_and_shortened()
    {
        var error = Assert.Single(Of(ServiceEntryHead + "  hosts: [a]\n  resolution: \"" + new string('x', 100) + "\\n\"\n"));

        Assert.Equal($"t.yaml:7:15: spec.resolution: expected one of NONE, STATIC, DNS, DNS_ROUND_ROBIN, DYNAMIC_DNS, got \"{new string('x', 80)}\"...", error);
    }

    private sealed class Match
    {
        public string? Exact { get; set; }

        public string? Prefix { get; set; }

        public string? Regex { get; set; }
    }
}
