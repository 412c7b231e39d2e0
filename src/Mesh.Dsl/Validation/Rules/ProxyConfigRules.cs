using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>ProxyConfig field rules: the CRD schema and CEL rules, and istiod's webhook (ValidateProxyConfig).</summary>
/// <remarks>
/// image.imageType is not checked: Istio publishes default, debug and distroless images, and accepts any other type a
/// hub publishes (such as centos), so no value is wrong on its own.
/// </remarks>
internal sealed class ProxyConfigRules() : FieldRule<ProxyConfig>(
    "proxyconfig.fields",
    "ProxyConfig field rules of the CRD schema, CEL and the istiod webhook: the selector's labels, concurrency and the environment variables.",
    [DiagnosticCodes.EmptyWorkloadSelector, DiagnosticCodes.InvalidWorkloadSelector, DiagnosticCodes.InvalidProxyConfig])
{
    private const int MaxEnvironmentValueLength = 2048;

    // The field paths of the diagnostics, named through the schema (FieldPathTests resolves every one).
    private static readonly FieldPath Spec = FieldPath.Spec(() => ProxyConfigSpec.Schema);
    private static readonly FieldPath SelectorLabels = Spec.Field("selector.matchLabels");
    private static readonly FieldPath Concurrency = Spec.Field("concurrency");
    private static readonly FieldPath EnvironmentVariables = Spec.Field("environmentVariables");

    public override void Check(ProxyConfig config, RuleContext context)
    {
        var spec = config.Spec;
        if (spec.Selector is { } selector)
        {
            CommonRules.CheckSelector(context, selector.MatchLabels, SelectorLabels, 4096);
        }

        if (spec.Concurrency is < 0)
        {
            context.Error(DiagnosticCodes.InvalidProxyConfig, Concurrency, $"concurrency must be 0 or more, not {spec.Concurrency}; 0 runs one worker thread per CPU core.");
        }

        foreach (var (name, value) in spec.EnvironmentVariablesOrEmpty)
        {
            if (value.Length > MaxEnvironmentValueLength)
            {
                context.Error(DiagnosticCodes.InvalidProxyConfig, $"{EnvironmentVariables}[{name}]", $"the value of environment variable '{name}' is {value.Length} characters long; at most {MaxEnvironmentValueLength} are allowed.");
            }
        }
    }
}
