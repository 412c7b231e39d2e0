using System.Text.Json;
using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>
/// IST0151 and IST0155, after istioctl's EnvoyPatchAnalyzer: a relative patch operation in an EnvoyFilter without
/// priority. Which of the two a patch gets depends on the patches before it, of every EnvoyFilter in order: IST0155 when
/// an earlier patch with a proxyVersion match patched the same filter name.
/// </summary>
internal sealed class EnvoyFilterChecks() : MeshRule(new(
    "envoyfilter.relative-operations",
    "IST0151 and IST0155: relative patch operations (INSERT_BEFORE, INSERT_AFTER, REPLACE, REMOVE) in EnvoyFilters without priority, whose result depends on the order the EnvoyFilters apply in.",
    ["EnvoyFilter"],
    [DiagnosticCodes.EnvoyFilterUsesRelativeOperation, DiagnosticCodes.EnvoyFilterUsesRelativeOperationWithProxyVersion]))
{
    private static readonly FieldPath Spec = FieldPath.Spec(() => EnvoyFilterSpec.Schema);
    private static readonly FieldPath ConfigPatches = Spec.Field("configPatches");

    public override void Check(MeshContext mesh)
    {
        // The names of the filters patched with a proxyVersion match so far, in every EnvoyFilter checked before.
        List<string>? versionedNames = null;
        for (var r = 0; r < mesh.Resources.Count; r++)
        {
            if (mesh.Resources[r] is not EnvoyFilter filter)
            {
                continue;
            }

            var patches = filter.Spec.ConfigPatchesOrEmpty;
            var unprioritised = filter.Spec.Priority is null or 0;
            for (var i = 0; i < patches.Count; i++)
            {
                var configPatch = patches[i];
                if (configPatch.Patch is not { } patch)
                {
                    // As the analyzer does, the patches after one without patch are not looked at.
                    break;
                }

                var name = PatchedName(configPatch);
                if (unprioritised && IsRelative(configPatch.ApplyTo, patch.Operation))
                {
                    var context = mesh.Sink.Context(filter, mesh.Positions[r]);
                    var path = context.Path(Spec, ConfigPatches, i);
                    if (versionedNames?.Contains(name) == true)
                    {
                        context.Warning(
                            DiagnosticCodes.EnvoyFilterUsesRelativeOperationWithProxyVersion,
                            path,
                            $"this {CommonRules.EnumName(patch.Operation!.Value)} patch has no priority while an earlier patch matches '{name}' by proxyVersion; after an upgrade the proxy version changes and so may the order the patches apply in. Set spec.priority, or use INSERT_FIRST or ADD.");
                    }
                    else
                    {
                        context.Warning(
                            DiagnosticCodes.EnvoyFilterUsesRelativeOperation,
                            path,
                            $"this {CommonRules.EnumName(patch.Operation!.Value)} patch is relative to other patches but the EnvoyFilter has no priority, so it may not apply as meant; set spec.priority, or use INSERT_FIRST or ADD.");
                    }
                }

                if (configPatch.Match?.Proxy?.ProxyVersion is { Length: > 0 })
                {
                    (versionedNames ??= []).Add(name);
                }
            }
        }
    }

    /// <summary>
    /// The relative operations the analyzer warns about: INSERT_BEFORE and INSERT_AFTER, and REMOVE and REPLACE where they
    /// take effect (IST0152 and IST0154 report them where they do not).
    /// </summary>
    private static bool IsRelative(ApplyTo? applyTo, PatchOperation? operation) => operation switch
    {
        PatchOperation.InsertBefore or PatchOperation.InsertAfter => true,
        PatchOperation.Remove => applyTo is not (ApplyTo.RouteConfiguration or ApplyTo.HttpRoute),
        PatchOperation.Replace => applyTo is ApplyTo.HttpFilter or ApplyTo.NetworkFilter,
        _ => false,
    };

    /// <summary>The analyzer's name of what a patch patches: the value's name, else the listener filter match's name.</summary>
    private static string PatchedName(EnvoyConfigObjectPatch configPatch)
    {
        if (configPatch.Patch?.Value is not { } value)
        {
            return string.Empty;
        }

        if (value.TryGetPropertyValue("name", out var name) && name is not null)
        {
            return name.GetValueKind() == JsonValueKind.String ? name.GetValue<string>() : name.ToJsonString();
        }

        return configPatch.Match?.Listener?.FilterChain?.Filter?.Name ?? string.Empty;
    }
}
