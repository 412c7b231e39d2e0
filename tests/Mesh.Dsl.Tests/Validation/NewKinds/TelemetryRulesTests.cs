using Mesh.Dsl.Model.Telemetry;
using Mesh.Dsl.Validation;
using static Mesh.Dsl.Tests.Validation.NewKinds.NewKindDocuments;
using static Mesh.Dsl.Tests.Validation.ValidationTestHelper;

namespace Mesh.Dsl.Tests.Validation.NewKinds;

/// <summary>Telemetry field rules: for every rule a failing and a passing spec with the exact diagnostic, and Istio's own cases.</summary>
public class TelemetryRulesTests
{
    private const string Maximal = """
        selector:
          matchLabels: {app: storefront}
        tracing:
        - match: {mode: CLIENT_AND_SERVER}
          providers: [{name: otel}]
          randomSamplingPercentage: 54.54
          disableSpanReporting: false
          customTags:
            cluster: {literal: {value: eu-west1}}
            user: {header: {name: x-user, defaultValue: anonymous}}
            pod: {environment: {name: POD_NAME, defaultValue: unknown}}
            path: {formatter: {value: '%REQ(:PATH)%'}}
          useRequestIdForTraceSampling: true
          enableIstioTags: true
          disableContextPropagation: false
        metrics:
        - providers: [{name: prometheus}]
          overrides:
          - match: {metric: REQUEST_COUNT, mode: CLIENT}
            disabled: false
            tagOverrides:
              request_host: {operation: REMOVE}
              request_method: {operation: UPSERT, value: request.method}
          - match: {customMetric: my_metric, mode: SERVER}
            disabled: true
          reportingInterval: 15s
        accessLogging:
        - match: {mode: SERVER}
          providers: [{name: envoy}, {name: otel}]
          disabled: false
          filter: {expression: "response.code >= 400 || (has(request.headers.x_debug) && request.url_path.startsWith('/api'))"}
        """;

    [Fact]
    public void A_maximal_telemetry_is_clean() => AssertClean(Validate(Document("Telemetry", Maximal)));

    [Fact]
    public void A_target_ref_telemetry_is_clean()
        => AssertClean(Validate(Document("Telemetry", "targetRef: {group: gateway.networking.k8s.io, kind: Gateway, name: ingress}\naccessLogging: [{providers: [{name: envoy}]}]")));

    [Theory]
    [InlineData("selector: {matchLabels: {app: a}}\ntargetRef: {kind: Service, name: a}", "targetRef: {kind: Service, name: a}", DiagnosticCodes.ConflictingFields, "spec", "only one of selector, targetRef or targetRefs can be set; a policy selects its workloads either by label or by reference.")]
    [InlineData("targetRefs: [{kind: Service, name: a, namespace: b}]", "targetRefs: [{kind: Service, name: a}]", DiagnosticCodes.InvalidTargetRef, "spec.targetRefs[0].namespace", "targetRef namespace must not be set: cross-namespace references are not supported; put the policy in the target's namespace.")]
    [InlineData("tracing: [{providers: [{name: ''}]}]", "tracing: [{providers: [{name: otel}]}]", DiagnosticCodes.InvalidTelemetryProvider, "spec.tracing[0].providers[0].name", "providers.name may not be empty; name an extension provider of the mesh config.")]
    [InlineData("metrics: [{providers: [{name: prometheus}, {}]}]", "metrics: [{providers: [{name: prometheus}]}]", DiagnosticCodes.InvalidTelemetryProvider, "spec.metrics[0].providers[1].name", "providers.name may not be empty; name an extension provider of the mesh config.")]
    [InlineData("accessLogging: [{providers: [{name: ''}]}]", "accessLogging: [{providers: [{name: envoy}]}]", DiagnosticCodes.InvalidTelemetryProvider, "spec.accessLogging[0].providers[0].name", "providers.name may not be empty; name an extension provider of the mesh config.")]
    [InlineData("tracing: [{randomSamplingPercentage: 101}]", "tracing: [{randomSamplingPercentage: 100}]", DiagnosticCodes.InvalidPercentage, "spec.tracing[0].randomSamplingPercentage", "randomSamplingPercentage must be in range [0.0, 100.0], not 101.")]
    [InlineData("tracing: [{randomSamplingPercentage: -0.5}]", "tracing: [{randomSamplingPercentage: 0}]", DiagnosticCodes.InvalidPercentage, "spec.tracing[0].randomSamplingPercentage", "randomSamplingPercentage must be in range [0.0, 100.0], not -0.5.")]
    [InlineData("tracing: [{customTags: {'': {literal: {value: a}}}}]", "tracing: [{customTags: {a: {literal: {value: a}}}}]", DiagnosticCodes.InvalidTracingTag, "spec.tracing[0].customTags[]", "tag name may not be empty; name the span tag.")]
    [InlineData("tracing: [{customTags: {a: {literal: {value: ''}}}}]", "tracing: [{customTags: {a: {literal: {value: b}}}}]", DiagnosticCodes.InvalidTracingTag, "spec.tracing[0].customTags[a].literal.value", "literal tag value may not be empty; set the value every span gets.")]
    [InlineData("tracing: [{customTags: {a: {header: {defaultValue: b}}}}]", "tracing: [{customTags: {a: {header: {name: x-b, defaultValue: b}}}}]", DiagnosticCodes.InvalidTracingTag, "spec.tracing[0].customTags[a].header.name", "header tag name may not be empty; name the request header whose value the span gets.")]
    [InlineData("tracing: [{customTags: {a: {environment: {name: ''}}}}]", "tracing: [{customTags: {a: {environment: {name: B}}}}]", DiagnosticCodes.InvalidTracingTag, "spec.tracing[0].customTags[a].environment.name", "environment tag name may not be empty; name the proxy's environment variable whose value the span gets.")]
    [InlineData("tracing: [{customTags: {a: {formatter: {value: ''}}}}]", "tracing: [{customTags: {a: {formatter: {value: '%START_TIME%'}}}}]", DiagnosticCodes.InvalidTracingTag, "spec.tracing[0].customTags[a].formatter.value", "formatter tag value may not be empty; write an access-log substitution such as %REQ(x-user)%.")]
    [InlineData("metrics: [{reportingInterval: 0s}]", "metrics: [{reportingInterval: 1ms}]", DiagnosticCodes.InvalidDuration, "spec.metrics[0].reportingInterval", "reportingInterval must be a valid duration greater than 1ms.")]
    [InlineData("metrics: [{overrides: [{match: {customMetric: ''}}]}]", "metrics: [{overrides: [{match: {customMetric: c}}]}]", DiagnosticCodes.InvalidMetricsOverride, "spec.metrics[0].overrides[0].match.customMetric", "customMetric may not be empty; name the custom metric, or use metric for a standard one.")]
    [InlineData("metrics: [{overrides: [{tagOverrides: {foo: {operation: UPSERT}}}]}]", "metrics: [{overrides: [{tagOverrides: {foo: {operation: UPSERT, value: add}}}]}]", DiagnosticCodes.InvalidMetricsOverride, "spec.metrics[0].overrides[0].tagOverrides[foo].value", "value must be set when operation is UPSERT (the default); give tag 'foo' a CEL expression such as request.host.")]
    [InlineData("metrics: [{overrides: [{tagOverrides: {foo: {}}}]}]", "metrics: [{overrides: [{tagOverrides: {foo: {value: request.host}}}]}]", DiagnosticCodes.InvalidMetricsOverride, "spec.metrics[0].overrides[0].tagOverrides[foo].value", "value must be set when operation is UPSERT (the default); give tag 'foo' a CEL expression such as request.host.")]
    [InlineData("metrics: [{overrides: [{tagOverrides: {foo: {operation: REMOVE, value: oops}}}]}]", "metrics: [{overrides: [{tagOverrides: {foo: {operation: REMOVE}}}]}]", DiagnosticCodes.InvalidMetricsOverride, "spec.metrics[0].overrides[0].tagOverrides[foo].value", "value must not be set when operation is REMOVE; remove the value of tag 'foo'.")]
    [InlineData("metrics: [{overrides: [{tagOverrides: {foo: {operation: REMOVE, value: ''}}}]}]", "metrics: [{overrides: [{tagOverrides: {foo: {operation: REMOVE}}}]}]", DiagnosticCodes.InvalidMetricsOverride, "spec.metrics[0].overrides[0].tagOverrides[foo].value", "value must not be set when operation is REMOVE; remove the value of tag 'foo'.")]
    [InlineData("accessLogging: [{filter: {expression: ')++++'}}]", "accessLogging: [{filter: {expression: 'response.code'}}]", DiagnosticCodes.InvalidAccessLogFilter, "spec.accessLogging[0].filter.expression", "the filter must be a valid CEL expression such as response.code >= 400: unexpected ')' at column 1.")]
    [InlineData("accessLogging: [{filter: {}}]", "accessLogging: [{filter: {expression: 'true'}}]", DiagnosticCodes.InvalidAccessLogFilter, "spec.accessLogging[0].filter.expression", "the filter must be a valid CEL expression such as response.code >= 400: unexpected end of expression at column 1.")]
    public void Error_rule(string invalid, string valid, string code, string path, string message)
        => Expect("Telemetry", invalid, valid, code, DiagnosticSeverity.Error, path, message);

    [Theory]
    [InlineData("tracing: [{providers: [{name: a}]}, {providers: [{name: b}]}]", "tracing: [{providers: [{name: a}]}]", "spec.tracing", "multiple tracing is not currently supported: istiod uses one tracing configuration, this Telemetry has 2; merge them into one.")]
    [InlineData("tracing: [{providers: [{name: a}, {name: b}]}]", "tracing: [{providers: [{name: a}]}]", "spec.tracing[0].providers", "multiple providers is not currently supported: spans go to one tracing provider, this entry names 2; keep one.")]
    [InlineData("metrics: [{overrides: [{tagOverrides: {'': {value: a}}}]}]", "metrics: [{overrides: [{tagOverrides: {b: {value: a}}}]}]", "spec.metrics[0].overrides[0].tagOverrides[]", "tagOverrides.name may not be empty; name the metric tag to override.")]
    public void Warning_rule(string invalid, string valid, string path, string message)
        => Expect("Telemetry", invalid, valid, DiagnosticCodes.UnsupportedTelemetry, DiagnosticSeverity.Warning, path, message);

    [Fact]
    public void Enum_values_outside_the_enum_are_errors()
    {
        var yaml = Document("Telemetry", "tracing: [{match: {mode: CLIENT}}]\nmetrics: [{overrides: [{match: {metric: REQUEST_COUNT}}]}]");
        ExpectInvalidEnum<Telemetry>(yaml, t => t.Spec.Tracing[0].Match!.Mode = (WorkloadMode)7, "spec.tracing[0].match.mode");
        ExpectInvalidEnum<Telemetry>(yaml, t => t.Spec.Metrics[0].Overrides[0].Match!.Metric = (IstioMetric)99, "spec.metrics[0].overrides[0].match.metric");
    }

    // Istio's cases: testdata/crds/telemetry-{valid,invalid}.yaml, TestValidateTelemetry and TestValidateTelemetryFilter.
    [Theory]
    [InlineData("metrics:\n- providers: [{name: prometheus}]\n  reportingInterval: 5s\n  overrides:\n  - tagOverrides: {request_method: {value: request.method}, request_host: {value: request.host}}\n    match: {customMetric: foo}\n    disabled: false\n  - match: {metric: GRPC_REQUEST_MESSAGES}\n    disabled: true\naccessLogging:\n- disabled: false\n  filter: {expression: 'true'}\n  match: {mode: CLIENT}\n  providers: [{name: stdout}]\ntracing:\n- providers: [{name: otlp}]\n  match: {mode: CLIENT_AND_SERVER}\n  randomSamplingPercentage: 54.54\n  useRequestIdForTraceSampling: true\n  disableSpanReporting: false\n  customTags:\n    env: {environment: {name: NAME, defaultValue: default}}\n    header: {header: {name: x-name, defaultValue: default name}}\n    literal: {literal: {value: default literal}}")]
    [InlineData("metrics: [{overrides: [{tagOverrides: {foo: {operation: UPSERT, value: add}}}]}]")]
    [InlineData("metrics: [{overrides: [{tagOverrides: {foo: {operation: REMOVE}}}]}]")]
    [InlineData("{}")]
    [InlineData("tracing: [{providers: [{name: a}, {name: b}]}]")]
    [InlineData("tracing: [{}, {}]")]
    [InlineData("tracing: [{customTags: {clusterID: {environment: {name: FOO}}}}]")]
    [InlineData("metrics: [{overrides: [{tagOverrides: {my-tag: {operation: UPSERT, value: some-cel-expression}}}]}]")]
    [InlineData("accessLogging: [{providers: [{name: envoy}]}, {providers: [{name: otel}]}]")]
    [InlineData("accessLogging: [{providers: [{name: envoy}, {name: otel}]}]")]
    [InlineData("tracing: [{customTags: {clusterID: {environment: {name: FOO}}}}]\ntargetRef: {group: gateway.networking.k8s.io, kind: Gateway, name: foo}")]
    [InlineData("accessLogging: [{filter: {expression: 'response.code >= 400'}}]")]
    [InlineData("accessLogging: [{filter: {expression: \"connection.mtls && request.url_path.contains('v1beta3')\"}}]")]
    [InlineData("accessLogging: [{filter: {expression: response.code}}]")]
    public void Istio_valid_cases_pass(string spec) => AssertValid(Document("Telemetry", spec));

    [Theory]
    [InlineData("metrics: [{providers: [{name: ''}]}]")]
    [InlineData("metrics: [{overrides: [{match: {customMetric: ''}}]}]")]
    [InlineData("metrics: [{overrides: [{tagOverrides: {foo: {operation: UPSERT}}}]}]")]
    [InlineData("metrics: [{overrides: [{tagOverrides: {foo: {operation: REMOVE, value: oops}}}]}]")]
    [InlineData("tracing: [{randomSamplingPercentage: 101}]")]
    [InlineData("metrics: [{overrides: [{tagOverrides: {my-tag: {operation: UPSERT, value: ''}}}]}]")]
    [InlineData("tracing: [{customTags: {clusterID: {environment: {name: FOO}}}}]\ntargetRef: {group: gateway.networking.k8s.io, kind: Gateway}")]
    [InlineData("tracing: [{customTags: {clusterID: {environment: {name: FOO}}}}]\ntargetRef: {group: gateway.networking.k8s.io, kind: Gateway, name: foo, namespace: bar}")]
    [InlineData("tracing: [{customTags: {clusterID: {environment: {name: FOO}}}}]\ntargetRef: {group: wrong-group, kind: Gateway, name: foo}")]
    [InlineData("tracing: [{customTags: {clusterID: {environment: {name: FOO}}}}]\ntargetRef: {group: gateway.networking.k8s.io, kind: wrong-kind, name: foo}")]
    [InlineData("targetRef: {group: gateway.networking.k8s.io, kind: Gateway, name: foo}\nselector: {matchLabels: {app: httpbin}}")]
    [InlineData("accessLogging: [{filter: {expression: ')++++'}}]")]
    public void Istio_invalid_cases_fail(string spec) => AssertInvalid(Document("Telemetry", spec));

    [Fact]
    public void Istio_warning_cases_warn()
    {
        Assert.Contains(Validate(Document("Telemetry", "tracing: [{providers: [{name: a}, {name: b}]}]")), d => d.Code == DiagnosticCodes.UnsupportedTelemetry && !d.IsError);
        Assert.Contains(Validate(Document("Telemetry", "tracing: [{}, {}]")), d => d.Code == DiagnosticCodes.UnsupportedTelemetry && !d.IsError);
    }
}
