using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Serialization;
using Mesh.Dsl.Validation;
using Mesh.Dsl.Validation.Rules;
using static Mesh.Dsl.Tests.Validation.ValidationTestHelper;

namespace Mesh.Dsl.Tests.Validation;

/// <summary>
/// IST0130 (unreachable rule) and IST0131 (ineffective match) for http, tcp and tls rules, named and worded as
/// istiod's validation and istioctl analyze name them: each case a failing VirtualService with the exact
/// diagnostics and a passing one.
/// </summary>
public class VirtualServiceMatchCoverageTests
{
    private const string Route = "  route: [{destination: {host: reviews}}]\n";
    private const string TcpRoute = "  route: [{destination: {host: tcp-echo, port: {number: 9000}}}]\n";
    private const string TlsRoute = "  route: [{destination: {host: www1.example.com}}]\n";
    private const string Duplicate = "It repeats an earlier match, which takes its requests first; remove it or change it.";
    private const string Overlap = "The earlier, shorter prefix takes its requests first; move the longer prefix before it or remove this match.";

    [Fact]
    public void A_rule_after_a_rule_without_matches_is_not_used()
    {
        var yaml = Http("- name: all\n" + Route + "- match: [{uri: {prefix: /a}}, {uri: {prefix: /b}}]\n" + Route);

        // Istio reports it once per match of the rule; istioctl keeps one of the identical messages.
        Assert.Equal(
            ["IST0130 Warning spec.http[1]: VirtualService rule #1 not used (route without matches defined before). Rule \"all\" has no matches and takes every request first; move it last."],
            Findings(yaml));
        Assert.Empty(Findings(Http("- match: [{uri: {prefix: /a}}, {uri: {prefix: /b}}]\n" + Route + "- name: all\n" + Route)));
    }

    [Fact]
    public void Only_the_last_rule_can_have_no_matches()
    {
        var yaml = Http("- name: a\n  fault: {delay: {fixedDelay: 5s, percentage: {value: 100}}}\n" + Route + "- name: b\n  mirror: {host: ratings}\n" + Route + "- name: c\n" + Route);
        Assert.Equal(
            [
                "IST0130 Warning spec.http[1]: VirtualService rule \"b\" not used (only the last rule can have no matches). Rule \"a\" has no matches either and takes every request first; give one of them matches or remove one.",
                "IST0130 Warning spec.http[2]: VirtualService rule \"c\" not used (only the last rule can have no matches). Rule \"b\" has no matches either and takes every request first; give one of them matches or remove one.",
            ],
            Findings(yaml));

        // The fault and the mirror in one rule: one catch-all.
        Assert.Empty(Findings(Http("- fault: {delay: {fixedDelay: 5s, percentage: {value: 100}}}\n  mirror: {host: ratings}\n" + Route)));
    }

    [Fact]
    public void A_match_that_repeats_one_of_an_earlier_rule_is_not_used_and_so_is_a_rule_of_only_such_matches()
    {
        // The match's name is no condition: the two matches are the same.
        const string foo = "- name: send to foo\n  match: [{name: products, uri: {prefix: /api/v1/products}}]\n" + Route;
        var yaml = Http(foo + "- name: send to bar\n  match: [{uri: {prefix: /api/v1/products}}]\n" + Route);
        Assert.Equal(
            [
                $"IST0131 Info spec.http[1].match[0]: VirtualService rule \"send to bar\" match #0 is not used (duplicate/overlapping match in rule \"send to foo\"). {Duplicate}",
                "IST0130 Warning spec.http[1]: VirtualService rule \"send to bar\" not used (all matches used by prior rules). Remove the rule or change its matches.",
            ],
            Findings(yaml));
        Assert.Empty(Findings(Http(foo + "- name: send to bar\n  match: [{uri: {prefix: /api/v1/items}}]\n" + Route)));
    }

    [Fact]
    public void A_rule_with_one_new_match_is_used_and_only_its_repeated_match_is_reported()
    {
        var yaml = Http(
            "- match: [{uri: {prefix: /api/v1/products}}]\n" + Route +
            "- name: products and potatoes\n  match: [{name: products, uri: {prefix: /api/v1/products}}, {name: potatoes, uri: {prefix: /potato}}]\n" + Route);
        Assert.Equal(
            [$"IST0131 Info spec.http[1].match[0]: VirtualService rule \"products and potatoes\" match \"products\" is not used (duplicate/overlapping match in rule #0). {Duplicate}"],
            Findings(yaml));
    }

    [Fact]
    public void A_match_that_repeats_one_of_its_own_rule_is_not_used()
    {
        Assert.Equal(
            [$"IST0131 Info spec.http[0].match[1]: VirtualService rule #0 match #1 is not used (duplicate/overlapping match in rule #0). {Duplicate}"],
            Findings(Http("- match: [{uri: {exact: /a}}, {uri: {exact: /a}}]\n" + Route)));
        Assert.Empty(Findings(Http("- match: [{uri: {exact: /a}}, {uri: {exact: /a}, method: {exact: POST}}]\n" + Route)));
    }

    [Fact]
    public void Matches_are_the_same_whatever_the_order_of_their_headers_but_not_with_another_stat_prefix()
    {
        const string headers = "- match: [{headers: {x-a: {exact: one}, x-b: {exact: two}}}]\n" + Route + "- match: [{headers: {x-b: {exact: two}, x-a: {exact: one}}}]\n" + Route;
        Assert.Equal(["IST0131 spec.http[1].match[0]", "IST0130 spec.http[1]"], Codes(Http(headers)));

        // Istio compares every field but the name; statPrefix and ignoreUriCase are fields too.
        Assert.Empty(Codes(Http("- match: [{uri: {exact: /a}, statPrefix: one}]\n" + Route + "- match: [{uri: {exact: /a}, statPrefix: two}]\n" + Route)));
        Assert.Empty(Codes(Http("- match: [{uri: {exact: /a}}]\n" + Route + "- match: [{uri: {exact: /a}, ignoreUriCase: true}]\n" + Route)));
    }

    [Fact]
    public void Tcp_rules_with_repeated_matches_are_reported_like_http_rules()
    {
        var yaml = Tcp("- match: [{port: 31400}]\n" + TcpRoute + "- match: [{port: 31400}]\n" + TcpRoute);
        Assert.Equal(
            [
                $"IST0131 Info spec.tcp[1].match[0]: VirtualService rule #1 match #0 is not used (duplicate/overlapping match in rule #0). {Duplicate}",
                "IST0130 Warning spec.tcp[1]: VirtualService rule #1 not used (all matches used by prior rules). Remove the rule or change its matches.",
            ],
            Findings(yaml));

        Assert.Equal(
            [$"IST0131 Info spec.tcp[1].match[0]: VirtualService rule #1 match #0 is not used (duplicate/overlapping match in rule #0). {Duplicate}"],
            Findings(Tcp("- match: [{port: 31400}]\n" + TcpRoute + "- match: [{port: 31400}, {port: 31401}]\n" + TcpRoute)));

        Assert.Empty(Findings(Tcp("- match: [{port: 31400}]\n" + TcpRoute + "- match: [{port: 31401}]\n" + TcpRoute + "-" + TcpRoute[1..])));
    }

    [Fact]
    public void Tcp_rules_without_matches_are_reported_like_http_rules()
    {
        Assert.Equal(
            ["IST0130 Warning spec.tcp[1]: VirtualService rule #1 not used (only the last rule can have no matches). Rule #0 has no matches either and takes every request first; give one of them matches or remove one."],
            Findings(Tcp("-" + TcpRoute[1..] + "-" + TcpRoute[1..])));
        Assert.Equal(
            ["IST0130 Warning spec.tcp[1]: VirtualService rule #1 not used (route without matches defined before). Rule #0 has no matches and takes every request first; move it last."],
            Findings(Tcp("-" + TcpRoute[1..] + "- match: [{port: 31400}]\n" + TcpRoute)));
    }

    [Fact]
    public void Tls_rules_with_repeated_matches_are_reported_like_http_rules()
    {
        const string match = "{port: 2443, sniHosts: [www1.example.com]}";
        var yaml = Tls($"- match: [{match}]\n" + TlsRoute + $"- match: [{match}]\n" + TlsRoute);
        Assert.Equal(
            [
                $"IST0131 Info spec.tls[1].match[0]: VirtualService rule #1 match #0 is not used (duplicate/overlapping match in rule #0). {Duplicate}",
                "IST0130 Warning spec.tls[1]: VirtualService rule #1 not used (all matches used by prior rules). Remove the rule or change its matches.",
            ],
            Findings(yaml));
        Assert.Equal(
            [$"IST0131 Info spec.tls[1].match[0]: VirtualService rule #1 match #0 is not used (duplicate/overlapping match in rule #0). {Duplicate}"],
            Findings(Tls($"- match: [{match}]\n" + TlsRoute + $"- match: [{match}, {{port: 8443, sniHosts: [www1.example.com]}}]\n" + TlsRoute)));

        // Another port, or the SNI hosts in another order (Istio compares the lists as written): no repeat.
        Assert.Empty(Findings(Tls($"- match: [{match}]\n" + TlsRoute + "- match: [{port: 8443, sniHosts: [www1.example.com]}]\n" + TlsRoute)));
        Assert.Empty(Findings(Tls(
            "- match: [{sniHosts: [www1.example.com, www2.example.com]}]\n" + TlsRoute + "- match: [{sniHosts: [www2.example.com, www1.example.com]}]\n" + TlsRoute,
            "[www1.example.com, www2.example.com]")));
    }

    [Fact]
    public void Tls_rules_without_matches_are_reported_besides_the_missing_match_error()
    {
        var diagnostics = Validate(Tls("-" + TlsRoute[1..] + "-" + TlsRoute[1..]));
        Assert.Equal(
            ["IST0130 Warning spec.tls[1]: VirtualService rule #1 not used (only the last rule can have no matches). Rule #0 has no matches either and takes every request first; give one of them matches or remove one."],
            Findings(diagnostics));
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.MissingField && d.Path == "spec.tls[0].match");
    }

    [Fact]
    public void A_shorter_prefix_without_method_covers_a_longer_prefix_with_method_get_in_the_same_rule()
    {
        var yaml = Http("- name: products\n  match: [{uri: {prefix: /api/v1/product}}, {uri: {prefix: /api/v1/products}, method: {exact: GET}}]\n" + Route);
        Assert.Equal(
            [$"IST0131 Info spec.http[0].match[1]: VirtualService rule \"products\" match #1 of prefix /api/v1/products is not used (duplicate/overlapping match in rule #0 of prefix /api/v1/product on \"products\"). {Overlap}"],
            Findings(yaml));

        // The longer prefix first: both matches are used.
        Assert.Empty(Findings(Http("- name: products\n  match: [{uri: {prefix: /api/v1/products}, method: {exact: GET}}, {uri: {prefix: /api/v1/product}}]\n" + Route)));
    }

    [Fact]
    public void A_shorter_prefix_covers_a_longer_one_of_a_later_rule_with_the_same_method()
    {
        var yaml = Http(
            "- name: first\n  match: [{uri: {prefix: /api/v1/product}, method: {exact: GET}}]\n" + Route +
            "- name: second\n  match: [{uri: {prefix: /api/v1/products}, method: {exact: GET}}]\n" + Route);
        Assert.Equal(
            [$"IST0131 Info spec.http[1].match[0]: VirtualService rule \"second\" match #0 of prefix /api/v1/products is not used (duplicate/overlapping match in rule #0 of prefix /api/v1/product on \"first\"). {Overlap}"],
            Findings(yaml));

        // Another method is other requests; the rule is not reported as unreachable either way.
        Assert.Empty(Findings(yaml.Replace("products}, method: {exact: GET}", "products}, method: {exact: POST}", StringComparison.Ordinal)));
    }

    [Fact]
    public void Only_the_matches_the_earlier_prefix_covers_are_reported()
    {
        var yaml = Http(
            "- name: first\n  match: [{uri: {prefix: /api/v1/prod}, method: {exact: GET}}]\n" + Route +
            "- name: second\n  match: [{uri: {prefix: /api/v1/product}, method: {exact: GET}}, {uri: {prefix: /api/v1/products}, method: {exact: POST}}]\n" + Route);
        Assert.Equal(
            [$"IST0131 Info spec.http[1].match[0]: VirtualService rule \"second\" match #0 of prefix /api/v1/product is not used (duplicate/overlapping match in rule #0 of prefix /api/v1/prod on \"first\"). {Overlap}"],
            Findings(yaml));
    }

    [Fact]
    public void A_match_covered_by_two_earlier_prefixes_is_reported_for_each()
    {
        // Istio names the covering match's index where it says "rule", then its rule after "on".
        var yaml = Http("- match: [{uri: {prefix: /a}}, {uri: {prefix: /ab}}, {uri: {prefix: /abc}}]\n" + Route);
        Assert.Equal(
            [
                $"IST0131 Info spec.http[0].match[1]: VirtualService rule #0 match #1 of prefix /ab is not used (duplicate/overlapping match in rule #0 of prefix /a on #0). {Overlap}",
                $"IST0131 Info spec.http[0].match[2]: VirtualService rule #0 match #2 of prefix /abc is not used (duplicate/overlapping match in rule #0 of prefix /a on #0). {Overlap}",
                $"IST0131 Info spec.http[0].match[2]: VirtualService rule #0 match #2 of prefix /abc is not used (duplicate/overlapping match in rule #1 of prefix /ab on #0). {Overlap}",
            ],
            Findings(yaml));
    }

    [Fact]
    public void An_exact_uri_under_an_earlier_prefix_is_not_reported_as_istio_compares_prefixes_only()
    {
        Assert.Empty(Findings(Http("- match: [{uri: {prefix: /}}, {uri: {exact: /}, method: {exact: GET}}]\n" + Route)));
        Assert.Empty(Findings(Http("- match: [{uri: {prefix: /}}]\n" + Route + "- match: [{uri: {exact: /index.html}}]\n" + Route)));
    }

    [Theory]
    [InlineData("an earlier method GET, a later match of every method", "method: {exact: GET}", "")]
    [InlineData("an earlier authority, a later match of every authority", "authority: {exact: shop.example.com}", "")]
    [InlineData("an earlier exact header value longer than the later one", "headers: {x-user: {exact: abc}}", "headers: {x-user: {exact: ab}}")]
    [InlineData("an earlier prefix header value longer than the later one", "headers: {x-user: {prefix: abc}}", "headers: {x-user: {prefix: ab}}")]
    [InlineData("two different header regexes", "headers: {x-user: {regex: 'a.*'}}", "headers: {x-user: {regex: 'b.*'}}")]
    [InlineData("an earlier query regex, a later match of any value", "queryParams: {q: {regex: 'a.*'}}", "queryParams: {q: {}}")]
    [InlineData("two different method regexes", "method: {regex: 'G.*'}", "method: {regex: 'P.*'}")]
    [InlineData("an earlier exact withoutHeaders value longer than the later one", "withoutHeaders: {x-user: {exact: abc}}", "withoutHeaders: {x-user: {exact: ab}}")]
    [InlineData("an earlier scheme, a later match of every scheme", "scheme: {exact: https}", "")]
    [InlineData("earlier source labels, a later match of every source", "sourceLabels: {app: shop}", "")]
    [InlineData("an earlier source namespace, a later match of every namespace", "sourceNamespace: shop", "")]
    [InlineData("an earlier gateway other than the later one's", "gateways: [gw-a]", "gateways: [gw-b]")]
    [InlineData("a case-sensitive earlier prefix, a later case-insensitive one", "", "ignoreUriCase: true")]
    public void A_prefix_that_istio_calls_covering_but_that_does_not_cover_is_not_reported(string why, string earlier, string later)
    {
        var yaml = Prefixes(earlier, later);
        Assert.True(IstioCovers(yaml), $"{why}: istio's test does not call it covering");
        Assert.True(Findings(yaml).Count == 0, $"{why}: {string.Join("\n", Findings(yaml))}");
    }

    [Theory]
    [InlineData("a later match with more source labels", "", "sourceLabels: {app: shop}")]
    [InlineData("the same header regex", "headers: {x-user: {regex: 'a.*'}}", "headers: {x-user: {regex: 'a.*'}}")]
    [InlineData("the same gateway", "gateways: [gw-a]", "gateways: [gw-a]")]
    [InlineData("a later match at one of the earlier match's gateways", "", "gateways: [gw-b]")]
    [InlineData("a case-insensitive earlier prefix", "ignoreUriCase: true", "")]
    [InlineData("an earlier withoutHeaders prefix that excludes less", "withoutHeaders: {x-user: {prefix: abc}}", "withoutHeaders: {x-user: {prefix: ab}}")]
    [InlineData("a later method regex under no method", "", "method: {regex: 'G.*'}")]
    [InlineData("the same port", "port: 8080", "port: 8080")]
    public void A_prefix_that_covers_in_istio_s_terms_and_in_fact_is_reported(string why, string earlier, string later)
    {
        Assert.True(IstioCovers(Prefixes(earlier, later)), $"{why}: istio's test does not call it covering");
        var findings = Findings(Prefixes(earlier, later));
        Assert.True(findings.Count == 1 && findings[0].StartsWith("IST0131 Info spec.http[1].match[0]: VirtualService rule #1 match #0 of prefix /api/v1/products is not used (duplicate/overlapping match in rule #0 of prefix /api/v1/product on #0).", StringComparison.Ordinal), $"{why}: {string.Join("\n", findings)}");
    }

    [Fact]
    public void Matches_after_a_rule_without_matches_are_compared_with_nothing()
    {
        Assert.Equal(
            ["IST0130 Warning spec.http[2]: VirtualService rule #2 not used (route without matches defined before). Rule #1 has no matches and takes every request first; move it last."],
            Findings(Http("- match: [{uri: {prefix: /a}}]\n" + Route + "-" + Route[1..] + "- match: [{uri: {prefix: /ab}}, {uri: {prefix: /a}}]\n" + Route)));
    }

    [Fact]
    public void Names_are_quoted_as_go_quotes_them()
    {
        var yaml = Http("- name: 'say \"hi\"\\tnow'\n" + Route + "- name: 'tab\there'\n" + Route);
        Assert.Equal(
            ["IST0130 Warning spec.http[1]: VirtualService rule \"tab\\there\" not used (only the last rule can have no matches). Rule \"say \\\"hi\\\"\\\\tnow\" has no matches either and takes every request first; give one of them matches or remove one."],
            Findings(yaml));
    }

    [Fact]
    public void A_rule_that_repeats_one_of_several_earlier_rules_names_the_first()
    {
        // As in istio's many-duplicates case: each repeat names the first rule with the match.
        var rules = new[] { "/fake", "/fake", "/fake", "/prefix", "/fake", "/prefix" };
        var yaml = Http(string.Concat(rules.Select(p => $"- match: [{{uri: {{prefix: {p}}}}}]\n" + Route)));
        Assert.Equal(
            [
                "IST0131 spec.http[1].match[0] #0", "IST0130 spec.http[1]",
                "IST0131 spec.http[2].match[0] #0", "IST0130 spec.http[2]",
                "IST0131 spec.http[4].match[0] #0", "IST0130 spec.http[4]",
                "IST0131 spec.http[5].match[0] #3", "IST0130 spec.http[5]",
            ],
            Validate(yaml).Where(IsFinding).Select(d => $"{d.Code} {d.Path}" + (d.Code == DiagnosticCodes.VirtualServiceIneffectiveMatch ? " " + d.Message.Split("in rule ")[1].Split(')')[0] : string.Empty)));
    }

    [Fact]
    public void The_virtual_services_of_istios_duplicate_and_overlapping_match_cases_get_istioctl_s_findings()
    {
        // Resources of the same shapes as istio's analyzer test files virtualservice_dupmatches.yaml and
        // virtualservice_overlappingmatches.yaml, written anew; the expected codes per resource are that test's.
        var yaml = Join(
            Resource("VirtualService", "hosts: [sample.foo.svc.cluster.local]\nhttp:\n- fault: {delay: {fixedDelay: 5s, percentage: {value: 100}}}\n  route: [{destination: {host: sample.foo.svc.cluster.local}}]\n- mirror: {host: sample.bar.svc.cluster.local}\n  route: [{destination: {host: sample.bar.svc.cluster.local}}]", "catch-all-twice", "foo"),
            Resource("VirtualService", "hosts: [sample.baz.svc.cluster.local]\nhttp:\n- name: to foo\n  match: [{name: products, uri: {prefix: /api/v1/products}}]\n  route: [{destination: {host: sample.foo.svc.cluster.local}}]\n- name: to bar\n  match: [{uri: {prefix: /api/v1/products}}]\n  route: [{destination: {host: sample.bar.svc.cluster.local}}]", "repeated-match"),
            Resource("VirtualService", "hosts: [sample.bar.svc.cluster.local]\nhttp:\n- match: [{uri: {prefix: /api/v1/products}}]\n  route: [{destination: {host: sample.foo.svc.cluster.local}}]\n- match: [{uri: {prefix: /api/v1/products}}, {uri: {prefix: /potato}}]\n  route: [{destination: {host: sample.bar.svc.cluster.local}}]", "one-repeated-match"),
            Resource("VirtualService", "hosts: [tcp-echo]\ntcp:\n- match: [{port: 31400}]\n" + TcpRoute + "- match: [{port: 31400}]\n" + TcpRoute, "repeated-tcp-match"),
            Resource("VirtualService", "hosts: [tcp-echo]\ntcp:\n-" + TcpRoute[1..] + "-" + TcpRoute[1..], "tcp-catch-all-twice"),
            Resource("VirtualService", "hosts: [tcp-echo]\ntcp:\n- match: [{port: 31400}]\n" + TcpRoute + "- match: [{port: 31400}, {port: 31401}]\n" + TcpRoute, "one-repeated-tcp-match"),
            Resource("VirtualService", "hosts: [www1.example.com]\ntls:\n- match: [{port: 2443, sniHosts: [www1.example.com]}]\n" + TlsRoute + "- match: [{port: 2443, sniHosts: [www1.example.com]}]\n" + TlsRoute, "repeated-tls-match", "none"),
            Resource("VirtualService", "hosts: [www1.example.com]\ntls:\n- match: [{port: 2443, sniHosts: [www1.example.com]}]\n" + TlsRoute + "- match: [{port: 2443, sniHosts: [www1.example.com]}, {port: 8443, sniHosts: [www1.example.com]}]\n" + TlsRoute, "one-repeated-tls-match", "none"),
            Resource("VirtualService", "hosts: [reviews]\nhttp:\n- match: [{uri: {prefix: /v1/item}}, {uri: {prefix: /v1/items}, method: {exact: GET}}]\n" + Route, "method-less-prefix"),
            Resource("VirtualService", "hosts: [reviews]\nhttp:\n- match: [{uri: {prefix: /}}, {uri: {exact: /}, method: {exact: GET}}]\n" + Route, "prefix-and-exact"),
            Resource("VirtualService", "hosts: [reviews]\nhttp:\n- match: [{uri: {prefix: /v1/item}, method: {exact: GET}}, {uri: {prefix: /v1/items}, method: {exact: GET}}]\n" + Route, "overlap-in-one-rule"),
            Resource("VirtualService", "hosts: [reviews]\nhttp:\n- match: [{uri: {prefix: /v1/item}, method: {exact: GET}}]\n" + Route + "- match: [{uri: {prefix: /v1/items}, method: {exact: GET}}]\n" + Route, "overlap-in-two-rules"),
            Resource("VirtualService", "hosts: [reviews]\nhttp:\n- match: [{uri: {prefix: /v1/it}, method: {exact: GET}}]\n" + Route + "- match: [{uri: {prefix: /v1/item}, method: {exact: GET}}, {uri: {prefix: /v1/items}, method: {exact: POST}}]\n" + Route, "overlap-with-other-methods"));
        Assert.Equal(
            [
                "IST0130 foo/catch-all-twice",
                "IST0131 default/repeated-match", "IST0130 default/repeated-match",
                "IST0131 default/one-repeated-match",
                "IST0131 default/repeated-tcp-match", "IST0130 default/repeated-tcp-match",
                "IST0130 default/tcp-catch-all-twice",
                "IST0131 default/one-repeated-tcp-match",
                "IST0131 none/repeated-tls-match", "IST0130 none/repeated-tls-match",
                "IST0131 none/one-repeated-tls-match",
                "IST0131 default/method-less-prefix",
                "IST0131 default/overlap-in-one-rule",
                "IST0131 default/overlap-in-two-rules",
                "IST0131 default/overlap-with-other-methods",
            ],
            Validate(yaml).Where(IsFinding).Select(d => $"{d.Code} {d.Namespace}/{d.Name}"));
    }

    /// <summary>A VirtualService with an earlier <c>/api/v1/product</c> and a later <c>/api/v1/products</c> prefix match, each with more conditions.</summary>
    private static string Prefixes(string earlier, string later)
    {
        static string Match(string prefix, string more) => more.Length == 0 ? $"{{uri: {{prefix: {prefix}}}}}" : $"{{uri: {{prefix: {prefix}}}, {more}}}";
        return Resource("VirtualService", "hosts: [reviews]\ngateways: [gw-a, gw-b]\nhttp:\n" + $"- match: [{Match("/api/v1/product", earlier)}]\n" + Route + $"- match: [{Match("/api/v1/products", later)}]\n" + Route);
    }

    /// <summary>Whether istio's own covering test holds for the first match of the first two rules of <paramref name="yaml"/>'s VirtualService.</summary>
    private static bool IstioCovers(string yaml)
    {
        var http = ((VirtualService)MeshYaml.Read(yaml, "test.yaml")[0]).Spec.Http;
        return VirtualServiceMatchCoverage.IstioCovers(http[0].Match[0], http[1].Match[0]);
    }

    private static string Http(string rules) => Resource("VirtualService", "hosts: [reviews]\nhttp:\n" + rules);

    private static string Tcp(string rules) => Resource("VirtualService", "hosts: [tcp-echo]\ntcp:\n" + rules);

    private static string Tls(string rules, string hosts = "[www1.example.com]") => Resource("VirtualService", $"hosts: {hosts}\ntls:\n" + rules);

    private static bool IsFinding(Diagnostic d) => d.Code is DiagnosticCodes.VirtualServiceUnreachableRule or DiagnosticCodes.VirtualServiceIneffectiveMatch;

    /// <summary>The IST0130 and IST0131 diagnostics as <c>CODE Severity path: message</c>, in report order.</summary>
    private static List<string> Findings(string yaml) => Findings(Validate(yaml));

    private static List<string> Findings(IReadOnlyList<Diagnostic> diagnostics)
        => diagnostics.Where(IsFinding).Select(d => $"{d.Code} {d.Severity} {d.Path}: {d.Message}").ToList();

    private static List<string> Codes(string yaml) => Validate(yaml).Where(IsFinding).Select(d => $"{d.Code} {d.Path}").ToList();
}
