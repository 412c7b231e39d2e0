using k8s.Models;
using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Security;
using SecurityRule = Mesh.Dsl.Model.Security.Rule;
using TelemetryResource = Mesh.Dsl.Model.Telemetry.Telemetry;
using TelemetrySpec = Mesh.Dsl.Model.Telemetry.TelemetrySpec;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>
/// istioctl analyze's selector checks of the policy kinds that select workloads by labels: Telemetry (its
/// DefaultSelectorAnalyzer and SelectorAnalyzer: IST0160, IST0101, IST0159) and AuthorizationPolicy (its
/// AuthorizationPoliciesAnalyzer: IST0127, IST0101). Those that need pods or Namespaces run only when the files hold them.
/// </summary>
internal static class WorkloadPolicySelectors
{
    private static readonly FieldPath TelemetrySpecRoot = FieldPath.Spec(() => TelemetrySpec.Schema);
    private static readonly FieldPath TelemetrySpecSelectorMatchLabels = TelemetrySpecRoot.Field("selector.matchLabels");
    private static readonly FieldPath TelemetrySpecSelector = TelemetrySpecRoot.Field("selector");
    private static readonly FieldPath AuthorizationPolicySpecRoot = FieldPath.Spec(() => AuthorizationPolicySpec.Schema);
    private static readonly FieldPath AuthorizationPolicySpecSelector = AuthorizationPolicySpecRoot.Field("selector");
    private static readonly FieldPath AuthorizationPolicySpecRules = AuthorizationPolicySpecRoot.Field("rules");
    private static readonly FieldPath RuleFromPath = FieldPath.In(() => SecurityRule.Schema).Field("from");
    private static readonly FieldPath RuleFromSourceNamespaces = FieldPath.In(() => RuleFrom.Schema).Field("source.namespaces");
    private static readonly FieldPath RuleFromSourceNotNamespaces = FieldPath.In(() => RuleFrom.Schema).Field("source.notNamespaces");

    /// <summary>The namespace whose policies apply mesh-wide (MeshConfig rootNamespace, istio-system by default).</summary>
    private const string RootNamespace = "istio-system";

    /// <summary>IST0160: several Telemetries of one namespace select no workloads; which one applies is undefined.</summary>
    internal sealed class TelemetryDefaults() : MeshRule(
        new(
            "telemetry.default-selector",
            "At most one Telemetry per namespace has neither selector nor targetRef(s) (IST0160); reported on each of them.",
            ["Telemetry"],
            [DiagnosticCodes.MultipleTelemetriesWithoutWorkloadSelectors]))
    {
        public override void Check(MeshContext mesh)
        {
            var byNamespace = new Dictionary<string, List<(TelemetryResource Telemetry, int Position)>>(StringComparer.Ordinal);
            for (var i = 0; i < mesh.Resources.Count; i++)
            {
                if (mesh.Resources[i] is TelemetryResource { Spec: { Selector: null, TargetRef: null } spec } telemetry && spec.TargetRefsOrEmpty.Count == 0)
                {
                    var ns = CommonRules.ResourceNamespace(telemetry);
                    if (!byNamespace.TryGetValue(ns, out var list))
                    {
                        byNamespace[ns] = list = new();
                    }

                    list.Add((telemetry, mesh.Positions[i]));
                }
            }

            foreach (var (ns, telemetries) in byNamespace)
            {
                if (telemetries.Count < 2)
                {
                    continue;
                }

                var names = string.Join(", ", telemetries.Select(t => t.Telemetry.MetadataName));
                foreach (var (telemetry, position) in telemetries)
                {
                    mesh.Sink.Context(telemetry, position).Error(DiagnosticCodes.MultipleTelemetriesWithoutWorkloadSelectors, TelemetrySpecRoot, $"Telemetries {names} of namespace {ns} all have no selector, so which one applies to the namespace's workloads is undefined; keep one and give the others a selector.");
                }
            }
        }
    }

    /// <summary>IST0101 and IST0159: the pods a Telemetry's selector picks.</summary>
    internal sealed class TelemetryWorkloads() : MeshRule(
        new(
            "telemetry.workloads",
            "A Telemetry's selector matches pods of its namespace (IST0101), and no pod is selected by two Telemetries (IST0159); needs Pods or workloads.",
            ["Telemetry"],
            [DiagnosticCodes.ReferencedResourceNotFound, DiagnosticCodes.ConflictingTelemetryWorkloadSelectors]),
        needsKubernetesObjects: true)
    {
        public override void Check(MeshContext mesh)
        {
            var kubernetes = mesh.Kubernetes!;
            if (!kubernetes.HasPods)
            {
                return;
            }

            var telemetriesByPod = new Dictionary<V1Pod, List<(TelemetryResource Telemetry, int Position)>>(ReferenceEqualityComparer.Instance);
            for (var i = 0; i < mesh.Resources.Count; i++)
            {
                if (mesh.Resources[i] is not TelemetryResource { Spec.Selector: { } selector } telemetry || selector.MatchLabelsOrEmpty.Count == 0)
                {
                    continue;
                }

                var context = mesh.Sink.Context(telemetry, mesh.Positions[i]);
                var pods = kubernetes.SelectPods(selector.MatchLabelsOrEmpty, context.Namespace).ToList();
                if (pods.Count == 0)
                {
                    context.Error(DiagnosticCodes.ReferencedResourceNotFound, TelemetrySpecSelectorMatchLabels, $"the selector {KubernetesChecks.Describe(selector.MatchLabelsOrEmpty)} matches no pod in namespace {context.Namespace}, so this Telemetry applies to nothing; correct the labels or remove it.");
                    continue;
                }

                foreach (var pod in pods)
                {
                    if (!telemetriesByPod.TryGetValue(pod, out var list))
                    {
                        telemetriesByPod[pod] = list = new();
                    }

                    list.Add((telemetry, mesh.Positions[i]));
                }
            }

            var reported = new HashSet<TelemetryResource>(ReferenceEqualityComparer.Instance);
            foreach (var (pod, telemetries) in telemetriesByPod)
            {
                if (telemetries.Count < 2)
                {
                    continue;
                }

                var names = string.Join(", ", telemetries.Select(t => t.Telemetry.MetadataName));
                foreach (var (telemetry, position) in telemetries.Where(t => reported.Add(t.Telemetry)))
                {
                    mesh.Sink.Context(telemetry, position).Error(DiagnosticCodes.ConflictingTelemetryWorkloadSelectors, TelemetrySpecSelector, $"pod {pod.Metadata?.Name} is selected by several Telemetries ({names}); which one applies is undefined. Make the selectors disjoint or merge the Telemetries.");
                }
            }
        }
    }

    /// <summary>IST0127 and IST0101: the workloads and source namespaces of an AuthorizationPolicy.</summary>
    internal sealed class AuthorizationPolicyWorkloads() : MeshRule(
        new(
            "authorizationpolicy.workloads",
            "An AuthorizationPolicy applies to some pod: its selector's, its namespace's, or (in the root namespace istio-system) any namespace's (IST0127; needs Pods or workloads); each rules[].from[].source namespaces and notNamespaces entry, * prefix or suffix included, names a Namespace of the files (IST0101; needs Namespaces).",
            ["AuthorizationPolicy"],
            [DiagnosticCodes.NoMatchingWorkloadsFound, DiagnosticCodes.ReferencedResourceNotFound]),
        needsKubernetesObjects: true)
    {
        public override void Check(MeshContext mesh)
        {
            var kubernetes = mesh.Kubernetes!;
            for (var i = 0; i < mesh.Resources.Count; i++)
            {
                if (mesh.Resources[i] is not AuthorizationPolicy policy)
                {
                    continue;
                }

                var context = mesh.Sink.Context(policy, mesh.Positions[i]);
                if (kubernetes.HasPods)
                {
                    CheckWorkloads(policy.Spec, kubernetes, context);
                }

                if (kubernetes.HasNamespaces)
                {
                    CheckSourceNamespaces(policy.Spec, kubernetes, context);
                }
            }
        }
    }

    private static void CheckWorkloads(AuthorizationPolicySpec spec, KubernetesIndex kubernetes, RuleContext context)
    {
        var labels = spec.Selector?.MatchLabelsOrEmpty;
        var root = context.Namespace == RootNamespace;
        if (labels is not { Count: > 0 })
        {
            // A root-namespace policy without selector applies to the whole mesh; a namespace's, to its pods.
            if (!root && !kubernetes.SelectPods(new Dictionary<string, string>(), context.Namespace).Any())
            {
                context.Warning(DiagnosticCodes.NoMatchingWorkloadsFound, AuthorizationPolicySpecRoot, $"namespace {context.Namespace} has no pods, so this namespace-wide policy applies to nothing; check the namespace.");
            }

            return;
        }

        if (!kubernetes.SelectPods(labels, root ? null : context.Namespace).Any())
        {
            context.Warning(DiagnosticCodes.NoMatchingWorkloadsFound, AuthorizationPolicySpecSelector, $"the selector {KubernetesChecks.Describe(labels)} matches no pod {(root ? "in the mesh" : $"in namespace {context.Namespace}")}, so this policy applies to nothing; correct the labels.");
        }
    }

    private static void CheckSourceNamespaces(AuthorizationPolicySpec spec, KubernetesIndex kubernetes, RuleContext context)
    {
        for (var r = 0; r < spec.RulesOrEmpty.Count; r++)
        {
            var from = spec.RulesOrEmpty[r].FromOrEmpty;
            for (var f = 0; f < from.Count; f++)
            {
                if (from[f].Source is not { } source)
                {
                    continue;
                }

                var path = $"{AuthorizationPolicySpecRules}[{r}]{RuleFromPath}[{f}]";
                CheckNamespaces(source.NamespacesOrEmpty, path + RuleFromSourceNamespaces, kubernetes, context);
                CheckNamespaces(source.NotNamespacesOrEmpty, path + RuleFromSourceNotNamespaces, kubernetes, context);
            }
        }
    }

    private static void CheckNamespaces(IReadOnlyList<string> patterns, string path, KubernetesIndex kubernetes, RuleContext context)
    {
        for (var n = 0; n < patterns.Count; n++)
        {
            if (!kubernetes.NamespaceNames.Any(ns => NamespaceMatches(ns, patterns[n])))
            {
                context.Error(DiagnosticCodes.ReferencedResourceNotFound, $"{path}[{n}]", $"namespace '{patterns[n]}' matches no Namespace of the files; correct it or create the namespace.");
            }
        }
    }

    /// <summary>An AuthorizationPolicy namespace pattern: exact, <c>*</c>, or a <c>*</c> prefix or suffix.</summary>
    private static bool NamespaceMatches(string ns, string pattern)
        => pattern == "*"
           || (pattern.StartsWith('*') && ns.EndsWith(pattern[1..], StringComparison.Ordinal))
           || (pattern.EndsWith('*') && ns.StartsWith(pattern[..^1], StringComparison.Ordinal))
           || string.Equals(ns, pattern, StringComparison.OrdinalIgnoreCase);
}
