using Mesh.Dsl.Model.Extensions;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>
/// TrafficExtension field rules: the CRD schema and CEL rules (selector or targetRefs, exactly one of wasm or lua, the
/// Lua code's length) and, for its wasm module and match, the rules istiod's webhook applies to a WasmPlugin's, which
/// has the same fields. istiod has no webhook function of its own for the kind; when it builds the proxies' config it
/// discards a TrafficExtension without wasm.url, with an unparsable url, or with empty or over-long Lua code, which
/// these rules report as errors.
/// </summary>
internal sealed class TrafficExtensionRules() : FieldRule<TrafficExtension>(
    "trafficextension.fields",
    "TrafficExtension field rules of the CRD schema and CEL, with the WasmPlugin webhook's module checks: the selection (selector or targetRefs), exactly one of wasm or lua, phase and match.",
    [.. PolicyTargetRules.Codes, .. WasmModuleChecks.Codes])
{
    // The field paths of the diagnostics, named through the schema (FieldPathTests resolves every one).
    private static readonly FieldPath Spec = FieldPath.Spec(() => TrafficExtensionSpec.Schema);
    private static readonly FieldPath SelectorLabels = Spec.Field("selector.matchLabels");
    private static readonly FieldPath TargetRefs = Spec.Field("targetRefs");
    private static readonly FieldPath Phase = Spec.Field("phase");
    private static readonly FieldPath Match = Spec.Field("match");
    private static readonly FieldPath Wasm = Spec.Field("wasm");
    private static readonly FieldPath LuaCode = Spec.Field("lua.inlineCode");

    public override void Check(TrafficExtension extension, RuleContext context)
    {
        var spec = extension.Spec;

        // A TrafficExtension has no single targetRef; the CRD's rule is that selector and targetRefs exclude each other.
        PolicyTargetRules.Check(context, spec.Selector, null, spec.TargetRefsOrEmpty, Spec, SelectorLabels, TargetRefs, TargetRefs);
        CommonRules.CheckEnum(context, spec.Phase, Phase);
        WasmModuleChecks.CheckMatch(context, spec.MatchOrEmpty, Match);
        // wasm and lua are a oneOf: the model holds one of them (the reader rejects both), so only none is left to report.
        if (spec.Wasm is { } wasm)
        {
            WasmModuleChecks.CheckModule(
                context, Wasm, wasm.Url, wasm.Sha256, wasm.ImagePullSecret, wasm.PluginName, wasm.VmConfig, wasm.ImagePullPolicy, wasm.FailStrategy, wasm.Type);
        }
        else if (spec.Lua is { } lua)
        {
            if (string.IsNullOrEmpty(lua.InlineCode))
            {
                context.Error(DiagnosticCodes.MissingField, LuaCode, "lua.inlineCode is required: the Lua code with the envoy_on_request and envoy_on_response functions.");
            }
            else if (lua.InlineCode.Length > 65536)
            {
                context.Error(DiagnosticCodes.InvalidPluginSetting, LuaCode, $"lua.inlineCode is {lua.InlineCode.Length} characters long; at most 65536 are allowed.");
            }
        }
        else
        {
            context.Error(DiagnosticCodes.MissingField, Spec, "exactly one of wasm or lua must be set: the WebAssembly module or the Lua code that filters the traffic.");
        }
    }
}
