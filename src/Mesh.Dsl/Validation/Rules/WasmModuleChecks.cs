using Mesh.Dsl.Model.Extensions;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>
/// The checks of a Wasm module's configuration, which a WasmPlugin's spec and a TrafficExtension's <c>wasm</c> share (the
/// same fields, the same CRD constraints and CEL rule), and of the traffic selectors (<c>match</c>) both have: the url
/// and its scheme, sha256, imagePullSecret, pluginName, vmConfig.env and the enums, as istiod's ValidateWasmPlugin and
/// the CRDs check them.
/// </summary>
internal static class WasmModuleChecks
{
    /// <summary>The codes the checks report, for the metadata of the rules that call them.</summary>
    public static readonly string[] Codes =
    [
        DiagnosticCodes.MissingField, DiagnosticCodes.InvalidPluginUrl, DiagnosticCodes.InvalidPluginChecksum, DiagnosticCodes.InvalidPluginSetting,
        DiagnosticCodes.InvalidPluginEnv, DiagnosticCodes.InvalidEnumValue, DiagnosticCodes.InvalidPort, DiagnosticCodes.DuplicatePort,
    ];

    private static readonly string[] SchemeNames = ["", "http", "https", "oci", "file"];

    // Paths relative to the module's configuration (a WasmPlugin's spec or a TrafficExtension's wasm, whose fields have
    // the same names), named through WasmConfig's schema (FieldPathTests resolves every one).
    private static readonly FieldPath InModule = FieldPath.In(() => WasmConfig.Schema);
    private static readonly FieldPath Url = InModule.Field("url");
    private static readonly FieldPath Sha256 = InModule.Field("sha256");
    private static readonly FieldPath ImagePullPolicy = InModule.Field("imagePullPolicy");
    private static readonly FieldPath ImagePullSecret = InModule.Field("imagePullSecret");
    private static readonly FieldPath PluginName = InModule.Field("pluginName");
    private static readonly FieldPath FailStrategy = InModule.Field("failStrategy");
    private static readonly FieldPath Type = InModule.Field("type");
    private static readonly FieldPath Env = InModule.Field("vmConfig.env");
    private static readonly FieldPath EnvName = Env.Item.Field("name");
    private static readonly FieldPath EnvValue = Env.Item.Field("value");
    private static readonly FieldPath EnvValueFrom = Env.Item.Field("valueFrom");

    private static readonly FieldPath InSelector = FieldPath.In(() => TrafficSelector.Schema);
    private static readonly FieldPath SelectorMode = InSelector.Field("mode");
    private static readonly FieldPath SelectorPorts = InSelector.Field("ports");
    private static readonly FieldPath PortNumber = SelectorPorts.Item.Field("number");

    /// <summary>Checks the module configuration whose fields are at <paramref name="path"/> (<c>spec</c>, <c>spec.wasm</c>).</summary>
    public static void CheckModule(
        RuleContext context, string path, string? url, string? sha256, string? imagePullSecret, string? pluginName, VmConfig? vmConfig,
        PullPolicy? imagePullPolicy, Model.Extensions.FailStrategy? failStrategy, PluginType? type)
    {
        if (string.IsNullOrEmpty(url))
        {
            context.Error(DiagnosticCodes.MissingField, path + Url, "url field needs to be set: the module's oci://, https:// or file:// URL.");
        }
        else if (GoUrl.Scheme(url) is not { } scheme)
        {
            context.Error(DiagnosticCodes.InvalidPluginUrl, path + Url, $"url '{url}' is not a valid URL; write oci://registry/image:tag, https://host/module.wasm or file:///path/module.wasm.");
        }
        else if (Array.IndexOf(SchemeNames, scheme) < 0)
        {
            context.Error(DiagnosticCodes.InvalidPluginUrl, path + Url, $"url contains unsupported scheme: {scheme}; url must have schema one of [http, https, file, oci].");
        }

        if (sha256 is { Length: > 0 })
        {
            if (sha256.Length != 64)
            {
                context.Error(DiagnosticCodes.InvalidPluginChecksum, path + Sha256, $"sha256 field must be 64 characters long, not {sha256.Length}.");
            }
            else if (!sha256.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
            {
                context.Error(DiagnosticCodes.InvalidPluginChecksum, path + Sha256, "sha256 field must match [a-f0-9]{64} pattern: lowercase hexadecimal.");
            }
        }

        CheckLength(context, imagePullSecret, 253, path, ImagePullSecret);
        CheckLength(context, pluginName, 256, path, PluginName);
        CommonRules.CheckEnum(context, imagePullPolicy, path, ImagePullPolicy);
        CommonRules.CheckEnum(context, failStrategy, path, FailStrategy);
        CommonRules.CheckEnum(context, type, path, Type);
        if (vmConfig is not null)
        {
            CheckEnv(context, vmConfig.EnvOrEmpty, path);
        }
    }

    /// <summary>Checks the traffic selectors at <paramref name="path"/> (<c>spec.match</c>); paths are made only for a diagnostic.</summary>
    public static void CheckMatch(RuleContext context, IReadOnlyList<TrafficSelector> match, string path)
    {
        for (var i = 0; i < match.Count; i++)
        {
            if (!CommonRules.IsDefined(match[i].Mode))
            {
                CommonRules.CheckEnum(context, match[i].Mode, $"{path}[{i}]", SelectorMode);
            }

            var ports = match[i].PortsOrEmpty;
            for (var p = 0; p < ports.Count; p++)
            {
                var number = ports[p].Number;
                if (number is null)
                {
                    context.Error(DiagnosticCodes.InvalidPort, PortPath(path, i, p), "the port selector has no number; set the port (1..65535) whose traffic the extension sees.");
                }
                else if (!IstioSyntax.IsPort(number))
                {
                    context.Error(DiagnosticCodes.InvalidPort, PortPath(path, i, p), $"port {number} must be in range 1..65535.");
                }
                else
                {
                    // The CRD makes ports a list map keyed by number.
                    for (var q = 0; q < p; q++)
                    {
                        if (ports[q].Number == number)
                        {
                            context.Error(DiagnosticCodes.DuplicatePort, PortPath(path, i, p), $"port {number} is listed twice; remove the duplicate.");
                            break;
                        }
                    }
                }
            }
        }

        static string PortPath(string path, int selector, int port) => $"{path}[{selector}]{SelectorPorts}[{port}]{PortNumber}";
    }

    private static void CheckLength(RuleContext context, string? value, int maximum, string path, FieldPath field)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length == 0)
        {
            context.Error(DiagnosticCodes.InvalidPluginSetting, path + field, $"{field.Name} is empty; set it or leave it out.");
        }
        else if (value.Length > maximum)
        {
            context.Error(DiagnosticCodes.InvalidPluginSetting, path + field, $"{field.Name} is {value.Length} characters long; at most {maximum} are allowed.");
        }
    }

    // Paths (path + vmConfig.env[i]...) are made only for a diagnostic.
    private static void CheckEnv(RuleContext context, IReadOnlyList<EnvVar> env, string path)
    {
        if (env.Count > 256)
        {
            context.Error(DiagnosticCodes.InvalidPluginEnv, path + Env, $"at most 256 env entries are allowed, this vmConfig has {env.Count}.");
        }

        var names = env.Count > 1 ? new HashSet<string>(StringComparer.Ordinal) : null;
        for (var i = 0; i < env.Count; i++)
        {
            var variable = env[i];
            if (!CommonRules.IsDefined(variable.ValueFrom))
            {
                CommonRules.CheckEnum(context, variable.ValueFrom, $"{path}{Env}[{i}]", EnvValueFrom);
            }

            if (string.IsNullOrEmpty(variable.Name))
            {
                context.Error(DiagnosticCodes.InvalidPluginEnv, $"{path}{Env}[{i}]{EnvName}", "the env entry has no name; name the environment variable.");
            }
            else if (variable.Name.Length > 256)
            {
                context.Error(DiagnosticCodes.InvalidPluginEnv, $"{path}{Env}[{i}]{EnvName}", $"env name is {variable.Name.Length} characters long; at most 256 are allowed.");
            }
            else if (names is not null && !names.Add(variable.Name))
            {
                context.Error(DiagnosticCodes.InvalidPluginEnv, $"{path}{Env}[{i}]{EnvName}", $"duplicate env '{variable.Name}'; each variable is set once.");
            }

            // The CRD's CEL rule forbids any value, even an empty one, with valueFrom HOST.
            if (variable.ValueFrom == EnvValueSource.Host && variable.Value is not null)
            {
                context.Error(DiagnosticCodes.InvalidPluginEnv, $"{path}{Env}[{i}]{EnvValue}", "value may only be set when valueFrom is INLINE; a HOST variable takes the proxy's own environment value.");
            }
            else if (variable.Value is { Length: > 2048 } value)
            {
                context.Error(DiagnosticCodes.InvalidPluginEnv, $"{path}{Env}[{i}]{EnvValue}", $"env value is {value.Length} characters long; at most 2048 are allowed.");
            }
        }
    }
}
