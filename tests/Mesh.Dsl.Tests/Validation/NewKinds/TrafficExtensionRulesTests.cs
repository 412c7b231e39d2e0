using Mesh.Dsl.Model.Extensions;
using Mesh.Dsl.Validation;
using static Mesh.Dsl.Tests.Validation.NewKinds.NewKindDocuments;
using static Mesh.Dsl.Tests.Validation.ValidationTestHelper;

namespace Mesh.Dsl.Tests.Validation.NewKinds;

/// <summary>TrafficExtension field rules: for every rule a failing and a passing spec with the exact diagnostic.</summary>
public class TrafficExtensionRulesTests
{
    private const string Lua = "lua: {inlineCode: 'function envoy_on_request(h) end'}";

    private const string MaximalWasm = """
        targetRefs: [{group: gateway.networking.k8s.io, kind: Gateway, name: ingress}]
        phase: AUTHZ
        priority: 7
        match:
        - mode: CLIENT
          ports: [{number: 9080}]
        wasm:
          url: oci://ghcr.io/example/authz:2.0
          sha256: 1ef0c9a92b0420cf25f7fe5d481b231464bc88f486ca3b9c83ed5cc21d2f6210
          imagePullPolicy: IfNotPresent
          imagePullSecret: pull
          verificationKey: key
          pluginConfig: {mode: strict, limits: [1, 2]}
          pluginName: authz
          failStrategy: FAIL_RELOAD
          vmConfig:
            env: [{name: POD_NAME, valueFrom: HOST}, {name: ZONE, value: eu}]
          type: NETWORK
        """;

    private const string MaximalLua = """
        selector: {matchLabels: {app: storefront}}
        phase: STATS
        priority: 5
        match: [{mode: SERVER, ports: [{number: 8080}]}]
        lua:
          inlineCode: |
            function envoy_on_response(handle)
              handle:headers():add("x-storefront", "1")
            end
        """;

    [Theory]
    [InlineData(MaximalWasm)]
    [InlineData(MaximalLua)]
    public void Maximal_traffic_extensions_are_clean(string spec) => AssertClean(Validate(Document("TrafficExtension", spec)));

    [Theory]
    [InlineData("phase: AUTHN", Lua, DiagnosticCodes.MissingField, "spec", "exactly one of wasm or lua must be set: the WebAssembly module or the Lua code that filters the traffic.")]
    [InlineData("lua: {inlineCode: ''}", Lua, DiagnosticCodes.MissingField, "spec.lua.inlineCode", "lua.inlineCode is required: the Lua code with the envoy_on_request and envoy_on_response functions.")]
    [InlineData("wasm: {pluginName: a}", "wasm: {url: oci://r.io/a:1, pluginName: a}", DiagnosticCodes.MissingField, "spec.wasm.url", "url field needs to be set: the module's oci://, https:// or file:// URL.")]
    [InlineData("wasm: {url: 'ftp://a.com/x.wasm'}", "wasm: {url: 'https://a.com/x.wasm'}", DiagnosticCodes.InvalidPluginUrl, "spec.wasm.url", "url contains unsupported scheme: ftp; url must have schema one of [http, https, file, oci].")]
    [InlineData("wasm: {url: r.io/a, sha256: abc}", "wasm: {url: r.io/a}", DiagnosticCodes.InvalidPluginChecksum, "spec.wasm.sha256", "sha256 field must be 64 characters long, not 3.")]
    [InlineData("wasm: {url: r.io/a, vmConfig: {env: [{name: A, valueFrom: HOST, value: ''}]}}", "wasm: {url: r.io/a, vmConfig: {env: [{name: A, valueFrom: HOST}]}}", DiagnosticCodes.InvalidPluginEnv, "spec.wasm.vmConfig.env[0].value", "value may only be set when valueFrom is INLINE; a HOST variable takes the proxy's own environment value.")]
    [InlineData(Lua + "\nmatch: [{ports: [{number: 65536}]}]", Lua + "\nmatch: [{ports: [{number: 65535}]}]", DiagnosticCodes.InvalidPort, "spec.match[0].ports[0].number", "port 65536 must be in range 1..65535.")]
    [InlineData(Lua + "\nselector: {matchLabels: {app: a}}\ntargetRefs: [{kind: Service, name: a}]", Lua + "\ntargetRefs: [{kind: Service, name: a}]", DiagnosticCodes.ConflictingFields, "spec", "only one of selector, targetRef or targetRefs can be set; a policy selects its workloads either by label or by reference.")]
    [InlineData(Lua + "\ntargetRefs: [{kind: Service}]", Lua + "\ntargetRefs: [{kind: Service, name: a}]", DiagnosticCodes.InvalidTargetRef, "spec.targetRefs[0].name", "the targetRef has no name; set the name of the Service, ServiceEntry, Gateway or GatewayClass it targets.")]
    public void Spec_rule(string invalid, string valid, string code, string path, string message)
        => Expect("TrafficExtension", invalid, valid, code, DiagnosticSeverity.Error, path, message);

    [Fact]
    public void Lua_code_longer_than_65536_is_an_error()
        => Expect(
            "TrafficExtension",
            $"lua: {{inlineCode: {new string('x', 65537)}}}",
            $"lua: {{inlineCode: {new string('x', 65536)}}}",
            DiagnosticCodes.InvalidPluginSetting,
            DiagnosticSeverity.Error,
            "spec.lua.inlineCode",
            "lua.inlineCode is 65537 characters long; at most 65536 are allowed.");

    [Fact]
    public void Enum_values_outside_the_enum_are_errors()
    {
        var yaml = Document("TrafficExtension", "phase: STATS\nwasm: {url: r.io/a, failStrategy: FAIL_OPEN}");
        ExpectInvalidEnum<TrafficExtension>(yaml, e => e.Spec.Phase = (ExecutionPhase)9, "spec.phase");
        ExpectInvalidEnum<TrafficExtension>(yaml, e => e.Spec.Wasm!.FailStrategy = (FailStrategy)9, "spec.wasm.failStrategy");
    }
}
