using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>
/// WorkloadGroup field rules: the CRD schema and CEL rules (of the template, which is a WorkloadEntrySpec, and of the
/// probe), and istiod's webhook (ValidateWorkloadGroup: the template is required, the metadata's labels are valid, the
/// readiness probe names one health check with valid ports, scheme, headers and command).
/// </summary>
internal sealed class WorkloadGroupRules() : FieldRule<WorkloadGroup>(
    "workloadgroup.fields",
    "WorkloadGroup field rules of the CRD schema, CEL and the istiod webhook: the template (as a WorkloadEntry's, without the address istiod fills in), the metadata given to registered workloads, and the readiness probe.",
    [
        .. WorkloadEntryRules.Codes, DiagnosticCodes.MissingField, DiagnosticCodes.InvalidReadinessProbe, DiagnosticCodes.InvalidHeader,
    ])
{
    // The field paths of the diagnostics, named through the schema (FieldPathTests resolves every one).
    private static readonly FieldPath Spec = FieldPath.Spec(() => WorkloadGroupSpec.Schema);
    private static readonly FieldPath Template = Spec.Field("template");
    private static readonly FieldPath MetadataLabels = Spec.Field("metadata.labels");
    private static readonly FieldPath MetadataAnnotations = Spec.Field("metadata.annotations");
    private static readonly FieldPath Probe = Spec.Field("probe");
    private static readonly FieldPath InitialDelaySeconds = Probe.Field("initialDelaySeconds");
    private static readonly FieldPath TimeoutSeconds = Probe.Field("timeoutSeconds");
    private static readonly FieldPath PeriodSeconds = Probe.Field("periodSeconds");
    private static readonly FieldPath SuccessThreshold = Probe.Field("successThreshold");
    private static readonly FieldPath FailureThreshold = Probe.Field("failureThreshold");
    private static readonly FieldPath HttpGetPort = Probe.Field("httpGet.port");
    private static readonly FieldPath HttpGetScheme = Probe.Field("httpGet.scheme");
    private static readonly FieldPath HttpGetHeaders = Probe.Field("httpGet.httpHeaders");
    private static readonly FieldPath HeaderName = HttpGetHeaders.Item.Field("name");
    private static readonly FieldPath TcpSocketPort = Probe.Field("tcpSocket.port");
    private static readonly FieldPath GrpcPort = Probe.Field("grpc.port");
    private static readonly FieldPath ExecCommand = Probe.Field("exec.command");

    public override void Check(WorkloadGroup group, RuleContext context)
    {
        var spec = group.Spec;
        if (spec.Template is { } template)
        {
            WorkloadEntryRules.CheckEntry(template, Template, context, template: true);
        }
        else
        {
            context.Error(DiagnosticCodes.MissingField, Template, "template is required: the WorkloadEntry fields (ports, serviceAccount, network, labels) every registered workload gets.");
        }

        if (spec.Metadata is { } metadata)
        {
            var labels = metadata.LabelsOrEmpty;
            if (labels.Count > 256)
            {
                context.Error(DiagnosticCodes.InvalidLabels, MetadataLabels, $"at most 256 labels are allowed, this WorkloadGroup's metadata has {labels.Count}.");
            }

            CommonRules.CheckLabels(context, labels, MetadataLabels);
            if (metadata.AnnotationsOrEmpty.Count > 256)
            {
                context.Error(DiagnosticCodes.InvalidLabels, MetadataAnnotations, $"at most 256 annotations are allowed, this WorkloadGroup's metadata has {metadata.AnnotationsOrEmpty.Count}.");
            }
        }

        if (spec.Probe is { } probe)
        {
            CheckProbe(probe, context);
        }
    }

    private static void CheckProbe(ReadinessProbe probe, RuleContext context)
    {
        CheckNotNegative(probe.InitialDelaySeconds, InitialDelaySeconds, context);
        CheckNotNegative(probe.TimeoutSeconds, TimeoutSeconds, context);
        CheckNotNegative(probe.PeriodSeconds, PeriodSeconds, context);
        CheckNotNegative(probe.SuccessThreshold, SuccessThreshold, context);
        CheckNotNegative(probe.FailureThreshold, FailureThreshold, context);
        if (probe.HttpGet is { } http)
        {
            CheckPort(http.Port, HttpGetPort, context);
            if (http.Scheme is { Length: > 0 } scheme && scheme is not ("HTTP" or "HTTPS"))
            {
                context.Error(DiagnosticCodes.InvalidReadinessProbe, HttpGetScheme, $"scheme must be one of [HTTP, HTTPS], not '{scheme}'.");
            }

            var headers = http.HttpHeadersOrEmpty;
            for (var i = 0; i < headers.Count; i++)
            {
                if (headers[i].Name is not { Length: > 0 } name || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                {
                    context.Error(
                        DiagnosticCodes.InvalidHeader,
                        $"{HttpGetHeaders}[{i}]{HeaderName}",
                        $"header name '{headers[i].Name}' is not a valid header name; use letters, digits, '-' and '_'.");
                }
            }
        }
        else if (probe.TcpSocket is { } tcp)
        {
            CheckPort(tcp.Port, TcpSocketPort, context);
        }
        else if (probe.Grpc is { } grpc)
        {
            CheckPort(grpc.Port, GrpcPort, context);
        }
        else if (probe.Exec is { } exec)
        {
            var command = exec.CommandOrEmpty;
            if (command.Count == 0)
            {
                context.Error(DiagnosticCodes.InvalidReadinessProbe, ExecCommand, "exec.command is required: the command (and its arguments) whose exit status 0 means ready.");
            }

            for (var i = 0; i < command.Count; i++)
            {
                if (command[i].Length == 0)
                {
                    context.Error(DiagnosticCodes.InvalidReadinessProbe, $"{ExecCommand}[{i}]", "an empty command argument is not allowed; remove it.");
                }
            }
        }
        else
        {
            context.Error(DiagnosticCodes.InvalidReadinessProbe, Probe, "the probe has no health check; set one of httpGet, tcpSocket, exec or grpc.");
        }
    }

    private static void CheckNotNegative(int? value, FieldPath path, RuleContext context)
    {
        if (value < 0)
        {
            context.Error(DiagnosticCodes.InvalidReadinessProbe, path, $"{path.Name} must be non-negative, not {value}.");
        }
    }

    private static void CheckPort(uint? port, FieldPath path, RuleContext context)
    {
        if (port is null)
        {
            context.Error(DiagnosticCodes.InvalidPort, path, "the probe needs a port: the workload's port (1..65535) to check.");
        }
        else if (!IstioSyntax.IsPort(port))
        {
            context.Error(DiagnosticCodes.InvalidPort, path, $"port {port} must be in range 1..65535.");
        }
    }
}
