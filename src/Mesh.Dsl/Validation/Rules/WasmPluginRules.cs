using Mesh.Dsl.Model.Extensions;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>
/// WasmPlugin field rules: the CRD schema and CEL rules, and istiod's webhook (ValidateWasmPlugin: the selection, the
/// url and its scheme, sha256, imagePullSecret, pluginName, vmConfig.env and the match ports).
/// </summary>
internal sealed class WasmPluginRules() : FieldRule<WasmPlugin>(
    "wasmplugin.fields",
    "WasmPlugin field rules of the CRD schema, CEL and the istiod webhook: the selection (selector or targetRefs), the module (url, sha256, pull settings, pluginName, vmConfig), phase and match.",
    [.. PolicyTargetRules.Codes, .. WasmModuleChecks.Codes])
{
    // The field paths of the diagnostics, named through the schema (FieldPathTests resolves every one).
    private static readonly FieldPath Spec = FieldPath.Spec(() => WasmPluginSpec.Schema);
    private static readonly FieldPath SelectorLabels = Spec.Field("selector.matchLabels");
    private static readonly FieldPath TargetRef = Spec.Field("targetRef");
    private static readonly FieldPath TargetRefs = Spec.Field("targetRefs");
    private static readonly FieldPath Phase = Spec.Field("phase");
    private static readonly FieldPath Match = Spec.Field("match");

    public override void Check(WasmPlugin plugin, RuleContext context)
    {
        var spec = plugin.Spec;
        PolicyTargetRules.Check(context, spec.Selector, spec.TargetRef, spec.TargetRefsOrEmpty, Spec, SelectorLabels, TargetRef, TargetRefs);
        WasmModuleChecks.CheckModule(
            context, Spec, spec.Url, spec.Sha256, spec.ImagePullSecret, spec.PluginName, spec.VmConfig, spec.ImagePullPolicy, spec.FailStrategy, spec.Type);
        CommonRules.CheckEnum(context, spec.Phase, Phase);
        WasmModuleChecks.CheckMatch(context, spec.MatchOrEmpty, Match);
    }
}
