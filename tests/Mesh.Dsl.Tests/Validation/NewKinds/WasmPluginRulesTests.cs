using Mesh.Dsl.Model.Extensions;
using Mesh.Dsl.Validation;
using static Mesh.Dsl.Tests.Validation.NewKinds.NewKindDocuments;
using static Mesh.Dsl.Tests.Validation.ValidationTestHelper;

namespace Mesh.Dsl.Tests.Validation.NewKinds;

/// <summary>WasmPlugin field rules: for every rule a failing and a passing spec with the exact diagnostic, and Istio's own cases.</summary>
public class WasmPluginRulesTests
{
    private const string Url = "url: oci://ghcr.io/example/basic-auth:1.2.0";
    private const string Sha = "1ef0c9a92b0420cf25f7fe5d481b231464bc88f486ca3b9c83ed5cc21d2f6210";

    private const string Maximal = $$"""
        targetRefs:
        - {group: gateway.networking.k8s.io, kind: Gateway, name: ingress}
        - {group: '', kind: Service, name: storefront}
        url: https://storage.example.com/filters/basic-auth.wasm
        sha256: {{Sha}}
        imagePullPolicy: Always
        imagePullSecret: registry-credentials
        verificationKey: key
        pluginConfig:
          realm: shop
          rules: [{prefix: /admin, methods: [GET, POST]}]
        pluginName: basic_auth_root
        phase: AUTHN
        priority: -10
        failStrategy: FAIL_OPEN
        vmConfig:
          env:
          - {name: POD_NAME, valueFrom: HOST}
          - {name: TRUST_DOMAIN, valueFrom: INLINE, value: cluster.local}
          - {name: MODE, value: strict}
        match:
        - mode: SERVER
          ports: [{number: 8080}, {number: 8443}]
        - mode: CLIENT_AND_SERVER
        type: HTTP
        """;

    [Fact]
    public void A_maximal_wasm_plugin_is_clean() => AssertClean(Validate(Document("WasmPlugin", Maximal)));

    [Theory]
    [InlineData("oci://ghcr.io/example/plugin:1.0")]
    [InlineData("ghcr.io/example/plugin:1.0")]
    [InlineData("file:///opt/filters/openid.wasm")]
    [InlineData("http://test.com/test")]
    [InlineData("HTTPS://user:p%40ss@registry.example.com:5000/a%20b.wasm?x=1#frag")]
    [InlineData("oci://[2001:db8::1]:5000/plugin")]
    [InlineData("test")]

    // Go's parser fails on the host, and then reads the URL after http:// with "oci:" as the host: Istio accepts it.
    [InlineData("oci://exa mple.com/plugin")]
    public void Urls_istio_accepts_are_clean(string url) => AssertClean(Validate(Document("WasmPlugin", $"url: '{url}'")));

    [Theory]
    [InlineData("ftp://test.com/test", "url contains unsupported scheme: ftp; url must have schema one of [http, https, file, oci].")]
    [InlineData("fake://example.com", "url contains unsupported scheme: fake; url must have schema one of [http, https, file, oci].")]
    [InlineData("localhost:5000/plugin", "url contains unsupported scheme: localhost; url must have schema one of [http, https, file, oci].")]
    [InlineData("#%blah$#@", "url '#%blah$#@' is not a valid URL; write oci://registry/image:tag, https://host/module.wasm or file:///path/module.wasm.")]
    [InlineData("{registry}/plugin", "url '{registry}/plugin' is not a valid URL; write oci://registry/image:tag, https://host/module.wasm or file:///path/module.wasm.")]
    [InlineData("https://example.com/a%zz.wasm", "url 'https://example.com/a%zz.wasm' is not a valid URL; write oci://registry/image:tag, https://host/module.wasm or file:///path/module.wasm.")]
    [InlineData("exa mple.com/plugin", "url 'exa mple.com/plugin' is not a valid URL; write oci://registry/image:tag, https://host/module.wasm or file:///path/module.wasm.")]
    public void Urls_istio_rejects_are_errors(string url, string message)
        => Expect("WasmPlugin", $"url: '{url}'", Url, DiagnosticCodes.InvalidPluginUrl, DiagnosticSeverity.Error, "spec.url", message);

    [Theory]
    [InlineData("phase: AUTHN", Url + "\nphase: AUTHN", DiagnosticCodes.MissingField, "spec.url", "url field needs to be set: the module's oci://, https:// or file:// URL.")]
    [InlineData("url: ''", Url, DiagnosticCodes.MissingField, "spec.url", "url field needs to be set: the module's oci://, https:// or file:// URL.")]
    [InlineData(Url + "\nsha256: 01ba47", Url + "\nsha256: " + Sha, DiagnosticCodes.InvalidPluginChecksum, "spec.sha256", "sha256 field must be 64 characters long, not 6.")]
    [InlineData(Url + "\nsha256: 01Ba4719c80b6fe911b091a7c05124b64eeece964e09c058ef8f9805daca546b", Url + "\nsha256: ''", DiagnosticCodes.InvalidPluginChecksum, "spec.sha256", "sha256 field must match [a-f0-9]{64} pattern: lowercase hexadecimal.")]
    [InlineData(Url + "\nimagePullSecret: ''", Url + "\nimagePullSecret: pull", DiagnosticCodes.InvalidPluginSetting, "spec.imagePullSecret", "imagePullSecret is empty; set it or leave it out.")]
    [InlineData(Url + "\npluginName: ''", Url + "\npluginName: root", DiagnosticCodes.InvalidPluginSetting, "spec.pluginName", "pluginName is empty; set it or leave it out.")]
    [InlineData(Url + "\nvmConfig: {env: [{valueFrom: HOST}]}", Url + "\nvmConfig: {env: [{name: A, valueFrom: HOST}]}", DiagnosticCodes.InvalidPluginEnv, "spec.vmConfig.env[0].name", "the env entry has no name; name the environment variable.")]
    [InlineData(Url + "\nvmConfig: {env: [{name: ENV1, value: VAL1}, {name: ENV1, value: VAL1}]}", Url + "\nvmConfig: {env: [{name: ENV1, value: VAL1}, {name: ENV2, value: VAL1}]}", DiagnosticCodes.InvalidPluginEnv, "spec.vmConfig.env[1].name", "duplicate env 'ENV1'; each variable is set once.")]
    [InlineData(Url + "\nvmConfig: {env: [{name: A, valueFrom: HOST, value: v}]}", Url + "\nvmConfig: {env: [{name: A, valueFrom: INLINE, value: v}]}", DiagnosticCodes.InvalidPluginEnv, "spec.vmConfig.env[0].value", "value may only be set when valueFrom is INLINE; a HOST variable takes the proxy's own environment value.")]
    [InlineData(Url + "\nmatch: [{ports: [{}]}]", Url + "\nmatch: [{ports: [{number: 80}]}]", DiagnosticCodes.InvalidPort, "spec.match[0].ports[0].number", "the port selector has no number; set the port (1..65535) whose traffic the extension sees.")]
    [InlineData(Url + "\nmatch: [{mode: SERVER}, {ports: [{number: 0}]}]", Url + "\nmatch: [{mode: SERVER}, {ports: [{number: 1}]}]", DiagnosticCodes.InvalidPort, "spec.match[1].ports[0].number", "port 0 must be in range 1..65535.")]
    [InlineData(Url + "\nmatch: [{ports: [{number: 80}, {number: 80}]}]", Url + "\nmatch: [{ports: [{number: 80}, {number: 81}]}]", DiagnosticCodes.DuplicatePort, "spec.match[0].ports[1].number", "port 80 is listed twice; remove the duplicate.")]
    [InlineData(Url + "\nselector: {matchLabels: {istio: 'bar*'}}", Url + "\nselector: {matchLabels: {istio: bar}}", DiagnosticCodes.InvalidWorkloadSelector, "spec.selector.matchLabels[istio]", "selector label value 'bar*' contains '*'; wildcards are not allowed, use the exact label value.")]
    [InlineData(Url + "\nselector: {matchLabels: {app: a}}\ntargetRefs: [{kind: Service, name: a}]", Url + "\ntargetRefs: [{kind: Service, name: a}]", DiagnosticCodes.ConflictingFields, "spec", "only one of selector, targetRef or targetRefs can be set; a policy selects its workloads either by label or by reference.")]
    public void Spec_rule(string invalid, string valid, string code, string path, string message)
        => Expect("WasmPlugin", invalid, valid, code, DiagnosticSeverity.Error, path, message);

    [Fact]
    public void Over_long_settings_are_errors()
    {
        Expect("WasmPlugin", $"{Url}\nimagePullSecret: {new string('s', 254)}", $"{Url}\nimagePullSecret: {new string('s', 253)}", DiagnosticCodes.InvalidPluginSetting, DiagnosticSeverity.Error, "spec.imagePullSecret", "imagePullSecret is 254 characters long; at most 253 are allowed.");
        Expect("WasmPlugin", $"{Url}\npluginName: {new string('p', 257)}", $"{Url}\npluginName: {new string('p', 256)}", DiagnosticCodes.InvalidPluginSetting, DiagnosticSeverity.Error, "spec.pluginName", "pluginName is 257 characters long; at most 256 are allowed.");
        Expect("WasmPlugin", $"{Url}\nvmConfig: {{env: [{{name: {new string('n', 257)}}}]}}", $"{Url}\nvmConfig: {{env: [{{name: {new string('n', 256)}}}]}}", DiagnosticCodes.InvalidPluginEnv, DiagnosticSeverity.Error, "spec.vmConfig.env[0].name", "env name is 257 characters long; at most 256 are allowed.");
        Expect("WasmPlugin", $"{Url}\nvmConfig: {{env: [{{name: a, value: {new string('v', 2049)}}}]}}", $"{Url}\nvmConfig: {{env: [{{name: a, value: {new string('v', 2048)}}}]}}", DiagnosticCodes.InvalidPluginEnv, DiagnosticSeverity.Error, "spec.vmConfig.env[0].value", "env value is 2049 characters long; at most 2048 are allowed.");
    }

    [Fact]
    public void Enum_values_outside_the_enum_are_errors()
    {
        var yaml = Document("WasmPlugin", $"{Url}\nphase: AUTHZ\nmatch: [{{mode: CLIENT}}]\nvmConfig: {{env: [{{name: a, valueFrom: INLINE}}]}}");
        ExpectInvalidEnum<WasmPlugin>(yaml, p => p.Spec.Phase = (PluginPhase)9, "spec.phase");
        ExpectInvalidEnum<WasmPlugin>(yaml, p => p.Spec.ImagePullPolicy = (PullPolicy)9, "spec.imagePullPolicy");
        ExpectInvalidEnum<WasmPlugin>(yaml, p => p.Spec.FailStrategy = (FailStrategy)9, "spec.failStrategy");
        ExpectInvalidEnum<WasmPlugin>(yaml, p => p.Spec.Type = (PluginType)9, "spec.type");
        ExpectInvalidEnum<WasmPlugin>(yaml, p => p.Spec.Match[0].Mode = (WorkloadMode)9, "spec.match[0].mode");
        ExpectInvalidEnum<WasmPlugin>(yaml, p => p.Spec.VmConfig!.Env[0].ValueFrom = (EnvValueSource)9, "spec.vmConfig.env[0].valueFrom");
    }

    // Istio's cases: testdata/crds/wasm-{valid,invalid}.yaml and TestValidateWasmPlugin.
    [Theory]
    [InlineData("selector: {matchLabels: {istio: ingressgateway}}\nurl: file:///opt/filters/openid.wasm\nsha256: " + Sha + "\nphase: AUTHN\npluginConfig: {openid_server: authn, openid_realm: ingress}")]
    [InlineData("url: http://test")]
    [InlineData("url: test")]
    [InlineData("url: http://test\nvmConfig: {env: [{name: test, valueFrom: HOST}, {name: test2, valueFrom: INLINE, value: test}, {name: test3, value: test}]}")]
    [InlineData("url: http://test.com/test")]
    [InlineData("url: http://test.com/test\nsha256: 01ba4719c80b6fe911b091a7c05124b64eeece964e09c058ef8f9805daca546b")]
    [InlineData("url: oci://test.com/test")]
    [InlineData("url: test.com/test")]
    [InlineData("url: http://test.com/test\ntargetRef: {group: gateway.networking.k8s.io, kind: Gateway, name: foo}")]
    [InlineData("url: http://test.com/test\ntargetRef: {group: '', kind: Service, name: foo}")]
    public void Istio_valid_cases_pass(string spec) => AssertValid(Document("WasmPlugin", spec));

    [Theory]
    [InlineData("match: [{ports: [{}]}]")]
    [InlineData("url: ''")]
    [InlineData("url: '#%blah$#@'")]
    [InlineData("url: fake://example.com")]
    [InlineData("url: http://test\nsha256: foo")]
    [InlineData("url: http://test\nimagePullSecret: ''")]
    [InlineData("url: http://test\npluginName: ''")]
    [InlineData("url: http://test\nvmConfig: {env: [{name: a}, {name: a}]}")]
    [InlineData("url: http://test\nvmConfig: {env: [{name: ''}]}")]
    [InlineData("url: http://test\nvmConfig: {env: [{name: test, valueFrom: HOST, value: value}]}")]
    [InlineData("url: http://test\nselector: {matchLabels: {istio: 'bar*'}}")]
    [InlineData("url: http://test\nselector: {matchLabels: {'istio*': bar}}")]
    [InlineData("{}")]
    [InlineData("url: ftp://test.com/test")]
    [InlineData("url: http://test.com/test\nsha256: 01ba47")]
    [InlineData("url: http://test.com/test\nsha256: test")]
    [InlineData("url: http://test.com/test\nsha256: 01Ba4719c80b6fe911b091a7c05124b64eeece964e09c058ef8f9805daca546b")]
    [InlineData("url: test.com/test\nvmConfig: {env: [{name: '', valueFrom: HOST}]}")]
    [InlineData("url: test.com/test\nvmConfig: {env: [{name: ENV1, value: VAL1}, {name: ENV1, value: VAL1}]}")]
    [InlineData("url: http://test.com/test\ntargetRef: {group: gateway.networking.k8s.io, kind: Gateway, name: foo, namespace: bar}")]
    [InlineData("url: http://test.com/test\ntargetRef: {group: gateway.networking.k8s.io, kind: Gateway}")]
    [InlineData("url: http://test.com/test\ntargetRef: {group: wrong-group, kind: Gateway, name: foo}")]
    [InlineData("url: http://test.com/test\ntargetRef: {group: gateway.networking.k8s.io, kind: wrong-kind, name: foo}")]
    [InlineData("url: http://test.com/test\ntargetRef: {group: gateway.networking.k8s.io, kind: Gateway, name: foo}\nselector: {matchLabels: {app: httpbin}}")]
    public void Istio_invalid_cases_fail(string spec) => AssertInvalid(Document("WasmPlugin", spec));
}
