using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>WorkloadEntry field rules: the CRD schema and CEL rules, and istiod's webhook (ValidateWorkloadEntry).</summary>
internal sealed class WorkloadEntryRules() : FieldRule<WorkloadEntry>(
    "workloadentry.fields",
    "WorkloadEntry field rules of the CRD schema, CEL and the istiod webhook: the address (IP, host name or unix socket, or a network), ports and labels.",
    Codes)
{
    /// <summary>The codes <see cref="CheckEntry"/> reports, for the metadata of the rules that call it.</summary>
    public static readonly string[] Codes = [DiagnosticCodes.InvalidEndpoint, DiagnosticCodes.InvalidPort, DiagnosticCodes.InvalidPortName, DiagnosticCodes.InvalidLabels];

    // The field paths of the diagnostics, relative to the WorkloadEntrySpec (a WorkloadEntry's spec or a WorkloadGroup's
    // template), named through the schema (FieldPathTests resolves every one).
    private static readonly FieldPath Spec = FieldPath.Spec(() => WorkloadEntrySpec.Schema);
    private static readonly FieldPath InEntry = FieldPath.In(() => WorkloadEntrySpec.Schema);
    private static readonly FieldPath Address = InEntry.Field("address");
    private static readonly FieldPath Ports = InEntry.Field("ports");
    private static readonly FieldPath Labels = InEntry.Field("labels");
    private static readonly FieldPath Network = InEntry.Field("network");
    private static readonly FieldPath Locality = InEntry.Field("locality");
    private static readonly FieldPath ServiceAccount = InEntry.Field("serviceAccount");

    public override void Check(WorkloadEntry entry, RuleContext context) => CheckEntry(entry.Spec, Spec, context, template: false);

    /// <summary>
    /// Checks a WorkloadEntrySpec at <paramref name="path"/>. A WorkloadGroup's <paramref name="template"/> gets the CRD's
    /// rules only: istiod fills in its address when a workload registers, and its webhook does not check the template.
    /// </summary>
    public static void CheckEntry(WorkloadEntrySpec spec, string path, RuleContext context, bool template)
    {
        var address = spec.Address;
        if (string.IsNullOrEmpty(address))
        {
            if (!template && string.IsNullOrEmpty(spec.Network))
            {
                context.Error(DiagnosticCodes.InvalidEndpoint, path + Address, "the WorkloadEntry has no address; set the workload's IP address or host name (or a network, to reach it through that network's gateway).");
            }
        }
        else if (address.StartsWith("unix://", StringComparison.Ordinal))
        {
            if (!IstioSyntax.IsUnixAddress(address) || address.EndsWith('/'))
            {
                context.Error(DiagnosticCodes.InvalidEndpoint, path + Address, $"'{address}' is not a valid unix socket address; write unix:///absolute/path (not a directory) or unix://@abstract-name.");
            }

            if (spec.PortsOrEmpty.Count > 0)
            {
                context.Error(DiagnosticCodes.InvalidEndpoint, path + Ports, $"a unix socket {(template ? "template" : "WorkloadEntry")} has no ports; remove them.");
            }
        }
        else if (address.Length > 256 || !(template || IstioSyntax.IsIp(address) || IstioSyntax.IsFqdn(address)))
        {
            context.Error(
                DiagnosticCodes.InvalidEndpoint,
                path + Address,
                template ? $"address is {address.Length} characters long; at most 256 are allowed." : $"address '{address}' is neither an IP address nor a host name (at most 256 characters).");
        }

        var ports = spec.PortsOrEmpty;
        if (ports.Count > 128)
        {
            context.Error(DiagnosticCodes.InvalidPort, path + Ports, $"at most 128 ports are allowed, this {(template ? "template" : "WorkloadEntry")} has {ports.Count}.");
        }

        foreach (var (name, number) in ports)
        {
            if (name.Length >= 63 || !IstioSyntax.IsDnsLabel(name))
            {
                context.Error(DiagnosticCodes.InvalidPortName, $"{path}{Ports}[{name}]", $"port name '{name}' must be a DNS-1123 label: letters, digits and '-', shorter than 63 characters.");
            }

            if (!IstioSyntax.IsPort(number))
            {
                context.Error(DiagnosticCodes.InvalidPort, $"{path}{Ports}[{name}]", $"port {number} must be in range 1..65535.");
            }
        }

        var labels = spec.LabelsOrEmpty;
        if (labels.Count > 256)
        {
            context.Error(DiagnosticCodes.InvalidLabels, path + Labels, $"at most 256 labels are allowed, this {(template ? "template" : "WorkloadEntry")} has {labels.Count}.");
        }

        // Istio's webhook checks a WorkloadEntry's labels; it leaves a template alone (the CRD only bounds their number).
        if (!template)
        {
            CommonRules.CheckLabels(context, labels, path + Labels);
        }

        if (spec.Network is { Length: > 2048 } network)
        {
            context.Error(DiagnosticCodes.InvalidEndpoint, path + Network, $"network is {network.Length} characters long; at most 2048 are allowed.");
        }

        if (spec.Locality is { Length: > 2048 } locality)
        {
            context.Error(DiagnosticCodes.InvalidEndpoint, path + Locality, $"locality is {locality.Length} characters long; at most 2048 are allowed.");
        }

        if (spec.ServiceAccount is { Length: > 253 } account)
        {
            context.Error(DiagnosticCodes.InvalidEndpoint, path + ServiceAccount, $"serviceAccount is {account.Length} characters long; at most 253 are allowed.");
        }
    }
}
