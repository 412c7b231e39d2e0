namespace Mesh.Dsl.Validation.Rules;

/// <summary>
/// The registration list: every rule <see cref="MeshValidator"/> runs, in the order it runs them.
/// </summary>
/// <remarks>
/// <para>
/// To check a kind (or check more of one): write a sealed rule class, <see cref="FieldRule{TResource}"/> for what one
/// resource shows on its own or <see cref="MeshRule"/> for what needs several resources or Kubernetes objects, give it
/// its metadata (a unique name, a description with the catalogue's rule IDs, every diagnostic code it reports, and
/// <c>advice: true</c> for security advice), and add one line below. Field rules run per resource in this order
/// (those of every kind first, advice after the field rules); mesh rules run in this order after them, on a second
/// thread for a large mesh. A kind with no rule is checked only by the rules of every kind (metadata).
/// </para>
/// <para>
/// A code a rule reports must be in the catalogue, src/Mesh.Dsl/Validation/diagnostics.yaml, from which
/// tools/Mesh.Dsl.Generator makes <see cref="DiagnosticCodes"/> and docs/diagnostics.md; a new code is a new entry
/// there and a run of the generator. Field paths in messages come from the model's schema (<see cref="FieldPath"/>),
/// enum names from its codecs (<see cref="CommonRules.EnumName{TEnum}"/>).
/// </para>
/// </remarks>
internal static class IstioRules
{
    public static IReadOnlyList<Rule> All { get; } =
    [
        // Field rules, per resource.
        new CommonRules.MetadataRule(),
        new ServiceEntryRules(),
        new PeerAuthenticationRules(),
        new DestinationRuleRules(),
        new VirtualServiceRules(),
        new GatewayRules(),
        new SidecarRules(),
        new AuthorizationPolicyRules(),
        new RequestAuthenticationRules(),
        new WorkloadEntryRules(),

        // Issue 13 part 4: EnvoyFilter, ProxyConfig, AuthorizationPolicy condition keys and path templates.
        new AuthorizationPolicyConditions(),
        new AuthorizationPolicyDryRun(),
        new EnvoyFilterRules(),
        new ProxyConfigRules(),

        // Field rules of WorkloadGroup, Telemetry, WasmPlugin and TrafficExtension (issue 13, part 4).
        new WorkloadGroupRules(),
        new TelemetryRules(),
        new WasmPluginRules(),
        new TrafficExtensionRules(),

        // Security advice on one resource (run after its field rules, only with MeshValidator.SecurityAdvice).
        new ServiceEntryChecks.WildcardPassthrough(),
        new PeerAuthenticationRules.PlaintextAdvice(),
        new DestinationRuleRules.TlsAdvice(),

        // Cross-resource rules, in the order they run.
        new DuplicateResourceRule(),
        new ServiceEntryChecks.ConflictingProtocols(),
        new PeerAuthenticationChecks.DisabledPorts(),
        new CrossResourceAnalysis.GatewayReferences(),
        new CrossResourceAnalysis.Destinations(),
        new CrossResourceAnalysis.ConflictingMeshHosts(),
        new CrossResourceAnalysis.DestinationRuleHosts(),
        new CrossResourceAnalysis.ConflictingGateways(),
        new CrossResourceAnalysis.SidecarSelectors(),
        new CrossResourceAnalysis.PlaintextEgress(),

        // Issue 13 part 4: EnvoyFilter patch order (IST0151, IST0155).
        new EnvoyFilterChecks(),

        // Cross-resource rules that need Kubernetes objects.
        new KubernetesChecks.GatewayWorkloads(),
        new KubernetesChecks.SidecarWorkloads(),
        new KubernetesChecks.SubsetWorkloads(),
    ];
}
