using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Model.Security;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>
/// EnvoyFilter field rules: the CRD schema and CEL rules, istiod's webhook (ValidateEnvoyFilter) and the per-resource
/// part of istioctl's EnvoyPatchAnalyzer (IST0152, IST0153, IST0154; IST0151 and IST0155 need the other EnvoyFilters,
/// see <see cref="EnvoyFilterChecks"/>).
/// </summary>
internal sealed partial class EnvoyFilterRules() : FieldRule<EnvoyFilter>(
    "envoyfilter.fields",
    "EnvoyFilter field rules of the CRD schema, CEL and the istiod webhook: the selection (workloadSelector or targetRefs), and every configPatch's applyTo, match and patch, including what of the patch value can be checked without Envoy's protos; and the analyzer's operations that Istio ignores (IST0152-IST0154).",
    [
        DiagnosticCodes.InvalidEnumValue, DiagnosticCodes.ConflictingFields, DiagnosticCodes.InvalidTargetRef, DiagnosticCodes.EmptyWorkloadSelector,
        DiagnosticCodes.InvalidWorkloadSelector, DiagnosticCodes.InvalidPort, DiagnosticCodes.InvalidEnvoyFilterPatch,
        DiagnosticCodes.InvalidEnvoyFilterMatch, DiagnosticCodes.IneffectiveEnvoyFilterMatch, DiagnosticCodes.DeprecatedEnvoyFilterName,
        DiagnosticCodes.UnknownEnvoyType, DiagnosticCodes.EnvoyFilterUsesReplaceOperationIncorrectly,
        DiagnosticCodes.EnvoyFilterUsesAddOperationIncorrectly, DiagnosticCodes.EnvoyFilterUsesRemoveOperationIncorrectly,
    ])
{
    /// <summary>The network filter a subFilter match must be inside (Envoy's canonical name and the deprecated one Istio still accepts).</summary>
    internal const string HttpConnectionManager = "envoy.filters.network.http_connection_manager";

    private const string DeprecatedHttpConnectionManager = "envoy.http_connection_manager";

    // The field paths of the diagnostics, named through the schema (FieldPathTests resolves every one).
    private static readonly FieldPath Spec = FieldPath.Spec(() => EnvoyFilterSpec.Schema);
    private static readonly FieldPath SelectorLabels = Spec.Field("workloadSelector.labels");
    private static readonly FieldPath TargetRefs = Spec.Field("targetRefs");
    private static readonly FieldPath InTarget = FieldPath.In(() => PolicyTargetReference.Schema);
    private static readonly FieldPath TargetName = InTarget.Field("name");
    private static readonly FieldPath TargetKind = InTarget.Field("kind");
    private static readonly FieldPath TargetGroup = InTarget.Field("group");
    private static readonly FieldPath TargetNamespace = InTarget.Field("namespace");
    private static readonly FieldPath ConfigPatches = Spec.Field("configPatches");
    private static readonly FieldPath ApplyToPath = ConfigPatches.Item.Field("applyTo");
    private static readonly FieldPath PatchPath = ConfigPatches.Item.Field("patch");
    private static readonly FieldPath OperationPath = ConfigPatches.Item.Field("patch.operation");
    private static readonly FieldPath ValuePath = ConfigPatches.Item.Field("patch.value");
    private static readonly FieldPath FilterClassPath = ConfigPatches.Item.Field("patch.filterClass");
    private static readonly FieldPath MatchPath = ConfigPatches.Item.Field("match");
    private static readonly FieldPath ContextPath = ConfigPatches.Item.Field("match.context");
    private static readonly FieldPath ProxyVersion = ConfigPatches.Item.Field("match.proxy.proxyVersion");
    private static readonly FieldPath ListenerPath = ConfigPatches.Item.Field("match.listener");
    private static readonly FieldPath RouteConfigurationPath = ConfigPatches.Item.Field("match.routeConfiguration");
    private static readonly FieldPath ClusterPath = ConfigPatches.Item.Field("match.cluster");
    private static readonly FieldPath FilterPath = ConfigPatches.Item.Field("match.listener.filterChain.filter");
    private static readonly FieldPath FilterName = ConfigPatches.Item.Field("match.listener.filterChain.filter.name");
    private static readonly FieldPath SubFilterPath = ConfigPatches.Item.Field("match.listener.filterChain.filter.subFilter");
    private static readonly FieldPath SubFilterName = ConfigPatches.Item.Field("match.listener.filterChain.filter.subFilter.name");
    private static readonly FieldPath WaypointPath = ConfigPatches.Item.Field("match.waypoint");
    private static readonly FieldPath WaypointPort = ConfigPatches.Item.Field("match.waypoint.portNumber");
    private static readonly FieldPath WaypointRoute = ConfigPatches.Item.Field("match.waypoint.route");
    private static readonly FieldPath WaypointFilter = ConfigPatches.Item.Field("match.waypoint.filter");
    private static readonly FieldPath WaypointFilterName = ConfigPatches.Item.Field("match.waypoint.filter.name");
    private static readonly FieldPath WaypointSubFilterName = ConfigPatches.Item.Field("match.waypoint.filter.subFilter.name");

    public override void Check(EnvoyFilter filter, RuleContext context)
    {
        var spec = filter.Spec;
        var targetRefs = spec.TargetRefsOrEmpty;
        if (spec.WorkloadSelector is not null && targetRefs.Count > 0)
        {
            context.Error(DiagnosticCodes.ConflictingFields, Spec, "only one of workloadSelector or targetRefs can be set; an EnvoyFilter selects its proxies either by label or by reference.");
        }

        if (spec.WorkloadSelector is { } selector)
        {
            CommonRules.CheckSelector(context, selector.Labels, SelectorLabels, 256);
        }

        if (targetRefs.Count > 16)
        {
            context.Error(DiagnosticCodes.InvalidTargetRef, TargetRefs, $"at most 16 targetRefs are allowed, this EnvoyFilter has {targetRefs.Count}.");
        }

        for (var i = 0; i < targetRefs.Count; i++)
        {
            CheckTarget(targetRefs[i], context.Path(Spec, TargetRefs, i), context);
        }

        var patches = spec.ConfigPatchesOrEmpty;

        // istioctl's EnvoyPatchAnalyzer looks at the operation of every patch, whatever the webhook thinks of the rest of
        // it, up to the first configPatch without patch: there it stops, so the patches after it get no IST0152-IST0154.
        var analyzed = true;
        for (var i = 0; i < patches.Count; i++)
        {
            var configPatch = patches[i];
            var path = context.Path(Spec, ConfigPatches, i);
            CheckPatch(configPatch, path, context);
            analyzed &= configPatch.Patch is not null;
            if (analyzed && configPatch.Patch!.Operation is { } operation && operation != PatchOperation.Invalid)
            {
                CheckIgnoredOperation(configPatch.ApplyTo ?? ApplyTo.Invalid, operation, path, context);
            }
        }
    }

    /// <summary>The CRD schema of a targetRefs entry (EnvoyFilter's webhook restricts no kind).</summary>
    private static void CheckTarget(PolicyTargetReference target, string path, RuleContext context)
    {
        if (string.IsNullOrEmpty(target.Name) || target.Name.Length > 253)
        {
            context.Error(DiagnosticCodes.InvalidTargetRef, path + TargetName, "targetRef name is required and at most 253 characters long; set the name of the resource the EnvoyFilter applies to.");
        }

        if (string.IsNullOrEmpty(target.Kind) || target.Kind.Length > 63 || !KindPattern().IsMatch(target.Kind))
        {
            context.Error(DiagnosticCodes.InvalidTargetRef, path + TargetKind, $"targetRef kind '{target.Kind}' must be a kind name such as Gateway or Service: a letter, then letters, digits and '-', at most 63 characters.");
        }

        if (!string.IsNullOrEmpty(target.Group) && (target.Group.Length > 253 || !IstioSyntax.IsDnsSubdomain(target.Group)))
        {
            context.Error(DiagnosticCodes.InvalidTargetRef, path + TargetGroup, $"targetRef group '{target.Group}' must be empty (the core group) or a lowercase DNS name such as gateway.networking.k8s.io.");
        }

        if (!string.IsNullOrEmpty(target.Namespace))
        {
            context.Error(DiagnosticCodes.InvalidTargetRef, path + TargetNamespace, "targetRef namespace must not be set: cross-namespace references are not supported; put the EnvoyFilter in the target's namespace.");
        }
    }

    private static void CheckPatch(EnvoyConfigObjectPatch configPatch, string path, RuleContext context)
    {
        var match = configPatch.Match;
        var applyTo = configPatch.ApplyTo is { } set && set != ApplyTo.Invalid ? set : (ApplyTo?)null;
        CommonRules.CheckEnum(context, configPatch.ApplyTo, path, ApplyToPath);
        if (match is not null)
        {
            CommonRules.CheckEnum(context, match.Context, path, ContextPath);
        }

        // The CRD's CEL rule: a waypoint match exactly when the context is WAYPOINT.
        var waypointContext = match?.Context == PatchContext.Waypoint;
        if (match is not null && waypointContext != (match.Waypoint is not null))
        {
            context.Error(
                DiagnosticCodes.InvalidEnvoyFilterMatch,
                path + (waypointContext ? MatchPath : WaypointPath),
                waypointContext ? "a match with context WAYPOINT needs a waypoint match; add waypoint (waypoint: {} matches every object of the waypoint)." : "a waypoint match is only allowed with context WAYPOINT; set context: WAYPOINT or match the listener, routeConfiguration or cluster instead.");
        }

        if (match?.Waypoint?.PortNumber is { } waypointPort && waypointPort is 0 or > 65535)
        {
            context.Error(DiagnosticCodes.InvalidPort, path + WaypointPort, $"waypoint portNumber {waypointPort} must be between 1 and 65535.");
        }

        if (configPatch.Patch is { } checkedPatch)
        {
            CommonRules.CheckEnum(context, checkedPatch.Operation, path, OperationPath);
            CommonRules.CheckEnum(context, checkedPatch.FilterClass, path, FilterClassPath);
        }

        if (applyTo is { } waypointApplyTo && waypointContext && !CheckWaypoint(waypointApplyTo, match!.Waypoint, path, context))
        {
            return;
        }

        if (applyTo is not { } target)
        {
            context.Error(DiagnosticCodes.InvalidEnvoyFilterPatch, path + ApplyToPath, "the configPatch has no applyTo; name the Envoy object to patch, such as HTTP_FILTER, LISTENER or CLUSTER.");
            return;
        }

        if (configPatch.Patch is not { } patch)
        {
            context.Error(DiagnosticCodes.InvalidEnvoyFilterPatch, path + PatchPath, "the configPatch has no patch; set patch with the operation (MERGE, ADD, REMOVE, ...) and its value.");
            return;
        }

        if (patch.Operation is not { } operation || operation == PatchOperation.Invalid)
        {
            context.Error(DiagnosticCodes.InvalidEnvoyFilterPatch, path + OperationPath, "the patch has no operation; set MERGE, ADD, REMOVE, INSERT_BEFORE, INSERT_AFTER, INSERT_FIRST, REPLACE or MERGE_AND_REPLACE_LIST.");
            return;
        }

        if (operation != PatchOperation.Remove && patch.Value is null)
        {
            context.Error(DiagnosticCodes.InvalidEnvoyFilterPatch, path + ValuePath, $"the {CommonRules.EnumName(operation)} patch has no value; set the Envoy configuration to {operation switch { PatchOperation.Merge or PatchOperation.MergeAndReplaceList => "merge", PatchOperation.Replace => "replace the object with", PatchOperation.Add => "add", _ => "insert" }}, or use REMOVE.");
            return;
        }

        if (match?.Proxy?.ProxyVersion is { Length: > 0 } proxyVersion && IstioSyntax.RegexProblem(proxyVersion) is { } problem)
        {
            context.Error(DiagnosticCodes.InvalidEnvoyFilterPatch, path + ProxyVersion, $"proxyVersion '{proxyVersion}' is not a valid RE2 regex: {problem}.");
            return;
        }

        if (!waypointContext && !CheckMatchClass(target, match, path, context))
        {
            return;
        }

        if (patch.Value is { } value)
        {
            CheckValue(target, value, path + ValuePath, context);
        }
    }

    /// <summary>IST0152, IST0153, IST0154: the operations Istio ignores for an applyTo.</summary>
    private static void CheckIgnoredOperation(ApplyTo applyTo, PatchOperation operation, string path, RuleContext context)
    {
        var routeObject = applyTo is ApplyTo.RouteConfiguration or ApplyTo.HttpRoute;
        if (operation == PatchOperation.Add && routeObject)
        {
            context.Error(DiagnosticCodes.EnvoyFilterUsesAddOperationIncorrectly, path + OperationPath, $"ADD is ignored with applyTo {CommonRules.EnumName(applyTo)}; use MERGE, or ADD a VIRTUAL_HOST.");
        }
        else if (operation == PatchOperation.Remove && routeObject)
        {
            context.Error(DiagnosticCodes.EnvoyFilterUsesRemoveOperationIncorrectly, path + OperationPath, $"REMOVE is ignored with applyTo {CommonRules.EnumName(applyTo)}; remove a VIRTUAL_HOST, or MERGE the configuration instead.");
        }
        else if (operation == PatchOperation.Replace && applyTo is not (ApplyTo.HttpFilter or ApplyTo.NetworkFilter))
        {
            context.Error(DiagnosticCodes.EnvoyFilterUsesReplaceOperationIncorrectly, path + OperationPath, $"REPLACE works only with applyTo HTTP_FILTER or NETWORK_FILTER, not {CommonRules.EnumName(applyTo)}; use MERGE.");
        }
    }

    /// <summary>
    /// The webhook's line-up of applyTo and match outside waypoints; returns false where istiod stops checking the patch.
    /// </summary>
    private static bool CheckMatchClass(ApplyTo applyTo, EnvoyConfigObjectMatch? match, string path, RuleContext context)
    {
        // A waypoint match outside context WAYPOINT is the CEL rule's error, reported already.
        if (match is null || (match.Listener is null && match.RouteConfiguration is null && match.Cluster is null))
        {
            return true;
        }

        var (set, setPath) = match.Listener is not null ? ("listener", ListenerPath) : match.RouteConfiguration is not null ? ("routeConfiguration", RouteConfigurationPath) : ("cluster", ClusterPath);
        switch (applyTo)
        {
            case ApplyTo.Listener or ApplyTo.FilterChain or ApplyTo.NetworkFilter or ApplyTo.HttpFilter:
                if (match.Listener is not { } listener)
                {
                    context.Error(DiagnosticCodes.InvalidEnvoyFilterMatch, path + setPath, $"applyTo {CommonRules.EnumName(applyTo)} patches a listener's objects, so its match must be listener, not {set}.");
                    return false;
                }

                return CheckFilterMatch(applyTo, listener.FilterChain?.Filter, path, context);
            case ApplyTo.RouteConfiguration or ApplyTo.VirtualHost or ApplyTo.HttpRoute:
                if (match.RouteConfiguration is null)
                {
                    context.Error(DiagnosticCodes.InvalidEnvoyFilterMatch, path + setPath, $"applyTo {CommonRules.EnumName(applyTo)} patches HTTP route objects, so its match must be routeConfiguration, not {set}.");
                }

                return true;
            case ApplyTo.Cluster:
                if (match.Cluster is null)
                {
                    context.Error(DiagnosticCodes.InvalidEnvoyFilterMatch, path + setPath, $"applyTo CLUSTER patches clusters, so its match must be cluster, not {set}.");
                }

                return true;
            default:
                return true;
        }
    }

    /// <summary>listener.filterChain.filter and its subFilter; returns false where istiod stops checking the patch.</summary>
    private static bool CheckFilterMatch(ApplyTo applyTo, ListenerFilterMatch? filter, string path, RuleContext context)
    {
        if (filter is null)
        {
            return true;
        }

        if (applyTo is ApplyTo.Listener or ApplyTo.FilterChain)
        {
            context.Warning(DiagnosticCodes.IneffectiveEnvoyFilterMatch, path + FilterPath, $"a filter match has no effect with applyTo {CommonRules.EnumName(applyTo)}; remove it, or apply the patch to a NETWORK_FILTER or HTTP_FILTER.");
        }

        if (string.IsNullOrEmpty(filter.Name))
        {
            context.Error(DiagnosticCodes.InvalidEnvoyFilterMatch, path + FilterName, "the filter match has no name; name the network filter to match, such as envoy.filters.network.http_connection_manager.");
            return false;
        }

        if (filter.SubFilter is { } subFilter)
        {
            if (applyTo != ApplyTo.HttpFilter)
            {
                context.Error(DiagnosticCodes.InvalidEnvoyFilterMatch, path + SubFilterPath, $"a subFilter match can be used with applyTo HTTP_FILTER only, not {CommonRules.EnumName(applyTo)}.");
                return false;
            }

            if (filter.Name is not (HttpConnectionManager or DeprecatedHttpConnectionManager))
            {
                context.Error(DiagnosticCodes.InvalidEnvoyFilterMatch, path + FilterName, $"a subFilter match needs the filter match '{HttpConnectionManager}', which holds the HTTP filters, not '{filter.Name}'.");
                return false;
            }

            if (string.IsNullOrEmpty(subFilter.Name))
            {
                context.Error(DiagnosticCodes.InvalidEnvoyFilterMatch, path + SubFilterName, "the subFilter match has no name; name the HTTP filter to match, such as envoy.filters.http.router.");
                return false;
            }
        }

        WarnDeprecatedName(filter.Name, network: true, path + FilterName, context);
        WarnDeprecatedName(filter.SubFilter?.Name, network: false, path + SubFilterName, context);
        return true;
    }

    /// <summary>The webhook's waypoint rules; returns false where istiod stops checking the patch.</summary>
    private static bool CheckWaypoint(ApplyTo applyTo, WaypointMatch? waypoint, string path, RuleContext context)
    {
        if (applyTo is ApplyTo.Listener or ApplyTo.ListenerFilter or ApplyTo.Bootstrap or ApplyTo.ExtensionConfig)
        {
            context.Error(DiagnosticCodes.InvalidEnvoyFilterMatch, path + ApplyToPath, $"applyTo {CommonRules.EnumName(applyTo)} is not supported for waypoints; patch a FILTER_CHAIN, NETWORK_FILTER, HTTP_FILTER, route or CLUSTER.");
            return false;
        }

        var valid = true;
        if (waypoint?.Filter is not null && applyTo is ApplyTo.RouteConfiguration or ApplyTo.VirtualHost or ApplyTo.HttpRoute or ApplyTo.Cluster)
        {
            context.Error(DiagnosticCodes.InvalidEnvoyFilterMatch, path + WaypointFilter, $"applyTo {CommonRules.EnumName(applyTo)} for a waypoint cannot have a filter match; remove waypoint.filter.");
            valid = false;
        }

        if (waypoint?.Route is not null && applyTo is ApplyTo.Cluster or ApplyTo.FilterChain or ApplyTo.NetworkFilter)
        {
            context.Error(DiagnosticCodes.InvalidEnvoyFilterMatch, path + WaypointRoute, $"applyTo {CommonRules.EnumName(applyTo)} for a waypoint cannot have a route match; remove waypoint.route.");
            valid = false;
        }

        if (applyTo == ApplyTo.HttpFilter && waypoint is not null)
        {
            if (waypoint.Filter is not { } filter)
            {
                context.Error(DiagnosticCodes.InvalidEnvoyFilterMatch, path + WaypointPath, $"applyTo HTTP_FILTER for a waypoint needs a filter match: waypoint.filter.name {HttpConnectionManager} and the subFilter name of the HTTP filter.");
                valid = false;
            }
            else if (filter.Name is not (HttpConnectionManager or DeprecatedHttpConnectionManager))
            {
                context.Error(DiagnosticCodes.InvalidEnvoyFilterMatch, path + WaypointFilterName, $"applyTo HTTP_FILTER for a waypoint needs the filter name {HttpConnectionManager}, not '{filter.Name}'.");
                valid = false;
            }
            else if (string.IsNullOrEmpty(filter.SubFilter?.Name))
            {
                context.Error(DiagnosticCodes.InvalidEnvoyFilterMatch, path + WaypointSubFilterName, "applyTo HTTP_FILTER for a waypoint needs a subFilter name: the HTTP filter to patch, such as envoy.filters.http.router.");
                valid = false;
            }
        }

        return valid;
    }

    [GeneratedRegex("^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex KindPattern();
}
