using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Tests.Model;
using Mesh.Dsl.Validation;
using static Mesh.Dsl.Tests.Validation.ValidationTestHelper;

namespace Mesh.Dsl.Tests.Validation;

/// <summary>
/// EnvoyFilter field rules: the CRD schema and CEL, istiod's webhook (ValidateEnvoyFilter, its cases from
/// envoyfilter_test.go and the CRD test data written as YAML), and the analyzer's operations Istio ignores.
/// </summary>
public class EnvoyFilterRulesTests
{
    private const string HttpFilterMatch = "match: {listener: {filterChain: {filter: {name: envoy.filters.network.http_connection_manager, subFilter: {name: envoy.filters.http.router}}}}}";

    internal static string EnvoyFilter(string spec, string name = "f")
    {
        var body = string.Join("\n", spec.Trim('\n').Split('\n').Select(l => "  " + l));
        return $"apiVersion: networking.istio.io/v1alpha3\nkind: EnvoyFilter\nmetadata:\n  name: {name}\n  namespace: default\nspec:\n{body}\n";
    }

    private static IReadOnlyList<Diagnostic> Filter(string spec) => Validate(EnvoyFilter(spec));

    private static void Expect(string spec, string code, string path, string message, DiagnosticSeverity severity = DiagnosticSeverity.Error)
    {
        var diagnostic = Single(Filter(spec), code);
        Assert.Equal((severity, path, message), (diagnostic.Severity, diagnostic.Path, diagnostic.Message));
    }

    public static TheoryData<string> ValidFilters() => new(
        "{}",

        // envoyfilter_test.go "happy config", with the priority that makes its relative operation deterministic.
        """
        priority: 1
        configPatches:
        - applyTo: CLUSTER
          match: {cluster: {}}
          patch: {operation: ADD, value: {lb_policy: RING_HASH}}
        - applyTo: NETWORK_FILTER
          match: {listener: {filterChain: {name: envoy.tcp_proxy}}}
          patch: {operation: INSERT_BEFORE, value: {typed_config: {'@type': type.googleapis.com/envoy.extensions.filters.http.ext_authz.v3.ExtAuthz}}}
        - applyTo: NETWORK_FILTER
          match: {listener: {filterChain: {name: envoy.tcp_proxy}}}
          patch: {operation: INSERT_FIRST, value: {typed_config: {'@type': type.googleapis.com/envoy.extensions.filters.http.ext_authz.v3.ExtAuthz}}}
        """,

        // envoyfilter_test.go "duration marshal".
        "configPatches: [{applyTo: CLUSTER, patch: {operation: ADD, value: {dns_refresh_rate: 500ms}}}]",

        // The CRD test data: envoyfilter-valid.yaml (the waypoint REMOVE patches with a priority).
        """
        configPatches:
        - applyTo: HTTP_FILTER
          match: {listener: {filterChain: {filter: {name: envoy.filters.network.http_connection_manager}}}}
          patch:
            operation: INSERT_FIRST
            value:
              name: envoy.filters.http.ext_proc
              typed_config:
                '@type': type.googleapis.com/envoy.extensions.filters.http.ext_proc.v3.ExternalProcessor
                failure_mode_allow: false
                processing_mode: {request_header_mode: SEND, request_body_mode: FULL_DUPLEX_STREAMED}
                grpc_service: {envoy_grpc: {cluster_name: fake-cluster}}
        """,
        """
        priority: -1
        configPatches:
        - applyTo: HTTP_FILTER
          match: {context: WAYPOINT, waypoint: {filter: {name: envoy.filters.network.http_connection_manager, subFilter: {name: envoy.filters.http.router}}}}
          patch: {operation: REMOVE}
        - applyTo: CLUSTER
          match: {context: WAYPOINT, waypoint: {}}
          patch: {operation: REMOVE}
        """,
        "configPatches: [{applyTo: CLUSTER, patch: {operation: ADD, value: {name: lua_cluster}}}]",
        """
        configPatches:
        - applyTo: NETWORK_FILTER
          match: {listener: {filterChain: {transportProtocol: tls}}}
          patch:
            operation: MERGE_AND_REPLACE_LIST
            value:
              name: envoy.filters.network.http_connection_manager
              typed_config:
                '@type': type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager
                upgrade_configs: [{upgrade_type: websocket}]
        """,

        // Selection by reference, a bootstrap patch, an Istio type of a v2alpha1 package (still known) and an ECDS filter.
        """
        targetRefs: [{kind: Gateway, group: gateway.networking.k8s.io, name: ingress}]
        configPatches:
        - applyTo: BOOTSTRAP
          patch: {operation: MERGE, value: {stats_config: {use_all_default_tags: false}}}
        - applyTo: HTTP_FILTER
          match: {context: GATEWAY, proxy: {proxyVersion: '^1\.2[0-9].*'}, listener: {portNumber: 8443, filterChain: {filter: {name: envoy.filters.network.http_connection_manager}}}}
          patch: {operation: INSERT_FIRST, filterClass: AUTHN, value: {name: alpn, typed_config: {'@type': type.googleapis.com/istio.envoy.config.filter.http.alpn.v2alpha1.FilterConfig}}}
        - applyTo: HTTP_FILTER
          patch: {operation: ADD, value: {name: ecds, config_discovery: {type_urls: [type.googleapis.com/envoy.extensions.filters.http.wasm.v3.Wasm]}}}
        - applyTo: VIRTUAL_HOST
          match: {context: SIDECAR_OUTBOUND, routeConfiguration: {vhost: {name: 'reviews:80'}}}
          patch: {operation: MERGE, value: {retry_policy: {num_retries: 3}}}
        """);

    [Theory]
    [MemberData(nameof(ValidFilters))]
    public void Valid_filters_are_clean(string spec) => AssertClean(Filter(spec));

    [Fact]
    public void A_filter_that_sets_every_field_is_clean()
        => AssertClean(Filter(
            """
            workloadSelector: {labels: {istio: ingressgateway}}
            priority: 5
            configPatches:
            - applyTo: HTTP_FILTER
              match:
                context: GATEWAY
                proxy: {proxyVersion: '^1\.2[0-9].*', metadata: {ISTIO_VERSION: '1.24'}}
                listener:
                  portNumber: 8443
                  portName: https
                  name: 0.0.0.0_8443
                  listenerFilter: envoy.filters.listener.tls_inspector
                  filterChain:
                    name: main
                    sni: api.example.com
                    transportProtocol: tls
                    applicationProtocols: h2,http/1.1
                    destinationPort: 8443
                    filter: {name: envoy.filters.network.http_connection_manager, subFilter: {name: envoy.filters.http.router}}
              patch:
                operation: INSERT_BEFORE
                filterClass: AUTHZ
                value:
                  name: envoy.filters.http.lua
                  typed_config:
                    '@type': type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua
                    default_source_code: {inline_string: 'function envoy_on_request(h) end'}
            - applyTo: HTTP_ROUTE
              match:
                context: SIDECAR_OUTBOUND
                routeConfiguration:
                  portNumber: 80
                  portName: http
                  gateway: istio-system/ingress
                  name: '80'
                  vhost: {name: 'reviews:80', domainName: reviews, route: {name: default, action: ROUTE}}
              patch: {operation: MERGE, value: {timeout: 5s}}
            - applyTo: CLUSTER
              match: {context: SIDECAR_OUTBOUND, cluster: {portNumber: 9080, service: reviews.default.svc.cluster.local, subset: v1, name: 'outbound|9080|v1|reviews.default.svc.cluster.local'}}
              patch: {operation: MERGE, value: {connect_timeout: 1s}}
            - applyTo: HTTP_FILTER
              match:
                context: WAYPOINT
                waypoint:
                  portNumber: 8080
                  route: {name: default}
                  filter: {name: envoy.filters.network.http_connection_manager, subFilter: {name: envoy.filters.http.router}}
              patch:
                operation: INSERT_FIRST
                value: {name: envoy.filters.http.cors, typed_config: {'@type': type.googleapis.com/envoy.extensions.filters.http.cors.v3.Cors}}
            """));

    [Fact]
    public void The_realistic_filter_is_clean() => AssertClean(Validate(NewKindsRoundTripTests.Fixture("EnvoyFilter")));

    [Fact]
    public void Workload_selector_and_target_refs_together_are_an_error()
        => Expect(
            "workloadSelector: {labels: {istio: ingressgateway}}\ntargetRefs: [{kind: Gateway, group: gateway.networking.k8s.io, name: ingress}]",
            DiagnosticCodes.ConflictingFields,
            "spec",
            "only one of workloadSelector or targetRefs can be set; an EnvoyFilter selects its proxies either by label or by reference.");

    [Fact]
    public void Workload_selector_without_labels_is_a_warning()
        => Expect(
            "workloadSelector: {}",
            DiagnosticCodes.EmptyWorkloadSelector,
            "spec.workloadSelector.labels",
            "the workload selector has no labels, so it applies to every workload in the namespace; add labels or remove the selector.",
            DiagnosticSeverity.Warning);

    [Fact]
    public void Wildcard_in_workload_selector_is_an_error()
        => Assert.Equal("spec.workloadSelector.labels[app]", Single(Filter("workloadSelector: {labels: {app: 'web*'}}"), DiagnosticCodes.InvalidWorkloadSelector).Path);

    [Fact]
    public void Target_ref_with_namespace_is_an_error()
        => Expect(
            "targetRefs: [{kind: Gateway, group: gateway.networking.k8s.io, name: ingress, namespace: other}]",
            DiagnosticCodes.InvalidTargetRef,
            "spec.targetRefs[0].namespace",
            "targetRef namespace must not be set: cross-namespace references are not supported; put the EnvoyFilter in the target's namespace.");

    [Fact]
    public void Target_ref_without_kind_is_an_error()
        => Expect(
            "targetRefs: [{name: ingress}]",
            DiagnosticCodes.InvalidTargetRef,
            "spec.targetRefs[0].kind",
            "targetRef kind '' must be a kind name such as Gateway or Service: a letter, then letters, digits and '-', at most 63 characters.");

    [Fact]
    public void Target_ref_without_name_is_an_error()
        => Expect(
            "targetRefs: [{kind: Gateway}]",
            DiagnosticCodes.InvalidTargetRef,
            "spec.targetRefs[0].name",
            "targetRef name is required and at most 253 characters long; set the name of the resource the EnvoyFilter applies to.");

    [Fact]
    public void Target_ref_with_a_group_that_is_no_dns_name_is_an_error()
        => Expect(
            "targetRefs: [{kind: Gateway, group: Gateway_API, name: ingress}]",
            DiagnosticCodes.InvalidTargetRef,
            "spec.targetRefs[0].group",
            "targetRef group 'Gateway_API' must be empty (the core group) or a lowercase DNS name such as gateway.networking.k8s.io.");

    [Theory]
    [InlineData("configPatches: [{}]")]
    [InlineData("configPatches: [{applyTo: INVALID}]")]
    public void Patch_without_apply_to_is_an_error(string spec)
        => Expect(
            spec,
            DiagnosticCodes.InvalidEnvoyFilterPatch,
            "spec.configPatches[0].applyTo",
            "the configPatch has no applyTo; name the Envoy object to patch, such as HTTP_FILTER, LISTENER or CLUSTER.");

    [Fact]
    public void Patch_without_patch_is_an_error()
        => Expect(
            "configPatches: [{applyTo: LISTENER}]",
            DiagnosticCodes.InvalidEnvoyFilterPatch,
            "spec.configPatches[0].patch",
            "the configPatch has no patch; set patch with the operation (MERGE, ADD, REMOVE, ...) and its value.");

    [Theory]
    [InlineData("configPatches: [{applyTo: LISTENER, patch: {}}]")]
    [InlineData("configPatches: [{applyTo: LISTENER, patch: {operation: INVALID}}]")]
    public void Patch_without_operation_is_an_error(string spec)
        => Expect(
            spec,
            DiagnosticCodes.InvalidEnvoyFilterPatch,
            "spec.configPatches[0].patch.operation",
            "the patch has no operation; set MERGE, ADD, REMOVE, INSERT_BEFORE, INSERT_AFTER, INSERT_FIRST, REPLACE or MERGE_AND_REPLACE_LIST.");

    [Fact]
    public void Patch_without_value_is_an_error_unless_it_removes()
    {
        Expect(
            "configPatches: [{applyTo: LISTENER, patch: {operation: ADD}}]",
            DiagnosticCodes.InvalidEnvoyFilterPatch,
            "spec.configPatches[0].patch.value",
            "the ADD patch has no value; set the Envoy configuration to add, or use REMOVE.");
        Expect(
            "configPatches: [{applyTo: CLUSTER, patch: {operation: MERGE}}]",
            DiagnosticCodes.InvalidEnvoyFilterPatch,
            "spec.configPatches[0].patch.value",
            "the MERGE patch has no value; set the Envoy configuration to merge, or use REMOVE.");
        Expect(
            "configPatches: [{applyTo: HTTP_FILTER, patch: {operation: INSERT_AFTER}}]",
            DiagnosticCodes.InvalidEnvoyFilterPatch,
            "spec.configPatches[0].patch.value",
            "the INSERT_AFTER patch has no value; set the Envoy configuration to insert, or use REMOVE.");
        AssertNoErrors(Filter("priority: 1\nconfigPatches: [{applyTo: LISTENER, patch: {operation: REMOVE}}]"));
    }

    [Fact]
    public void Proxy_version_that_is_no_regex_is_an_error()
    {
        var diagnostic = Single(
            Filter("priority: 1\nconfigPatches: [{applyTo: LISTENER, match: {proxy: {proxyVersion: '%#@~++==`24c234`'}}, patch: {operation: REMOVE}}]"),
            DiagnosticCodes.InvalidEnvoyFilterPatch);
        Assert.Equal(("spec.configPatches[0].match.proxy.proxyVersion", DiagnosticSeverity.Error), (diagnostic.Path, diagnostic.Severity));
        Assert.StartsWith("proxyVersion '%#@~++==`24c234`' is not a valid RE2 regex: ", diagnostic.Message, StringComparison.Ordinal);
        AssertClean(Filter("priority: 1\nconfigPatches: [{applyTo: LISTENER, match: {proxy: {proxyVersion: 'release-1\\.2-23434'}}, patch: {operation: REMOVE}}]"));
    }

    [Fact]
    public void Listener_patch_with_cluster_match_is_an_error()
        => Expect(
            "priority: 1\nconfigPatches: [{applyTo: LISTENER, match: {cluster: {}}, patch: {operation: REMOVE}}]",
            DiagnosticCodes.InvalidEnvoyFilterMatch,
            "spec.configPatches[0].match.cluster",
            "applyTo LISTENER patches a listener's objects, so its match must be listener, not cluster.");

    [Fact]
    public void Route_patch_with_cluster_match_is_an_error()
        => Expect(
            "priority: 1\nconfigPatches: [{applyTo: VIRTUAL_HOST, match: {cluster: {}}, patch: {operation: REMOVE}}]",
            DiagnosticCodes.InvalidEnvoyFilterMatch,
            "spec.configPatches[0].match.cluster",
            "applyTo VIRTUAL_HOST patches HTTP route objects, so its match must be routeConfiguration, not cluster.");

    [Fact]
    public void Cluster_patch_with_listener_match_is_an_error()
        => Expect(
            "priority: 1\nconfigPatches: [{applyTo: CLUSTER, match: {listener: {}}, patch: {operation: REMOVE}}]",
            DiagnosticCodes.InvalidEnvoyFilterMatch,
            "spec.configPatches[0].match.listener",
            "applyTo CLUSTER patches clusters, so its match must be cluster, not listener.");

    [Fact]
    public void Filter_match_without_name_is_an_error()
        => Expect(
            "priority: 1\nconfigPatches: [{applyTo: NETWORK_FILTER, match: {listener: {filterChain: {sni: '124', filter: {}}}}, patch: {operation: REMOVE}}]",
            DiagnosticCodes.InvalidEnvoyFilterMatch,
            "spec.configPatches[0].match.listener.filterChain.filter.name",
            "the filter match has no name; name the network filter to match, such as envoy.filters.network.http_connection_manager.");

    [Fact]
    public void Sub_filter_match_outside_http_filters_is_an_error()
        => Expect(
            "priority: 1\nconfigPatches: [{applyTo: NETWORK_FILTER, match: {listener: {filterChain: {filter: {name: random, subFilter: {}}}}}, patch: {operation: REMOVE}}]",
            DiagnosticCodes.InvalidEnvoyFilterMatch,
            "spec.configPatches[0].match.listener.filterChain.filter.subFilter",
            "a subFilter match can be used with applyTo HTTP_FILTER only, not NETWORK_FILTER.");

    [Fact]
    public void Sub_filter_match_outside_the_connection_manager_is_an_error()
        => Expect(
            "priority: 1\nconfigPatches: [{applyTo: HTTP_FILTER, match: {listener: {filterChain: {filter: {name: random, subFilter: {}}}}}, patch: {operation: REMOVE}}]",
            DiagnosticCodes.InvalidEnvoyFilterMatch,
            "spec.configPatches[0].match.listener.filterChain.filter.name",
            "a subFilter match needs the filter match 'envoy.filters.network.http_connection_manager', which holds the HTTP filters, not 'random'.");

    [Fact]
    public void Sub_filter_match_without_name_is_an_error()
        => Expect(
            "priority: 1\nconfigPatches: [{applyTo: HTTP_FILTER, match: {listener: {filterChain: {filter: {name: envoy.filters.network.http_connection_manager, subFilter: {}}}}}, patch: {operation: REMOVE}}]",
            DiagnosticCodes.InvalidEnvoyFilterMatch,
            "spec.configPatches[0].match.listener.filterChain.filter.subFilter.name",
            "the subFilter match has no name; name the HTTP filter to match, such as envoy.filters.http.router.");

    [Fact]
    public void Filter_match_of_a_listener_patch_is_a_warning()
        => Expect(
            "priority: 1\nconfigPatches: [{applyTo: FILTER_CHAIN, match: {listener: {filterChain: {filter: {name: envoy.filters.network.tcp_proxy}}}}, patch: {operation: REMOVE}}]",
            DiagnosticCodes.IneffectiveEnvoyFilterMatch,
            "spec.configPatches[0].match.listener.filterChain.filter",
            "a filter match has no effect with applyTo FILTER_CHAIN; remove it, or apply the patch to a NETWORK_FILTER or HTTP_FILTER.",
            DiagnosticSeverity.Warning);

    [Fact]
    public void Deprecated_filter_names_are_warnings()
    {
        // envoyfilter_test.go "deprecated type": a warning, no error.
        var diagnostics = Filter("configPatches: [{applyTo: HTTP_FILTER, match: {listener: {filterChain: {filter: {name: envoy.http_connection_manager, subFilter: {name: envoy.ext_authz}}}}}, patch: {operation: INSERT_FIRST, value: {}}}]");
        AssertNoErrors(diagnostics);
        Assert.Equal(
            [
                "spec.configPatches[0].match.listener.filterChain.filter.name: 'envoy.http_connection_manager' is a deprecated filter name; use 'envoy.filters.network.http_connection_manager'.",
                "spec.configPatches[0].match.listener.filterChain.filter.subFilter.name: 'envoy.ext_authz' is a deprecated filter name; use 'envoy.filters.http.ext_authz'.",
                "spec.configPatches[0].patch.value: the filter '' is configured by name without typed_config, which Envoy no longer supports; add typed_config with the filter's @type.",
            ],
            diagnostics.Where(d => d.Code == DiagnosticCodes.DeprecatedEnvoyFilterName && d.Severity == DiagnosticSeverity.Warning).Select(d => $"{d.Path}: {d.Message}"));
        AssertNone(Filter("configPatches: [{applyTo: HTTP_FILTER, " + HttpFilterMatch + ", patch: {operation: INSERT_FIRST, value: {name: lua, typed_config: {'@type': type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua}}}}]"), DiagnosticCodes.DeprecatedEnvoyFilterName);
    }

    [Fact]
    public void Value_name_that_is_no_string_is_an_error()
    {
        // envoyfilter_test.go "invalid patch value".
        Expect(
            "configPatches: [{applyTo: CLUSTER, match: {cluster: {}}, patch: {operation: ADD, value: {name: false}}}]",
            DiagnosticCodes.InvalidEnvoyFilterPatch,
            "spec.configPatches[0].patch.value.name",
            "name must be a string in a CLUSTER value, not the boolean false.");
        AssertNone(Filter("configPatches: [{applyTo: BOOTSTRAP, patch: {operation: MERGE, value: {name: 1}}}]"), DiagnosticCodes.InvalidEnvoyFilterPatch);
    }

    [Fact]
    public void Typed_config_that_is_no_object_is_an_error()
        => Expect(
            "configPatches: [{applyTo: HTTP_FILTER, " + HttpFilterMatch + ", patch: {operation: INSERT_FIRST, value: {name: lua, typed_config: lua}}}]",
            DiagnosticCodes.InvalidEnvoyFilterPatch,
            "spec.configPatches[0].patch.value.typed_config",
            "typed_config must be an object with an @type and the fields of that type, not the string \"lua\".");

    [Fact]
    public void Type_url_that_is_no_string_is_an_error()
        => Expect(
            "configPatches: [{applyTo: HTTP_FILTER, " + HttpFilterMatch + ", patch: {operation: INSERT_FIRST, value: {name: lua, typed_config: {'@type': 3}}}}]",
            DiagnosticCodes.InvalidEnvoyFilterPatch,
            "spec.configPatches[0].patch.value.typed_config.@type",
            "@type must be a type URL string such as type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua, not the number 3.");

    [Fact]
    public void Envoy_v2_types_are_an_error()
    {
        // envoyfilter_test.go "deprecated config": the v2 API is unknown, at the top and nested (an HTTP filter of a connection manager).
        Expect(
            """
            configPatches:
            - applyTo: NETWORK_FILTER
              match: {listener: {filterChain: {name: envoy.tcp_proxy}}}
              patch:
                operation: INSERT_FIRST
                value:
                  typed_config:
                    '@type': type.googleapis.com/envoy.config.filter.network.ext_authz.v2.ExtAuthz
                    http_filters: [{name: a, typed_config: {'@type': type.googleapis.com/envoy.config.filter.http.ext_authz.v2alpha.ExtAuthz}}]
            """,
            DiagnosticCodes.UnknownEnvoyType,
            "spec.configPatches[0].patch.value",
            "referenced type type.googleapis.com/envoy.config.filter.network.ext_authz.v2.ExtAuthz, type.googleapis.com/envoy.config.filter.http.ext_authz.v2alpha.ExtAuthz is unknown: Envoy's v2 API is gone; use the v3 type (envoy.extensions.….v3.…).");
        Assert.True(Mesh.Dsl.Validation.Rules.EnvoyFilterRules.IsEnvoyV2Type("type.googleapis.com/envoy.api.v2.Cluster"));
        Assert.False(Mesh.Dsl.Validation.Rules.EnvoyFilterRules.IsEnvoyV2Type("type.googleapis.com/envoy.extensions.filters.http.wasm.v3.Wasm"));
        Assert.False(Mesh.Dsl.Validation.Rules.EnvoyFilterRules.IsEnvoyV2Type("type.googleapis.com/istio.envoy.config.filter.http.alpn.v2alpha1.FilterConfig"));
        Assert.False(Mesh.Dsl.Validation.Rules.EnvoyFilterRules.IsEnvoyV2Type("type.googleapis.com/envoy.v20.Thing"));
    }

    [Fact]
    public void Waypoint_match_without_context_waypoint_is_an_error()
    {
        // envoyfilter-invalid.yaml: "only support waypointMatch when context is WAYPOINT", both ways.
        Expect(
            "configPatches: [{applyTo: HTTP_FILTER, match: {context: SIDECAR_INBOUND, waypoint: {filter: {name: envoy.filters.network.http_connection_manager, subFilter: {name: envoy.filters.http.router}}}}}]",
            DiagnosticCodes.InvalidEnvoyFilterMatch,
            "spec.configPatches[0].match.waypoint",
            "a waypoint match is only allowed with context WAYPOINT; set context: WAYPOINT or match the listener, routeConfiguration or cluster instead.");
        Expect(
            "configPatches: [{applyTo: HTTP_FILTER, match: {context: WAYPOINT, listener: {filterChain: {filter: {name: envoy.filters.network.http_connection_manager, subFilter: {name: envoy.filters.http.router}}}}}}]",
            DiagnosticCodes.InvalidEnvoyFilterMatch,
            "spec.configPatches[0].match",
            "a match with context WAYPOINT needs a waypoint match; add waypoint (waypoint: {} matches every object of the waypoint).");
    }

    [Fact]
    public void Waypoint_port_out_of_range_is_an_error()
        => Expect(
            "configPatches: [{applyTo: CLUSTER, match: {context: WAYPOINT, waypoint: {portNumber: 65536}}, patch: {operation: MERGE, value: {connect_timeout: 1s}}}]",
            DiagnosticCodes.InvalidPort,
            "spec.configPatches[0].match.waypoint.portNumber",
            "waypoint portNumber 65536 must be between 1 and 65535.");

    [Theory]
    [InlineData("LISTENER")]
    [InlineData("LISTENER_FILTER")]
    [InlineData("BOOTSTRAP")]
    [InlineData("EXTENSION_CONFIG")]
    public void Waypoint_patch_of_an_unsupported_object_is_an_error(string applyTo)
        => Expect(
            $"configPatches: [{{applyTo: {applyTo}, match: {{context: WAYPOINT, waypoint: {{}}}}}}]",
            DiagnosticCodes.InvalidEnvoyFilterMatch,
            "spec.configPatches[0].applyTo",
            $"applyTo {applyTo} is not supported for waypoints; patch a FILTER_CHAIN, NETWORK_FILTER, HTTP_FILTER, route or CLUSTER.");

    [Theory]
    [InlineData("ROUTE_CONFIGURATION")]
    [InlineData("CLUSTER")]
    public void Waypoint_patch_of_routes_or_clusters_with_filter_match_is_an_error(string applyTo)
        => Expect(
            $"configPatches: [{{applyTo: {applyTo}, match: {{context: WAYPOINT, waypoint: {{filter: {{name: envoy.filters.network.http_connection_manager}}}}}}}}]",
            DiagnosticCodes.InvalidEnvoyFilterMatch,
            "spec.configPatches[0].match.waypoint.filter",
            $"applyTo {applyTo} for a waypoint cannot have a filter match; remove waypoint.filter.");

    [Theory]
    [InlineData("CLUSTER")]
    [InlineData("FILTER_CHAIN")]
    public void Waypoint_patch_of_clusters_or_filter_chains_with_route_match_is_an_error(string applyTo)
        => Expect(
            $"configPatches: [{{applyTo: {applyTo}, match: {{context: WAYPOINT, waypoint: {{route: {{name: fake-route}}}}}}}}]",
            DiagnosticCodes.InvalidEnvoyFilterMatch,
            "spec.configPatches[0].match.waypoint.route",
            $"applyTo {applyTo} for a waypoint cannot have a route match; remove waypoint.route.");

    [Fact]
    public void Waypoint_http_filter_patch_needs_the_connection_manager_and_a_sub_filter()
    {
        Expect(
            "configPatches: [{applyTo: HTTP_FILTER, match: {context: WAYPOINT, waypoint: {}}}]",
            DiagnosticCodes.InvalidEnvoyFilterMatch,
            "spec.configPatches[0].match.waypoint",
            "applyTo HTTP_FILTER for a waypoint needs a filter match: waypoint.filter.name envoy.filters.network.http_connection_manager and the subFilter name of the HTTP filter.");
        Expect(
            "configPatches: [{applyTo: HTTP_FILTER, match: {context: WAYPOINT, waypoint: {filter: {name: fake-route}}}}]",
            DiagnosticCodes.InvalidEnvoyFilterMatch,
            "spec.configPatches[0].match.waypoint.filter.name",
            "applyTo HTTP_FILTER for a waypoint needs the filter name envoy.filters.network.http_connection_manager, not 'fake-route'.");
        Expect(
            "configPatches: [{applyTo: HTTP_FILTER, match: {context: WAYPOINT, waypoint: {filter: {name: envoy.filters.network.http_connection_manager}}}}]",
            DiagnosticCodes.InvalidEnvoyFilterMatch,
            "spec.configPatches[0].match.waypoint.filter.subFilter.name",
            "applyTo HTTP_FILTER for a waypoint needs a subFilter name: the HTTP filter to patch, such as envoy.filters.http.router.");
    }

    [Fact]
    public void Add_to_a_route_configuration_is_an_error()
    {
        Expect(
            "configPatches: [{applyTo: ROUTE_CONFIGURATION, patch: {operation: ADD, value: {name: r}}}]",
            DiagnosticCodes.EnvoyFilterUsesAddOperationIncorrectly,
            "spec.configPatches[0].patch.operation",
            "ADD is ignored with applyTo ROUTE_CONFIGURATION; use MERGE, or ADD a VIRTUAL_HOST.");
        AssertClean(Filter("configPatches: [{applyTo: VIRTUAL_HOST, patch: {operation: ADD, value: {name: v, domains: ['*']}}}]"));
    }

    [Fact]
    public void Remove_of_an_http_route_is_an_error()
    {
        Expect(
            "configPatches: [{applyTo: HTTP_ROUTE, patch: {operation: REMOVE}}]",
            DiagnosticCodes.EnvoyFilterUsesRemoveOperationIncorrectly,
            "spec.configPatches[0].patch.operation",
            "REMOVE is ignored with applyTo HTTP_ROUTE; remove a VIRTUAL_HOST, or MERGE the configuration instead.");
        AssertClean(Filter("priority: 1\nconfigPatches: [{applyTo: VIRTUAL_HOST, patch: {operation: REMOVE}}]"));
    }

    [Fact]
    public void Replace_of_a_cluster_is_an_error()
    {
        Expect(
            "configPatches: [{applyTo: CLUSTER, patch: {operation: REPLACE, value: {name: c}}}]",
            DiagnosticCodes.EnvoyFilterUsesReplaceOperationIncorrectly,
            "spec.configPatches[0].patch.operation",
            "REPLACE works only with applyTo HTTP_FILTER or NETWORK_FILTER, not CLUSTER; use MERGE.");
        AssertClean(Filter("priority: 1\nconfigPatches: [{applyTo: HTTP_FILTER, " + HttpFilterMatch + ", patch: {operation: REPLACE, value: {name: r, typed_config: {'@type': type.googleapis.com/envoy.extensions.filters.http.router.v3.Router}}}}]"));
    }

    [Fact]
    public void Ignored_operations_are_reported_where_the_webhook_also_rejects_the_patch()
    {
        // istioctl's analyzer looks at applyTo and operation only: an ADD to an HTTP_ROUTE without value gets both findings.
        var diagnostics = Filter("configPatches: [{applyTo: HTTP_ROUTE, patch: {operation: ADD}}]");
        Assert.Equal(
            [
                (DiagnosticCodes.InvalidEnvoyFilterPatch, "spec.configPatches[0].patch.value", "the ADD patch has no value; set the Envoy configuration to add, or use REMOVE."),
                (DiagnosticCodes.EnvoyFilterUsesAddOperationIncorrectly, "spec.configPatches[0].patch.operation", "ADD is ignored with applyTo HTTP_ROUTE; use MERGE, or ADD a VIRTUAL_HOST."),
            ],
            diagnostics.Select(d => (d.Code, d.Path, d.Message)));
        Expect(
            "configPatches: [{applyTo: CLUSTER, match: {proxy: {proxyVersion: '(1.2'}}, patch: {operation: REPLACE, value: {name: c}}}]",
            DiagnosticCodes.EnvoyFilterUsesReplaceOperationIncorrectly,
            "spec.configPatches[0].patch.operation",
            "REPLACE works only with applyTo HTTP_FILTER or NETWORK_FILTER, not CLUSTER; use MERGE.");
    }

    [Fact]
    public void Patches_after_one_without_patch_are_not_checked_for_ignored_operations()
    {
        // As istioctl's analyzer, which stops at the first configPatch without patch.
        var after = Filter("configPatches: [{applyTo: LISTENER}, {applyTo: HTTP_ROUTE, patch: {operation: REMOVE}}]");
        Assert.Equal(
            [(DiagnosticCodes.InvalidEnvoyFilterPatch, "spec.configPatches[0].patch")],
            after.Select(d => (d.Code, d.Path)));
        var before = Filter("configPatches: [{applyTo: HTTP_ROUTE, patch: {operation: REMOVE}}, {applyTo: LISTENER}]");
        Assert.Equal(
            [
                (DiagnosticCodes.EnvoyFilterUsesRemoveOperationIncorrectly, "spec.configPatches[0].patch.operation"),
                (DiagnosticCodes.InvalidEnvoyFilterPatch, "spec.configPatches[1].patch"),
            ],
            before.Select(d => (d.Code, d.Path)).Order());
    }

    [Fact]
    public void Enum_values_outside_istio_are_errors()
    {
        const string spec = "configPatches: [{applyTo: CLUSTER, match: {context: ANY}, patch: {operation: MERGE, filterClass: AUTHZ, value: {name: c}}}]";
        ExpectInvalidEnum<EnvoyFilter>(EnvoyFilter(spec), f => f.Spec.ConfigPatches[0].ApplyTo = (ApplyTo)42, "spec.configPatches[0].applyTo");
        ExpectInvalidEnum<EnvoyFilter>(EnvoyFilter(spec), f => f.Spec.ConfigPatches[0].Match!.Context = (PatchContext)42, "spec.configPatches[0].match.context");
        ExpectInvalidEnum<EnvoyFilter>(EnvoyFilter(spec), f => f.Spec.ConfigPatches[0].Patch!.Operation = (PatchOperation)42, "spec.configPatches[0].patch.operation");
        ExpectInvalidEnum<EnvoyFilter>(EnvoyFilter(spec), f => f.Spec.ConfigPatches[0].Patch!.FilterClass = (FilterClass)42, "spec.configPatches[0].patch.filterClass");
    }
}
