using Mesh.Dsl.Model.Security;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>PeerAuthentication field rules PA-01…PA-05 (catalogue §3.6).</summary>
internal sealed class PeerAuthenticationRules() : FieldRule<PeerAuthentication>(
    "peerauthentication.fields",
    "PeerAuthentication field rules (PA-01…PA-05, with G-15).",
    [
        DiagnosticCodes.InvalidPortLevelMtls, DiagnosticCodes.InvalidPort, DiagnosticCodes.InvalidEnumValue,
        DiagnosticCodes.EmptyWorkloadSelector, DiagnosticCodes.InvalidWorkloadSelector
    ])
{
    /// <summary>MESH3005, MESH3006.</summary>
    internal sealed class PlaintextAdvice() : FieldRule<PeerAuthentication>(
        "peerauthentication.plaintext",
        "A PeerAuthentication whose mode PERMISSIVE or DISABLE lets plaintext in.",
        [DiagnosticCodes.PermissiveMtls, DiagnosticCodes.MtlsDisabled],
        advice: true)
    {
        public override void Check(PeerAuthentication policy, RuleContext context) => Advise(policy, context);
    }

    // The field paths of the diagnostics, named through the schema (FieldPathTests resolves every one).
    private static readonly FieldPath Spec = FieldPath.Spec(() => PeerAuthenticationSpec.Schema);
    private static readonly FieldPath MatchLabels = Spec.Field("selector.matchLabels");
    private static readonly FieldPath MtlsMode = Spec.Field("mtls.mode");
    private static readonly FieldPath PortLevelMtls = Spec.Field("portLevelMtls");
    private static readonly FieldPath PortMode = PortLevelMtls.Item.Field("mode");

    public override void Check(PeerAuthentication policy, RuleContext context)
    {
        var spec = policy.Spec;
        if (spec.Selector is { } selector)
        {
            CommonRules.CheckSelector(context, selector.MatchLabels, MatchLabels, 4096);
        }

        if (spec.Mtls is { } mtls)
        {
            CommonRules.CheckEnum(context, mtls.Mode, MtlsMode);
        }

        // The CEL rule asks has(self.portLevelMtls), which an empty map present in the document also answers.
        var emptyPortLevelMtls = spec.PortLevelMtlsIsSetButEmpty;
        if ((spec.PortLevelMtls.Count > 0 || emptyPortLevelMtls) && (spec.Selector is null || spec.Selector.MatchLabels.Count == 0))
        {
            context.Error(DiagnosticCodes.InvalidPortLevelMtls, PortLevelMtls, "portLevelMtls requires a workload selector; add spec.selector.matchLabels for the workloads whose ports these are, or use spec.mtls for the whole namespace.");
        }

        if (emptyPortLevelMtls)
        {
            context.Error(DiagnosticCodes.InvalidPortLevelMtls, PortLevelMtls, "portLevelMtls is present but lists no port; add at least one port (such as 9080: {mode: DISABLE}), or remove portLevelMtls.");
        }

        foreach (var (port, portMtls) in spec.PortLevelMtls)
        {
            var path = $"{PortLevelMtls}[{port}]";
            if (!IstioSyntax.IsPort(port))
            {
                context.Error(DiagnosticCodes.InvalidPort, path, $"port {port} must be in range 1..65535.");
            }

            CommonRules.CheckEnum(context, portMtls.Mode, path + PortMode);
        }
    }

    /// <summary>
    /// MESH3005 / MESH3006: modes that let plaintext in. A port-level DISABLE is judged together with the
    /// Sidecars (<see cref="PeerAuthenticationChecks.AdviseDisabledPorts"/>), a port-level PERMISSIVE here.
    /// </summary>
    public static void Advise(PeerAuthentication policy, RuleContext context)
    {
        var spec = policy.Spec;
        Advise(context, spec.Mtls?.Mode, MtlsMode);
        foreach (var (port, portMtls) in spec.PortLevelMtls)
        {
            if (portMtls.Mode != MutualTlsMode.Disable)
            {
                Advise(context, portMtls.Mode, $"{PortLevelMtls}[{port}]{PortMode}");
            }
        }
    }

    private static void Advise(RuleContext context, MutualTlsMode? mode, string path)
    {
        if (mode == MutualTlsMode.Permissive)
        {
            context.Warning(DiagnosticCodes.PermissiveMtls, path, "mTLS mode PERMISSIVE also accepts plaintext, so any workload can call without an identity; switch to STRICT once every client has a sidecar.");
        }
        else if (mode == MutualTlsMode.Disable)
        {
            context.Warning(DiagnosticCodes.MtlsDisabled, path, "mTLS mode DISABLE accepts only plaintext; use STRICT, or limit DISABLE to the ports that need it with portLevelMtls.");
        }
    }
}
