using Mesh.Dsl.Validation;
using static Mesh.Dsl.Tests.Validation.NewKinds.NewKindDocuments;
using static Mesh.Dsl.Tests.Validation.ValidationTestHelper;

namespace Mesh.Dsl.Tests.Validation.NewKinds;

/// <summary>WorkloadGroup field rules: for every rule a failing and a passing spec with the exact diagnostic, and Istio's own cases.</summary>
public class WorkloadGroupRulesTests
{
    private const string Template = "template: {serviceAccount: sa, network: net}";

    private const string Maximal = """
        metadata:
          labels: {app: billing, version: v1}
          annotations: {sidecar.istio.io/logLevel: info}
        template:
          address: 10.0.0.1
          ports: {http: 8080, grpc-api: 9090}
          labels: {app: billing}
          network: vm-network
          locality: us-west1/zone1/sub1
          weight: 3
          serviceAccount: billing
        probe:
          initialDelaySeconds: 5
          timeoutSeconds: 2
          periodSeconds: 10
          successThreshold: 1
          failureThreshold: 3
          httpGet: {path: /healthz, port: 8080, host: 127.0.0.1, scheme: HTTPS, httpHeaders: [{name: x-probe, value: istio}]}
        """;

    [Fact]
    public void A_maximal_workload_group_is_clean() => AssertClean(Validate(Document("WorkloadGroup", Maximal)));

    [Theory]
    [InlineData("tcpSocket: {port: 8080}")]
    [InlineData("exec: {command: [/bin/check, --ready]}")]
    [InlineData("grpc: {port: 9090, service: health}")]
    public void Every_kind_of_probe_is_clean(string check)
        => AssertClean(Validate(Document("WorkloadGroup", $"{Template}\nprobe: {{{check}}}")));

    [Theory]
    [InlineData("metadata: {labels: {app: a}}", "template: {}\nmetadata: {labels: {app: a}}", DiagnosticCodes.MissingField, "spec.template", "template is required: the WorkloadEntry fields (ports, serviceAccount, network, labels) every registered workload gets.")]
    [InlineData("template: {}\nmetadata: {labels: {'bad key': a}}", "template: {}\nmetadata: {labels: {good-key: a}}", DiagnosticCodes.InvalidLabels, "spec.metadata.labels[bad key]", "invalid label 'bad key=a'; keys are an optional DNS prefix and '/' plus a name of letters, digits, '-', '_' and '.' (at most 63, alphanumeric at both ends), values use the same characters.")]
    [InlineData("template: {address: 'unix://var/run/app.sock'}", "template: {address: 'unix:///var/run/app.sock'}", DiagnosticCodes.InvalidEndpoint, "spec.template.address", "'unix://var/run/app.sock' is not a valid unix socket address; write unix:///absolute/path (not a directory) or unix://@abstract-name.")]
    [InlineData("template: {address: 'unix:///var/run/app.sock', ports: {http: 80}}", "template: {address: 'unix:///var/run/app.sock'}", DiagnosticCodes.InvalidEndpoint, "spec.template.ports", "a unix socket template has no ports; remove them.")]
    [InlineData("template: {ports: {'-http': 80}}", "template: {ports: {http: 80}}", DiagnosticCodes.InvalidPortName, "spec.template.ports[-http]", "port name '-http' must be a DNS-1123 label: letters, digits and '-', shorter than 63 characters.")]
    [InlineData("template: {ports: {http: 0}}", "template: {ports: {http: 65535}}", DiagnosticCodes.InvalidPort, "spec.template.ports[http]", "port 0 must be in range 1..65535.")]
    public void Spec_rule(string invalid, string valid, string code, string path, string message)
        => Expect("WorkloadGroup", invalid, valid, code, DiagnosticSeverity.Error, path, message);

    [Fact]
    public void Template_without_address_is_clean_as_istiod_fills_it_in()
        => AssertClean(Validate(Document("WorkloadGroup", "template: {ports: {http: 8080}, labels: {app: vm}}")));

    [Fact]
    public void Template_address_longer_than_256_is_an_error()
        => Expect(
            "WorkloadGroup",
            $"template: {{address: {new string('a', 257)}}}",
            $"template: {{address: {new string('a', 256)}}}",
            DiagnosticCodes.InvalidEndpoint,
            DiagnosticSeverity.Error,
            "spec.template.address",
            "address is 257 characters long; at most 256 are allowed.");

    [Theory]
    [InlineData("{}", "{tcpSocket: {port: 80}}", DiagnosticCodes.InvalidReadinessProbe, "spec.probe", "the probe has no health check; set one of httpGet, tcpSocket, exec or grpc.")]
    [InlineData("{periodSeconds: -1, tcpSocket: {port: 80}}", "{periodSeconds: 0, tcpSocket: {port: 80}}", DiagnosticCodes.InvalidReadinessProbe, "spec.probe.periodSeconds", "periodSeconds must be non-negative, not -1.")]
    [InlineData("{initialDelaySeconds: -2, tcpSocket: {port: 80}}", "{initialDelaySeconds: 2, tcpSocket: {port: 80}}", DiagnosticCodes.InvalidReadinessProbe, "spec.probe.initialDelaySeconds", "initialDelaySeconds must be non-negative, not -2.")]
    [InlineData("{timeoutSeconds: -1, tcpSocket: {port: 80}}", "{timeoutSeconds: 1, tcpSocket: {port: 80}}", DiagnosticCodes.InvalidReadinessProbe, "spec.probe.timeoutSeconds", "timeoutSeconds must be non-negative, not -1.")]
    [InlineData("{successThreshold: -1, tcpSocket: {port: 80}}", "{successThreshold: 1, tcpSocket: {port: 80}}", DiagnosticCodes.InvalidReadinessProbe, "spec.probe.successThreshold", "successThreshold must be non-negative, not -1.")]
    [InlineData("{failureThreshold: -1, tcpSocket: {port: 80}}", "{failureThreshold: 1, tcpSocket: {port: 80}}", DiagnosticCodes.InvalidReadinessProbe, "spec.probe.failureThreshold", "failureThreshold must be non-negative, not -1.")]
    [InlineData("{httpGet: {path: /}}", "{httpGet: {path: /, port: 80}}", DiagnosticCodes.InvalidPort, "spec.probe.httpGet.port", "the probe needs a port: the workload's port (1..65535) to check.")]
    [InlineData("{httpGet: {port: 65536}}", "{httpGet: {port: 65535}}", DiagnosticCodes.InvalidPort, "spec.probe.httpGet.port", "port 65536 must be in range 1..65535.")]
    [InlineData("{httpGet: {port: 80, scheme: http}}", "{httpGet: {port: 80, scheme: HTTP}}", DiagnosticCodes.InvalidReadinessProbe, "spec.probe.httpGet.scheme", "scheme must be one of [HTTP, HTTPS], not 'http'.")]
    [InlineData("{httpGet: {port: 80, httpHeaders: [{name: '**', value: a}]}}", "{httpGet: {port: 80, httpHeaders: [{name: x_a-1, value: a}]}}", DiagnosticCodes.InvalidHeader, "spec.probe.httpGet.httpHeaders[0].name", "header name '**' is not a valid header name; use letters, digits, '-' and '_'.")]
    [InlineData("{tcpSocket: {port: 0}}", "{tcpSocket: {port: 1}}", DiagnosticCodes.InvalidPort, "spec.probe.tcpSocket.port", "port 0 must be in range 1..65535.")]
    [InlineData("{grpc: {port: 70000}}", "{grpc: {port: 7000}}", DiagnosticCodes.InvalidPort, "spec.probe.grpc.port", "port 70000 must be in range 1..65535.")]
    [InlineData("{exec: {}}", "{exec: {command: [check]}}", DiagnosticCodes.InvalidReadinessProbe, "spec.probe.exec.command", "exec.command is required: the command (and its arguments) whose exit status 0 means ready.")]
    [InlineData("{exec: {command: [check, '']}}", "{exec: {command: [check, '-v']}}", DiagnosticCodes.InvalidReadinessProbe, "spec.probe.exec.command[1]", "an empty command argument is not allowed; remove it.")]
    public void Probe_rule(string invalid, string valid, string code, string path, string message)
        => Expect("WorkloadGroup", $"{Template}\nprobe: {invalid}", $"{Template}\nprobe: {valid}", code, DiagnosticSeverity.Error, path, message);

    // Istio's cases: pkg/config/validation testdata/crds/workloadgroup-{valid,invalid}.yaml and TestValidateWorkloadGroup.
    [Theory]
    [InlineData("template: {}")]
    [InlineData("metadata: {labels: {foo: bar}, annotations: {foo: bar}}\nprobe: {failureThreshold: 2, initialDelaySeconds: 1, periodSeconds: 1, successThreshold: 1, timeoutSeconds: 1, httpGet: {port: 8080, host: bar, scheme: HTTPS, path: /bar, httpHeaders: [{name: foo, value: bar}]}}\ntemplate: {serviceAccount: sa, network: net, labels: {app: app}, ports: {http: 1}, weight: 2, locality: foo/bar/baz}")]
    [InlineData("probe: {tcpSocket: {port: 8080}}\ntemplate: {serviceAccount: sa, network: net}")]
    [InlineData("template: {}\nprobe: {httpGet: {port: 1}}")]
    [InlineData("template: {}\nprobe: {tcpSocket: {port: 5}}")]
    [InlineData("template: {}\nprobe: {exec: {command: [foo, bar]}}")]
    public void Istio_valid_cases_pass(string spec) => AssertValid(Document("WorkloadGroup", spec));

    [Theory]
    [InlineData("probe: {tcpSocket: {port: 65536}}\ntemplate: {serviceAccount: sa, network: net}")]
    [InlineData("probe: {httpGet: {httpHeaders: [{name: '**'}], port: 80}}\ntemplate: {}")]
    [InlineData("template: {}\nmetadata: {labels: {'.': '~'}}")]
    [InlineData("template: {}\nprobe: {}")]
    [InlineData("template: {}\nprobe: {httpGet: {}}")]
    [InlineData("template: {}\nprobe: {tcpSocket: {}}")]
    [InlineData("template: {}\nprobe: {exec: {}}")]
    [InlineData("probe: {tcpSocket: {port: 80}}")]
    public void Istio_invalid_cases_fail(string spec) => AssertInvalid(Document("WorkloadGroup", spec));
}
