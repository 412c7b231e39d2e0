using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>WorkloadEntry field rules: the CRD schema and CEL rules, and istiod's webhook (ValidateWorkloadEntry).</summary>
internal sealed class WorkloadEntryRules() : FieldRule<WorkloadEntry>(
    "workloadentry.fields",
    "WorkloadEntry field rules of the CRD schema, CEL and the istiod webhook: the address (IP, host name or unix socket, or a network), ports and labels.",
    [DiagnosticCodes.InvalidEndpoint, DiagnosticCodes.InvalidPort, DiagnosticCodes.InvalidPortName, DiagnosticCodes.InvalidLabels])
{
    // The field paths of the diagnostics, named through the schema (FieldPathTests resolves every one).
    private static readonly FieldPath Spec = FieldPath.Spec(() => WorkloadEntrySpec.Schema);
    private static readonly FieldPath Address = Spec.Field("address");
    private static readonly FieldPath Ports = Spec.Field("ports");
    private static readonly FieldPath Labels = Spec.Field("labels");
    private static readonly FieldPath ServiceAccount = Spec.Field("serviceAccount");

    public override void Check(WorkloadEntry entry, RuleContext context)
    {
        var spec = entry.Spec;
        var address = spec.Address;
        if (string.IsNullOrEmpty(address))
        {
            if (string.IsNullOrEmpty(spec.Network))
            {
                context.Error(DiagnosticCodes.InvalidEndpoint, Address, "the WorkloadEntry has no address; set the workload's IP address or host name (or a network, to reach it through that network's gateway).");
            }
        }
        else if (address.StartsWith("unix://", StringComparison.Ordinal))
        {
            if (!IstioSyntax.IsUnixAddress(address) || address.EndsWith('/'))
            {
                context.Error(DiagnosticCodes.InvalidEndpoint, Address, $"'{address}' is not a valid unix socket address; write unix:///absolute/path (not a directory) or unix://@abstract-name.");
            }

            if (spec.PortsOrEmpty.Count > 0)
            {
                context.Error(DiagnosticCodes.InvalidEndpoint, Ports, "a unix socket WorkloadEntry has no ports; remove them.");
            }
        }
        else if (address.Length > 256 || !(IstioSyntax.IsIp(address) || IstioSyntax.IsFqdn(address)))
        {
            context.Error(DiagnosticCodes.InvalidEndpoint, Address, $"address '{address}' is neither an IP address nor a host name (at most 256 characters).");
        }

        var ports = spec.PortsOrEmpty;
        if (ports.Count > 128)
        {
            context.Error(DiagnosticCodes.InvalidPort, Ports, $"at most 128 ports are allowed, this WorkloadEntry has {ports.Count}.");
        }

        foreach (var (name, number) in ports)
        {
            if (name.Length >= 63 || !IstioSyntax.IsDnsLabel(name))
            {
                context.Error(DiagnosticCodes.InvalidPortName, $"{Ports}[{name}]", $"port name '{name}' must be a DNS-1123 label: letters, digits and '-', shorter than 63 characters.");
            }

            if (!IstioSyntax.IsPort(number))
            {
                context.Error(DiagnosticCodes.InvalidPort, $"{Ports}[{name}]", $"port {number} must be in range 1..65535.");
            }
        }

        if (spec.LabelsOrEmpty.Count > 256)
        {
            context.Error(DiagnosticCodes.InvalidLabels, Labels, $"at most 256 labels are allowed, this WorkloadEntry has {spec.LabelsOrEmpty.Count}.");
        }

        CommonRules.CheckLabels(context, spec.LabelsOrEmpty, Labels);
        if (spec.ServiceAccount is { Length: > 253 } account)
        {
            context.Error(DiagnosticCodes.InvalidEndpoint, ServiceAccount, $"serviceAccount is {account.Length} characters long; at most 253 are allowed.");
        }
    }
}
