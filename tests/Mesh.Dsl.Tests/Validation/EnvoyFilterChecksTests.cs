using Mesh.Dsl.Validation;
using static Mesh.Dsl.Tests.Validation.EnvoyFilterRulesTests;
using static Mesh.Dsl.Tests.Validation.ValidationTestHelper;

namespace Mesh.Dsl.Tests.Validation;

/// <summary>IST0151 and IST0155: relative patch operations without priority, as istioctl's EnvoyPatchAnalyzer reports them.</summary>
public class EnvoyFilterChecksTests
{
    private const string Match = "match: {listener: {filterChain: {filter: {name: envoy.filters.network.http_connection_manager, subFilter: {name: envoy.filters.http.router}}}}}";

    private static string Lua(string operation, string proxyVersion = "")
        => $"{{applyTo: HTTP_FILTER, match: {{{(proxyVersion.Length > 0 ? $"proxy: {{proxyVersion: '{proxyVersion}'}}, " : string.Empty)}listener: {{filterChain: {{filter: {{name: envoy.filters.network.http_connection_manager, subFilter: {{name: envoy.filters.http.router}}}}}}}}}}, patch: {{operation: {operation}, value: {{name: envoy.lua, typed_config: {{'@type': type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua}}}}}}}}";

    private static IEnumerable<string> Lines(IReadOnlyList<Diagnostic> diagnostics)
        => diagnostics.Where(d => d.Code is DiagnosticCodes.EnvoyFilterUsesRelativeOperation or DiagnosticCodes.EnvoyFilterUsesRelativeOperationWithProxyVersion)
            .Select(d => $"{d.Code} {d.Name} {d.Path} {d.Severity}: {d.Message}");

    [Theory]
    [InlineData("INSERT_BEFORE")]
    [InlineData("INSERT_AFTER")]
    [InlineData("REPLACE")]
    public void Relative_operation_without_priority_is_a_warning(string operation)
    {
        Assert.Equal(
            [$"IST0151 f spec.configPatches[0] Warning: this {operation} patch is relative to other patches but the EnvoyFilter has no priority, so it may not apply as meant; set spec.priority, or use INSERT_FIRST or ADD."],
            Lines(Validate(EnvoyFilter($"configPatches: [{Lua(operation)}]"))));
        AssertClean(Validate(EnvoyFilter($"priority: 10\nconfigPatches: [{Lua(operation)}]")));
    }

    [Fact]
    public void Absolute_operations_need_no_priority()
    {
        AssertClean(Validate(EnvoyFilter($"configPatches: [{Lua("INSERT_FIRST")}, {Lua("ADD")}, {Lua("MERGE")}]")));
        AssertClean(Validate(EnvoyFilter($"priority: 0\nconfigPatches: [{Lua("INSERT_FIRST")}]")));
    }

    [Fact]
    public void Remove_without_priority_is_a_warning()
        => Assert.Equal(
            ["IST0151 f spec.configPatches[0] Warning: this REMOVE patch is relative to other patches but the EnvoyFilter has no priority, so it may not apply as meant; set spec.priority, or use INSERT_FIRST or ADD."],
            Lines(Validate(EnvoyFilter("configPatches: [{applyTo: HTTP_FILTER, " + Match + ", patch: {operation: REMOVE}}]"))));

    [Fact]
    public void Relative_operation_after_a_versioned_patch_of_the_same_filter_is_IST0155()
    {
        // The first EnvoyFilter patches envoy.lua for one proxy version; the second patches it again, relative and without
        // priority: which applies first changes when the proxies are upgraded.
        var yaml = Join(
            EnvoyFilter($"configPatches: [{Lua("INSERT_FIRST", "^1\\.11.*")}]", "versioned"),
            EnvoyFilter($"configPatches: [{Lua("REPLACE")}]", "replace"),
            EnvoyFilter($"configPatches: [{Lua("INSERT_FIRST")}, {Lua("INSERT_AFTER")}]", "other"));
        Assert.Equal(
            [
                "IST0155 replace spec.configPatches[0] Warning: this REPLACE patch has no priority while an earlier patch matches 'envoy.lua' by proxyVersion; after an upgrade the proxy version changes and so may the order the patches apply in. Set spec.priority, or use INSERT_FIRST or ADD.",
                "IST0155 other spec.configPatches[1] Warning: this INSERT_AFTER patch has no priority while an earlier patch matches 'envoy.lua' by proxyVersion; after an upgrade the proxy version changes and so may the order the patches apply in. Set spec.priority, or use INSERT_FIRST or ADD.",
            ],
            Lines(Validate(yaml)));

        // Patches before the versioned one, and of other filters, get IST0151.
        var before = Join(
            EnvoyFilter($"configPatches: [{Lua("REPLACE")}]", "replace"),
            EnvoyFilter($"configPatches: [{Lua("INSERT_FIRST", "^1\\.11.*")}]", "versioned"),
            EnvoyFilter($"configPatches: [{Lua("INSERT_BEFORE").Replace("envoy.lua", "other.lua", StringComparison.Ordinal)}]", "other"));
        Assert.Equal(
            ["IST0151 replace", "IST0151 other"],
            Validate(before).Where(d => d.Code.StartsWith("IST015", StringComparison.Ordinal)).Select(d => $"{d.Code} {d.Name}"));
    }

    [Fact]
    public void The_analyzer_findings_of_istios_replace_operation_case()
    {
        // After istioctl's testdata/envoy-filter-replace-operation.yaml: REPLACE of a cluster is ignored (IST0152); a REPLACE
        // without priority is relative (IST0151), and after a versioned patch of the same filter IST0155.
        const string lua = "{name: envoy.lua, typed_config: {'@type': type.googleapis.com/envoy.extensions.filters.http.lua.v3.Lua}}";
        var yaml = Join(
            EnvoyFilter($"priority: 10\nconfigPatches:\n- {{applyTo: HTTP_FILTER, match: {{context: SIDECAR_INBOUND}}, patch: {{operation: REPLACE, value: {lua}}}}}\n- {{applyTo: CLUSTER, match: {{context: SIDECAR_OUTBOUND}}, patch: {{operation: REPLACE, value: {{name: lua_cluster, type: STRICT_DNS}}}}}}", "lua-1"),
            EnvoyFilter($"configPatches:\n- {{applyTo: HTTP_FILTER, {Match}, patch: {{operation: REPLACE, value: {lua.Replace("envoy.lua", "envoy2.lua", StringComparison.Ordinal)}}}}}\n- {{applyTo: CLUSTER, patch: {{operation: ADD, value: {{name: lua_cluster2}}}}}}", "lua-2"),
            EnvoyFilter($"priority: 10\nconfigPatches:\n- {{applyTo: HTTP_FILTER, match: {{context: SIDECAR_INBOUND, proxy: {{proxyVersion: '^1\\.11.*'}}, listener: {{portNumber: 8080}}}}, patch: {{operation: REPLACE, value: {lua}}}}}", "lua-3"),
            EnvoyFilter($"configPatches:\n- {{applyTo: HTTP_FILTER, match: {{context: SIDECAR_INBOUND}}, patch: {{operation: REPLACE, value: {lua}}}}}\n- {{applyTo: NETWORK_FILTER, match: {{context: SIDECAR_OUTBOUND}}, patch: {{operation: REPLACE, value: {{name: lua_cluster, typed_config: {{'@type': type.googleapis.com/envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy}}}}}}}}", "lua-4"));
        Assert.Equal(
            [
                "IST0152 lua-1 spec.configPatches[1].patch.operation",
                "IST0151 lua-2 spec.configPatches[0]",
                "IST0155 lua-4 spec.configPatches[0]",
                "IST0151 lua-4 spec.configPatches[1]",
            ],
            Validate(yaml).Select(d => $"{d.Code} {d.Name} {d.Path}"));
    }

    [Fact]
    public void Patches_after_one_without_patch_are_not_analysed()
        => Assert.Empty(Lines(Validate(EnvoyFilter($"configPatches: [{{applyTo: CLUSTER}}, {Lua("INSERT_BEFORE")}]"))));
}
