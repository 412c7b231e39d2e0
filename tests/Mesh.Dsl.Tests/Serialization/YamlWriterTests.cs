using k8s.Models;
using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Model.Security;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Tests.Serialization;

/// <summary>The canonical YAML (and JSON) writer: quoting, block scalars, omissions, bytes.</summary>
public class YamlWriterTests
{
    public static TheoryData<string, string> Scalars => new()
    {
        { "*.cnn.com", "\"*.cnn.com\"" },
        { "*", "\"*\"" },
        { "yes", "\"yes\"" },
        { "no", "\"no\"" },
        { "on", "\"on\"" },
        { "Off", "\"Off\"" },
        { "y", "\"y\"" },
        { "True", "\"True\"" },
        { "null", "\"null\"" },
        { "NULL", "\"NULL\"" },
        { "~", "\"~\"" },
        { "80", "\"80\"" },
        { "-80", "\"-80\"" },
        { "+1", "\"+1\"" },
        { "1_000", "\"1_000\"" },
        { "1e3", "\"1e3\"" },
        { "1.5", "\"1.5\"" },
        { ".5", "\".5\"" },
        { "1.", "\"1.\"" },
        { ".inf", "\".inf\"" },
        { "-.Inf", "\"-.Inf\"" },
        { ".NaN", "\".NaN\"" },
        { "0x1F", "\"0x1F\"" },
        { "0o17", "\"0o17\"" },
        { "0b101", "\"0b101\"" },
        { "017", "\"017\"" },
        { "1:30", "\"1:30\"" },
        { "12:30:45.5", "\"12:30:45.5\"" },
        { "-", "\"-\"" },
        { "- a", "\"- a\"" },
        { "? a", "\"? a\"" },
        { ":", "\":\"" },
        { "a: b", "\"a: b\"" },
        { "a:", "\"a:\"" },
        { "a #b", "\"a #b\"" },
        { "#x", "\"#x\"" },
        { "@x", "\"@x\"" },
        { "`x", "\"`x\"" },
        { "!x", "\"!x\"" },
        { "&x", "\"&x\"" },
        { "%x", "\"%x\"" },
        { "|x", "\"|x\"" },
        { ">x", "\">x\"" },
        { "'x'", "\"'x'\"" },
        { "\"x\"", "\"\\\"x\\\"\"" },
        { "[a]", "\"[a]\"" },
        { "{a}", "\"{a}\"" },
        { ",a", "\",a\"" },
        { "<<", "\"<<\"" },
        { "---", "\"---\"" },
        { "...", "\"...\"" },
        { " a", "\" a\"" },
        { "a ", "\"a \"" },
        { "", "\"\"" },
        { "a\tb", "\"a\\tb\"" },
        { "a\\b", "a\\b" },
        { "a\u2028b", "\"a\\u2028b\"" },
        { "a\u0085b", "\"a\\u0085b\"" },
        { "\ufeffa", "\"\\ufeffa\"" },
        { "a\0b", "\"a\\0b\"" },
        { "ünïcödé-日本語", "ünïcödé-日本語" },
        { "emoji-😀", "emoji-😀" },
        { "0.0.0.0:80", "0.0.0.0:80" },
        { "0.0.0.0", "0.0.0.0" },
        { "1.2.3.4", "1.2.3.4" },
        { "10.0.0.0/8", "10.0.0.0/8" },
        { "2001:db8::1", "2001:db8::1" },
        { "::1", "::1" },
        { "v1.2.3", "v1.2.3" },
        { ".", "." },
        { "a:b", "a:b" },
        { "a,b", "a,b" },
        { "a#b", "a#b" },
        { "-a", "-a" },
        { "?a", "?a" },
        { "~a", "~a" },
        { "it's", "it's" },
        { "edition.cnn.com", "edition.cnn.com" },
        { "istio-system/*", "istio-system/*" },
        { "unix:///var/run/app.sock", "unix:///var/run/app.sock" },
    };

    [Theory]
    [MemberData(nameof(Scalars))]
    public void A_string_is_quoted_only_where_YAML_would_misread_it_and_reads_back_the_same(string value, string written)
    {
        var entry = new ServiceEntry { Metadata = new V1ObjectMeta { Name = "q" } };
        entry.Spec.Hosts.Add(value);

        var yaml = MeshYaml.Serialize(entry);

        Assert.Equal($"apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: q\nspec:\n  hosts:\n  - {written}\n", yaml);
        var read = Assert.IsType<ServiceEntry>(Assert.Single(MeshYaml.Read(yaml)));
        Assert.Equal(value, Assert.Single(read.Spec.Hosts));
    }

    [Fact]
    public void Port_map_keys_are_written_as_plain_numbers_in_yaml_and_strings_in_json()
    {
        var policy = new PeerAuthentication { Metadata = new V1ObjectMeta { Name = "p" } };
        policy.Spec.Selector = new LabelSelector();
        policy.Spec.Selector.MatchLabels["app"] = "httpbin";
        policy.Spec.PortLevelMtls[9080] = new MutualTls { Mode = MutualTlsMode.Disable };

        var yaml = MeshYaml.Serialize(policy);
        Assert.Contains("  portLevelMtls:\n    9080:\n      mode: DISABLE\n", yaml, StringComparison.Ordinal);
        Assert.Contains("\"9080\": {", MeshJson.Serialize(policy), StringComparison.Ordinal);
        Assert.True(ResourceComparer.Instance.Equals(policy, MeshYaml.Read(yaml).Single()));
        Assert.True(ResourceComparer.Instance.Equals(policy, MeshYaml.Read(MeshJson.Serialize(policy)).Single()));
    }

    [Fact]
    public void Map_keys_are_quoted_by_the_same_rules_and_keep_their_order()
    {
        var entry = new ServiceEntry { Metadata = new V1ObjectMeta { Name = "k", Labels = new Dictionary<string, string> { ["zone"] = "a", ["yes"] = "1", ["app.kubernetes.io/name"] = "on" } } };

        var yaml = MeshYaml.Serialize(entry);

        Assert.Equal("apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: k\n  labels:\n    zone: a\n    \"yes\": \"1\"\n    app.kubernetes.io/name: \"on\"\nspec: {}\n", yaml);
        Assert.True(ResourceComparer.Instance.Equals(entry, Assert.Single(MeshYaml.Read(yaml))));
    }

    private const string Pem = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUZ3J5\n-----END CERTIFICATE-----";

    [Theory]
    [InlineData(Pem + "\n", "|", "")]
    [InlineData(Pem, "|-", "")]
    [InlineData(Pem + "\n\n", "|+", "\n")]
    public void A_multi_line_PEM_is_written_as_a_literal_block_with_its_chomping_and_reads_back(string pem, string header, string extraLine)
    {
        var entry = new ServiceEntry { Metadata = new V1ObjectMeta { Name = "pem", Annotations = new Dictionary<string, string> { ["ca.crt"] = pem } } };
        entry.Spec.Hosts.Add(pem);

        var yaml = MeshYaml.Serialize(entry);

        var block = "-----BEGIN CERTIFICATE-----\n{0}MIIBszCCAVmgAwIBAgIUZ3J5\n{0}-----END CERTIFICATE-----\n";
        Assert.Equal(
            "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: pem\n  annotations:\n"
            + $"    ca.crt: {header}\n      " + string.Format(block, "      ") + extraLine
            + $"spec:\n  hosts:\n  - {header}\n    " + string.Format(block, "    ") + extraLine,
            yaml);
        var read = Assert.IsType<ServiceEntry>(Assert.Single(MeshYaml.Read(yaml)));
        Assert.Equal(pem, read.Metadata.Annotations["ca.crt"]);
        Assert.Equal(pem, Assert.Single(read.Spec.Hosts));
    }

    [Theory]
    [InlineData("first\n  indented\nlast\n", "|\n    first\n      indented\n    last\n")]
    [InlineData("a\n\nb", "|-\n    a\n\n    b\n")]
    [InlineData("\nleading newline", "\"\\nleading newline\"")]
    [InlineData(" leading space\nx", "\" leading space\\nx\"")]
    [InlineData("a\r\nb", "\"a\\r\\nb\"")]
    [InlineData("a\n   \nb", "\"a\\n   \\nb\"")]
    [InlineData("tab\tin\nblock", "\"tab\\tin\\nblock\"")]
    public void Multi_line_strings_use_a_literal_block_only_when_it_reads_back_exactly(string value, string written)
    {
        var entry = new ServiceEntry { Metadata = new V1ObjectMeta { Name = "m" } };
        entry.Spec.Hosts.Add(value);

        var yaml = MeshYaml.Serialize(entry);

        Assert.Equal($"apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: m\nspec:\n  hosts:\n  - {written}" + (written.EndsWith('\n') ? string.Empty : "\n"), yaml);
        Assert.Equal(value, Assert.Single(Assert.IsType<ServiceEntry>(Assert.Single(MeshYaml.Read(yaml))).Spec.Hosts));
    }

    [Fact]
    public void Output_is_LF_only_UTF8_without_BOM_and_the_same_bytes_every_time()
    {
        var resources = new IstioResource[] { FullServiceEntry(), FullPeerAuthentication() };

        var first = WriteBytes(resources);
        var second = WriteBytes(resources);

        Assert.Equal(first, second);
        Assert.False(first.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }));
        Assert.DoesNotContain((byte)'\r', first);
        Assert.Equal((byte)'\n', first[^1]);
        Assert.Equal(MeshYaml.Serialize(resources), MeshYaml.Utf8.GetString(first));
        Assert.Contains("\n---\n", MeshYaml.Utf8.GetString(first), StringComparison.Ordinal);
    }

    [Fact]
    public void A_present_but_empty_message_is_written_as_braces()
    {
        var policy = new PeerAuthentication { Metadata = new V1ObjectMeta { Name = "p" } };
        policy.Spec.Mtls = new MutualTls();
        policy.Spec.Selector = new LabelSelector();

        var yaml = MeshYaml.Serialize(policy);

        Assert.Equal("apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: p\nspec:\n  selector: {}\n  mtls: {}\n", yaml);
        var read = Assert.IsType<PeerAuthentication>(Assert.Single(MeshYaml.Read(yaml)));
        Assert.NotNull(read.Spec.Mtls);
        Assert.NotNull(read.Spec.Selector);
    }

    [Fact]
    public void Empty_metadata_and_spec_are_written_as_braces()
        => Assert.Equal("apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {}\nspec: {}\n", MeshYaml.Serialize(new ServiceEntry()));

    [Fact]
    public void Empty_lists_and_maps_are_left_out()
    {
        var entry = new ServiceEntry { Metadata = new V1ObjectMeta { Name = "e", Labels = new Dictionary<string, string>(), Annotations = new Dictionary<string, string>() } };
        entry.Spec.Hosts.Add("a.example.com");
        entry.Spec.Endpoints.Add(new WorkloadEntrySpec { Address = "1.1.1.1" });
        entry.Spec.WorkloadSelector = null;

        Assert.Equal(
            "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: e\nspec:\n  hosts:\n  - a.example.com\n  endpoints:\n  - address: 1.1.1.1\n",
            MeshYaml.Serialize(entry));
    }

    [Fact]
    public void Fields_are_written_in_proto_order_with_ports_number_first()
    {
        Assert.Equal(
            """
            apiVersion: networking.istio.io/v1alpha3
            kind: ServiceEntry
            metadata:
              name: full
              namespace: shop
              labels:
                app: shop
              annotations:
                note: "yes"
            spec:
              hosts:
              - shop.example.com
              addresses:
              - 10.0.0.0/8
              ports:
              - number: 80
                name: http
                protocol: HTTP
                targetPort: 8080
              location: MESH_INTERNAL
              resolution: STATIC
              endpoints:
              - address: 10.1.2.3
                ports:
                  http: 8080
                labels:
                  version: v1
                network: net1
                locality: us-east1/a
                weight: 3
                serviceAccount: shop-sa
              exportTo:
              - .
              subjectAltNames:
              - spiffe://cluster.local/ns/shop/sa/shop-sa

            """,
            MeshYaml.Serialize(FullServiceEntry()));
    }

    [Fact]
    public void JSON_output_reads_back_to_equal_resources()
    {
        foreach (var resource in new IstioResource[] { FullServiceEntry(), FullPeerAuthentication(), WeirdStrings() })
        {
            var json = MeshJson.Serialize(resource);

            Assert.DoesNotContain('\r', json);
            var read = Assert.Single(MeshYaml.Read(json, "r.json"));
            Assert.True(ResourceComparer.Instance.Equals(resource, read), json);
        }
    }

    [Fact]
    public void A_JSON_List_reads_back_every_item_in_order()
    {
        var resources = new IstioResource[] { FullServiceEntry(), FullPeerAuthentication(), WeirdStrings() };

        var json = MeshJson.Serialize(resources, indented: false);

        Assert.StartsWith("{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[{\"apiVersion\":\"networking.istio.io/v1alpha3\"", json, StringComparison.Ordinal);
        var read = MeshYaml.Read(json);
        Assert.Equal(resources, read, ResourceComparer.Instance);
    }

    [Fact]
    public void A_YAML_List_reads_its_items_and_reports_errors_with_their_index()
    {
        const string yaml = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: security.istio.io/v1
              kind: PeerAuthentication
              metadata: {name: a}
              spec: {mtls: {mode: STRICT}}
            - apiVersion: security.istio.io/v1
              kind: PeerAuthentication
              metadata: {name: b}
              spec: {mtls: {mode: strict}}
            """;

        var result = MeshYaml.TryRead(new StringReader(yaml), "list.yaml");

        Assert.Equal("a", Assert.Single(result.Resources).Metadata.Name);
        Assert.Equal(
            ["list.yaml:11:23: items[1].spec.mtls.mode: expected one of UNSET, DISABLE, PERMISSIVE, STRICT, got \"strict\" (did you mean \"STRICT\"?)"],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void YAML_output_reads_back_to_equal_resources_and_writes_the_same_text()
    {
        var resources = new IstioResource[] { FullServiceEntry(), FullPeerAuthentication(), WeirdStrings() };

        var yaml = MeshYaml.Serialize(resources);
        var read = MeshYaml.Read(yaml);

        Assert.Equal(resources, read, ResourceComparer.Instance);
        Assert.Equal(yaml, MeshYaml.Serialize(read));
    }

    internal static ServiceEntry FullServiceEntry()
    {
        var entry = new ServiceEntry
        {
            ApiVersion = ApiVersions.NetworkingV1Alpha3,
            Metadata = new V1ObjectMeta
            {
                Name = "full",
                NamespaceProperty = "shop",
                Labels = new Dictionary<string, string> { ["app"] = "shop" },
                Annotations = new Dictionary<string, string> { ["note"] = "yes" },
            },
        };
        var spec = entry.Spec;
        spec.Hosts.Add("shop.example.com");
        spec.Addresses.Add("10.0.0.0/8");
        spec.Ports.Add(new ServicePort { Number = 80, Name = "http", Protocol = "HTTP", TargetPort = 8080 });
        spec.Location = ServiceEntryLocation.MeshInternal;
        spec.Resolution = ServiceEntryResolution.Static;
        var endpoint = new WorkloadEntrySpec { Address = "10.1.2.3", Network = "net1", Locality = "us-east1/a", Weight = 3, ServiceAccount = "shop-sa" };
        endpoint.Ports.Add("http", 8080);
        endpoint.Labels.Add("version", "v1");
        spec.Endpoints.Add(endpoint);
        spec.ExportTo.Add(".");
        spec.SubjectAltNames.Add("spiffe://cluster.local/ns/shop/sa/shop-sa");
        return entry;
    }

    internal static PeerAuthentication FullPeerAuthentication()
    {
        var policy = new PeerAuthentication { ApiVersion = ApiVersions.SecurityV1Beta1, Metadata = new V1ObjectMeta { Name = "httpbin", NamespaceProperty = "test" } };
        policy.Spec.Selector = new LabelSelector();
        policy.Spec.Selector.MatchLabels.Add("app", "httpbin");
        policy.Spec.Mtls = new MutualTls { Mode = MutualTlsMode.Strict };
        policy.Spec.PortLevelMtls.Add(9080, new MutualTls { Mode = MutualTlsMode.Disable });
        policy.Spec.PortLevelMtls.Add(9443, new MutualTls());
        return policy;
    }

    private static ServiceEntry WeirdStrings()
    {
        var entry = new ServiceEntry { Metadata = new V1ObjectMeta { Name = "weird", Annotations = new Dictionary<string, string> { ["pem"] = Pem + "\n", ["yes"] = "no" } } };
        entry.Spec.Hosts.AddRange(["*.cnn.com", "a\u2028b", "a\u0085b", "tab\there", "quote\"back\\slash", "ünï-😀", "", " ", "0.0.0.0:80", "1:30"]);
        return entry;
    }

    private static byte[] WriteBytes(IEnumerable<IstioResource> resources)
    {
        using var stream = new MemoryStream();
        MeshYaml.Write(stream, resources);
        return stream.ToArray();
    }
}
