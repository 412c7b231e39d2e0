using Mesh.Dsl.Model.Telemetry;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>
/// Telemetry field rules: the CRD schema and CEL rules, and istiod's webhook (ValidateTelemetry: the selection, every
/// provider's name, tracing's sampling percentage and custom tags, metrics' tag overrides and custom metrics, and the
/// access-log filter, which must parse as CEL). What the webhook only warns about stays a warning.
/// </summary>
internal sealed class TelemetryRules() : FieldRule<Model.Telemetry.Telemetry>(
    "telemetry.fields",
    "Telemetry field rules of the CRD schema, CEL and the istiod webhook: the selection (selector or targetRefs), tracing, metrics and access logging.",
    [
        .. PolicyTargetRules.Codes, DiagnosticCodes.InvalidEnumValue, DiagnosticCodes.InvalidTelemetryProvider, DiagnosticCodes.UnsupportedTelemetry,
        DiagnosticCodes.InvalidPercentage, DiagnosticCodes.InvalidTracingTag, DiagnosticCodes.InvalidMetricsOverride, DiagnosticCodes.InvalidDuration,
        DiagnosticCodes.InvalidAccessLogFilter,
    ])
{
    // The field paths of the diagnostics, named through the schema (FieldPathTests resolves every one).
    private static readonly FieldPath Spec = FieldPath.Spec(() => TelemetrySpec.Schema);
    private static readonly FieldPath SelectorLabels = Spec.Field("selector.matchLabels");
    private static readonly FieldPath TargetRef = Spec.Field("targetRef");
    private static readonly FieldPath TargetRefs = Spec.Field("targetRefs");
    private static readonly FieldPath TracingPath = Spec.Field("tracing");
    private static readonly FieldPath TracingProviders = TracingPath.Item.Field("providers");
    private static readonly FieldPath TracingMode = TracingPath.Item.Field("match.mode");
    private static readonly FieldPath SamplingPercentage = TracingPath.Item.Field("randomSamplingPercentage");
    private static readonly FieldPath CustomTags = TracingPath.Item.Field("customTags");
    private static readonly FieldPath LiteralValue = CustomTags.Item.Field("literal.value");
    private static readonly FieldPath HeaderName = CustomTags.Item.Field("header.name");
    private static readonly FieldPath EnvironmentName = CustomTags.Item.Field("environment.name");
    private static readonly FieldPath FormatterValue = CustomTags.Item.Field("formatter.value");
    private static readonly FieldPath MetricsPath = Spec.Field("metrics");
    private static readonly FieldPath MetricsProviders = MetricsPath.Item.Field("providers");
    private static readonly FieldPath ReportingInterval = MetricsPath.Item.Field("reportingInterval");
    private static readonly FieldPath Overrides = MetricsPath.Item.Field("overrides");
    private static readonly FieldPath OverrideMetric = Overrides.Item.Field("match.metric");
    private static readonly FieldPath OverrideCustomMetric = Overrides.Item.Field("match.customMetric");
    private static readonly FieldPath OverrideMode = Overrides.Item.Field("match.mode");
    private static readonly FieldPath TagOverrides = Overrides.Item.Field("tagOverrides");
    private static readonly FieldPath TagOperation = TagOverrides.Item.Field("operation");
    private static readonly FieldPath TagValue = TagOverrides.Item.Field("value");
    private static readonly FieldPath AccessLoggingPath = Spec.Field("accessLogging");
    private static readonly FieldPath AccessLoggingProviders = AccessLoggingPath.Item.Field("providers");
    private static readonly FieldPath AccessLoggingMode = AccessLoggingPath.Item.Field("match.mode");
    private static readonly FieldPath FilterExpression = AccessLoggingPath.Item.Field("filter.expression");
    private static readonly FieldPath ProviderName = FieldPath.In(() => ProviderRef.Schema).Field("name");

    public override void Check(Model.Telemetry.Telemetry telemetry, RuleContext context)
    {
        var spec = telemetry.Spec;
        PolicyTargetRules.Check(context, spec.Selector, spec.TargetRef, spec.TargetRefsOrEmpty, Spec, SelectorLabels, TargetRef, TargetRefs);

        var tracing = spec.TracingOrEmpty;
        if (tracing.Count > 1)
        {
            context.Warning(DiagnosticCodes.UnsupportedTelemetry, TracingPath, $"multiple tracing is not currently supported: istiod uses one tracing configuration, this Telemetry has {tracing.Count}; merge them into one.");
        }

        for (var i = 0; i < tracing.Count; i++)
        {
            CheckTracing(tracing[i], context.Path(Spec, TracingPath, i), context);
        }

        var metrics = spec.MetricsOrEmpty;
        for (var i = 0; i < metrics.Count; i++)
        {
            CheckMetrics(metrics[i], context.Path(Spec, MetricsPath, i), context);
        }

        var logging = spec.AccessLoggingOrEmpty;
        for (var i = 0; i < logging.Count; i++)
        {
            var entry = logging[i];
            var path = context.Path(Spec, AccessLoggingPath, i);
            CheckProviders(entry.ProvidersOrEmpty, path, AccessLoggingProviders, context);
            CommonRules.CheckEnum(context, entry.Match?.Mode, path, AccessLoggingMode);
            if (entry.Filter is { } filter && CelSyntax.Check(filter.Expression ?? string.Empty) is { } error)
            {
                context.Error(DiagnosticCodes.InvalidAccessLogFilter, path + FilterExpression, $"the filter must be a valid CEL expression such as response.code >= 400: {error}.");
            }
        }
    }

    private static void CheckTracing(Tracing tracing, string path, RuleContext context)
    {
        var providers = tracing.ProvidersOrEmpty;
        if (providers.Count > 1)
        {
            context.Warning(DiagnosticCodes.UnsupportedTelemetry, path + TracingProviders, $"multiple providers is not currently supported: spans go to one tracing provider, this entry names {providers.Count}; keep one.");
        }

        CheckProviders(providers, path, TracingProviders, context);
        CommonRules.CheckEnum(context, tracing.Match?.Mode, path, TracingMode);
        if (tracing.RandomSamplingPercentage is { } percentage && !(percentage is >= 0 and <= 100))
        {
            context.Error(DiagnosticCodes.InvalidPercentage, path + SamplingPercentage, $"randomSamplingPercentage must be in range [0.0, 100.0], not {percentage.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        }

        foreach (var (name, tag) in tracing.CustomTagsOrEmpty)
        {
            if (name.Length == 0)
            {
                context.Error(DiagnosticCodes.InvalidTracingTag, TagPath(path, name), "tag name may not be empty; name the span tag.");
            }

            if (tag.Literal is { } literal && string.IsNullOrEmpty(literal.Value))
            {
                context.Error(DiagnosticCodes.InvalidTracingTag, TagPath(path, name) + LiteralValue, "literal tag value may not be empty; set the value every span gets.");
            }
            else if (tag.Header is { } header && string.IsNullOrEmpty(header.Name))
            {
                context.Error(DiagnosticCodes.InvalidTracingTag, TagPath(path, name) + HeaderName, "header tag name may not be empty; name the request header whose value the span gets.");
            }
            else if (tag.Environment is { } environment && string.IsNullOrEmpty(environment.Name))
            {
                context.Error(DiagnosticCodes.InvalidTracingTag, TagPath(path, name) + EnvironmentName, "environment tag name may not be empty; name the proxy's environment variable whose value the span gets.");
            }
            else if (tag.Formatter is { } formatter && string.IsNullOrEmpty(formatter.Value))
            {
                context.Error(DiagnosticCodes.InvalidTracingTag, TagPath(path, name) + FormatterValue, "formatter tag value may not be empty; write an access-log substitution such as %REQ(x-user)%.");
            }
        }

        // A tag's path, made only for a diagnostic.
        static string TagPath(string path, string name) => $"{path}{CustomTags}[{name}]";
    }

    private static void CheckMetrics(Metrics metrics, string path, RuleContext context)
    {
        CheckProviders(metrics.ProvidersOrEmpty, path, MetricsProviders, context);
        if (metrics.ReportingInterval is { } interval && interval < TimeSpan.FromMilliseconds(1))
        {
            context.Error(DiagnosticCodes.InvalidDuration, path + ReportingInterval, "reportingInterval must be a valid duration greater than 1ms.");
        }

        var overrides = metrics.OverridesOrEmpty;
        for (var i = 0; i < overrides.Count; i++)
        {
            var entry = overrides[i];
            if (entry.Match is { } match)
            {
                if (!CommonRules.IsDefined(match.Metric) || !CommonRules.IsDefined(match.Mode))
                {
                    CommonRules.CheckEnum(context, match.Metric, OverridePath(path, i), OverrideMetric);
                    CommonRules.CheckEnum(context, match.Mode, OverridePath(path, i), OverrideMode);
                }

                if (match.CustomMetric is { Length: 0 })
                {
                    context.Error(DiagnosticCodes.InvalidMetricsOverride, OverridePath(path, i) + OverrideCustomMetric, "customMetric may not be empty; name the custom metric, or use metric for a standard one.");
                }
            }

            foreach (var (tag, tagOverride) in entry.TagOverridesOrEmpty)
            {
                if (tag.Length == 0)
                {
                    context.Warning(DiagnosticCodes.UnsupportedTelemetry, TagPath(path, i, tag), "tagOverrides.name may not be empty; name the metric tag to override.");
                }

                if (!CommonRules.IsDefined(tagOverride.Operation))
                {
                    CommonRules.CheckEnum(context, tagOverride.Operation, TagPath(path, i, tag), TagOperation);
                }

                // UPSERT is the default operation; the CRD's CEL rule forbids any value with REMOVE, even an empty one.
                if (tagOverride.Operation == TagOverrideOperation.Remove)
                {
                    if (tagOverride.Value is not null)
                    {
                        context.Error(DiagnosticCodes.InvalidMetricsOverride, TagPath(path, i, tag) + TagValue, $"value must not be set when operation is REMOVE; remove the value of tag '{tag}'.");
                    }
                }
                else if (string.IsNullOrEmpty(tagOverride.Value))
                {
                    context.Error(DiagnosticCodes.InvalidMetricsOverride, TagPath(path, i, tag) + TagValue, $"value must be set when operation is UPSERT (the default); give tag '{tag}' a CEL expression such as request.host.");
                }
            }
        }

        // The paths of an override and of one of its tags, made only for a diagnostic.
        static string OverridePath(string path, int index) => $"{path}{Overrides}[{index}]";

        static string TagPath(string path, int index, string tag) => $"{path}{Overrides}[{index}]{TagOverrides}[{tag}]";
    }

    private static void CheckProviders(IReadOnlyList<ProviderRef> providers, string path, FieldPath field, RuleContext context)
    {
        for (var i = 0; i < providers.Count; i++)
        {
            if (string.IsNullOrEmpty(providers[i].Name))
            {
                context.Error(DiagnosticCodes.InvalidTelemetryProvider, $"{path}{field}[{i}]{ProviderName}", "providers.name may not be empty; name an extension provider of the mesh config.");
            }
        }
    }
}
