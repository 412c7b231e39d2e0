using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s.Models;
using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>
/// The catalogue §4 checks that need Kubernetes objects: AN-18 (IST0173), AN-21 and AN-27 (IST0101 selector),
/// AN-22 (IST0162), AN-23 (IST0101 credentialName), AN-24 (IST0161), AN-26 (IST0110), AN-28 (IST0167).
/// Each runs only when the kinds it needs were given, so a missing inventory never produces findings.
/// </summary>
internal static class KubernetesChecks
{
    // The field paths of the diagnostics, named through the schema (FieldPathTests resolves every one).
    private static readonly FieldPath DestinationRuleSpecRoot = FieldPath.Spec(() => DestinationRuleSpec.Schema);
    private static readonly FieldPath SidecarSpecRoot = FieldPath.Spec(() => SidecarSpec.Schema);
    private static readonly FieldPath GatewaySpecRoot = FieldPath.Spec(() => GatewaySpec.Schema);
    private static readonly FieldPath InServerTlsSettings = FieldPath.In(() => ServerTlsSettings.Schema);
    private static readonly FieldPath GatewaySpecSelector = GatewaySpecRoot.Field("selector");
    private static readonly FieldPath GatewaySpecServers = GatewaySpecRoot.Field("servers");
    private static readonly FieldPath GatewaySpecServersPortNumber = GatewaySpecServers.Item.Field("port.number");
    private static readonly FieldPath GatewaySpecServersTls = GatewaySpecServers.Item.Field("tls");
    private static readonly FieldPath ServerTlsSettingsCredentialName = InServerTlsSettings.Field("credentialName");
    private static readonly FieldPath ServerTlsSettingsCredentialNames = InServerTlsSettings.Field("credentialNames");
    private static readonly FieldPath SidecarSpecWorkloadSelectorLabels = SidecarSpecRoot.Field("workloadSelector.labels");
    private static readonly FieldPath SidecarSpecWorkloadSelector = SidecarSpecRoot.Field("workloadSelector");
    private static readonly FieldPath DestinationRuleSpecSubsets = DestinationRuleSpecRoot.Field("subsets");
    private static readonly FieldPath DestinationRuleSpecSubsetsLabels = DestinationRuleSpecSubsets.Item.Field("labels");

    private const string AmbientRedirection = "ambient.istio.io/redirection";
    private const string DataplaneMode = "istio.io/dataplane-mode";

    /// <summary>AN-21…AN-24: a Gateway's pods, Services and credentials.</summary>
    internal sealed class GatewayWorkloads() : MeshRule(
        new(
            "gateway.workloads",
            "A Gateway's selector matches pods (AN-21), its server ports are on a Service of those pods (AN-22), and each tls.credentialName names a Secret in their namespace (AN-23) with a usable, unexpired certificate and key (AN-24).",
            ["Gateway"],
            [DiagnosticCodes.ReferencedResourceNotFound, DiagnosticCodes.GatewayPortNotDefinedOnService, DiagnosticCodes.InvalidGatewayCredential]),
        needsKubernetesObjects: true)
    {
        public override void Check(MeshContext mesh)
        {
            foreach (var (gateway, position) in mesh.Index.Gateways)
            {
                CheckGateway(gateway, mesh.Kubernetes!, mesh.Sink.Context(gateway, position), mesh.Now);
            }
        }
    }

    /// <summary>AN-26…AN-28: the pods a Sidecar selects.</summary>
    internal sealed class SidecarWorkloads() : MeshRule(
        new(
            "sidecar.workloads",
            "A Sidecar's selector matches pods (AN-27), no pod is selected by two Sidecars (AN-26), and no Sidecar applies to ambient workloads (AN-28).",
            ["Sidecar"],
            [DiagnosticCodes.ReferencedResourceNotFound, DiagnosticCodes.ConflictingSidecarWorkloadSelectors, DiagnosticCodes.IneffectivePolicy]),
        needsKubernetesObjects: true)
    {
        public override void Check(MeshContext mesh) => CheckSidecars(mesh.Index, mesh.Kubernetes!, mesh.Sink);
    }

    /// <summary>AN-18: subsets select pods of the host's Service.</summary>
    internal sealed class SubsetWorkloads() : MeshRule(
        new(
            "destinationrule.subset-workloads",
            "A DestinationRule subset's labels select pods behind the host's Service (AN-18; needs Pods and Services).",
            ["DestinationRule"],
            [DiagnosticCodes.DestinationRuleSubsetNotSelectPods]),
        needsKubernetesObjects: true)
    {
        public override void Check(MeshContext mesh)
        {
            var kubernetes = mesh.Kubernetes!;
            if (!kubernetes.HasPods || !kubernetes.HasServices)
            {
                return;
            }

            foreach (var (rule, position) in mesh.Index.DestinationRules)
            {
                CheckSubsets(rule, kubernetes, mesh.Sink.Context(rule, position));
            }
        }
    }

    private static void CheckGateway(Gateway gateway, KubernetesIndex kubernetes, RuleContext context, DateTimeOffset now)
    {
        var selector = gateway.Spec.Selector;
        // Istio's default ingress gateway is selectable even when the files hold no pods.
        var pods = selector.Count > 0 ? kubernetes.SelectPods(selector, null).ToList() : [];
        if (kubernetes.HasPods && selector.Count > 0 && pods.Count == 0)
        {
            context.Error(DiagnosticCodes.ReferencedResourceNotFound, GatewaySpecSelector, $"the selector {Describe(selector)} matches no pod, so no gateway serves this Gateway; correct the labels (e.g. istio: ingressgateway) or deploy the gateway.");
        }

        if (pods.Count > 0 && kubernetes.HasServices)
        {
            var ports = new HashSet<int>();
            foreach (var service in pods.SelectMany(kubernetes.ServicesSelecting).Distinct())
            {
                // istiod maps a server port that is a Service port to that port's targetPort; a port that is only a
                // targetPort is not translated, and istioctl reports it, so only Service ports count.
                foreach (var port in service.Spec?.Ports ?? [])
                {
                    ports.Add(port.Port);
                }
            }

            for (var i = 0; i < gateway.Spec.ServersOrEmpty.Count; i++)
            {
                if (gateway.Spec.ServersOrEmpty[i].Port?.Number is { } serverPort && !ports.Contains((int)serverPort))
                {
                    // With no Service selecting the pods there is no port to offer: say what is missing instead.
                    var remedy = ports.Count > 0
                        ? $"expose it on the gateway's Service or use one of {string.Join(", ", ports.Order())}."
                        : $"no Service selects those pods (selector {Describe(selector)}): add one that exposes port {serverPort}.";
                    context.Warning(DiagnosticCodes.GatewayPortNotDefinedOnService, $"{GatewaySpecServers}[{i}]{GatewaySpecServersPortNumber}", $"port {serverPort} is not a port of any Service selecting the gateway pods, so no traffic reaches it; {remedy}");
                }
            }
        }

        // With pods known and none selected, the selector error above is the finding: there is no namespace to look in.
        if (kubernetes.HasSecrets && !(kubernetes.HasPods && selector.Count > 0 && pods.Count == 0))
        {
            // The Secret must live where the gateway workload runs; without pods, assume the Gateway's namespace.
            var namespaces = pods.Count > 0 ? pods.Select(p => KubernetesIndex.NamespaceOf(p.Metadata)).Distinct().ToList() : [context.Namespace];
            for (var i = 0; i < gateway.Spec.ServersOrEmpty.Count; i++)
            {
                if (gateway.Spec.ServersOrEmpty[i].Tls is { Mode: ServerTlsMode.Simple or ServerTlsMode.Mutual or ServerTlsMode.OptionalMutual } tls)
                {
                    var path = $"{GatewaySpecServers}[{i}]{GatewaySpecServersTls}";
                    if (tls.CredentialName is { } credential)
                    {
                        CheckCredential(credential, path + ServerTlsSettingsCredentialName, namespaces, kubernetes, context, now);
                    }

                    for (var c = 0; c < tls.CredentialNamesOrEmpty.Count; c++)
                    {
                        CheckCredential(tls.CredentialNamesOrEmpty[c], $"{path}{ServerTlsSettingsCredentialNames}[{c}]", namespaces, kubernetes, context, now);
                    }
                }
            }
        }
    }

    /// <summary>AN-23 (the Secret exists) and AN-24 (it holds a valid certificate and key).</summary>
    private static void CheckCredential(string credential, string path, List<string> namespaces, KubernetesIndex kubernetes, RuleContext context, DateTimeOffset now)
    {
        var name = credential.StartsWith("kubernetes://", StringComparison.Ordinal) ? credential["kubernetes://".Length..] : credential;
        var slash = name.IndexOf('/');
        var lookIn = slash >= 0 ? [name[..slash]] : namespaces;
        name = slash >= 0 ? name[(slash + 1)..] : name;
        foreach (var ns in lookIn)
        {
            if (kubernetes.Secret(ns, name) is not { } secret)
            {
                context.Error(DiagnosticCodes.ReferencedResourceNotFound, path, $"credentialName '{credential}' has no Secret {ns}/{name}; the gateway workload reads it from its own namespace {ns}. Create it there (kubectl create secret tls {name} -n {ns} ...).");
            }
            else if (CredentialProblem(secret, now) is { } problem)
            {
                context.Error(DiagnosticCodes.InvalidGatewayCredential, path, $"Secret {ns}/{name} cannot serve TLS: {problem}; store a valid PEM certificate and key (tls.crt and tls.key).");
            }
        }
    }

    private static string? CredentialProblem(V1Secret secret, DateTimeOffset now)
    {
        var cert = Value(secret, "tls.crt") ?? Value(secret, "cert");
        var key = Value(secret, "tls.key") ?? Value(secret, "key");
        if (cert is null || key is null)
        {
            return "it has no certificate and key (tls.crt and tls.key, or cert and key)";
        }

        try
        {
            using var certificate = X509Certificate2.CreateFromPem(cert, key);
            return certificate.NotAfter.ToUniversalTime() < now.UtcDateTime ? $"the certificate expired on {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd}" : null;
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            return $"the certificate or key is not valid PEM ({e.Message.TrimEnd('.')})";
        }
    }

    private static string? Value(V1Secret secret, string key)
        => secret.Data?.TryGetValue(key, out var bytes) == true && bytes is not null ? Encoding.UTF8.GetString(bytes)
            : secret.StringData?.TryGetValue(key, out var text) == true ? text : null;

    /// <summary>AN-26 (IST0110), AN-27 (IST0101) and AN-28 (IST0167).</summary>
    private static void CheckSidecars(MeshIndex index, KubernetesIndex kubernetes, DiagnosticSink sink)
    {
        var sidecarsByPod = new Dictionary<V1Pod, List<Positioned<Sidecar>>>(ReferenceEqualityComparer.Instance);
        foreach (var (sidecar, position) in index.Sidecars)
        {
            var context = sink.Context(sidecar, position);
            if (sidecar.Spec.WorkloadSelector is not { Labels.Count: > 0 } selector)
            {
                if (IsAmbientNamespace(kubernetes, context.Namespace))
                {
                    context.Warning(DiagnosticCodes.IneffectivePolicy, SidecarSpecRoot, $"namespace {context.Namespace} runs in ambient mode ({DataplaneMode}: ambient), where workloads have no sidecar, so this Sidecar does nothing; remove it.");
                }

                continue;
            }

            if (!kubernetes.HasPods)
            {
                continue;
            }

            var pods = kubernetes.SelectPods(selector.Labels, context.Namespace).ToList();
            if (pods.Count == 0)
            {
                context.Error(DiagnosticCodes.ReferencedResourceNotFound, SidecarSpecWorkloadSelectorLabels, $"the workloadSelector {Describe(selector.Labels)} matches no pod in namespace {context.Namespace}; correct the labels or remove the Sidecar.");
                continue;
            }

            var ambient = pods.FirstOrDefault(p => p.Metadata?.Annotations?.TryGetValue(AmbientRedirection, out var value) == true && value == "enabled");
            if (ambient is not null)
            {
                context.Warning(DiagnosticCodes.IneffectivePolicy, SidecarSpecWorkloadSelector, $"the Sidecar selects pod {ambient.Metadata.Name}, which runs in ambient mode without a sidecar, so the Sidecar does nothing for it; narrow the selector to sidecar-mode pods.");
            }

            foreach (var pod in pods)
            {
                if (!sidecarsByPod.TryGetValue(pod, out var list))
                {
                    sidecarsByPod[pod] = list = new List<Positioned<Sidecar>>();
                }

                list.Add(new(sidecar, position));
            }
        }

        var reported = new HashSet<Sidecar>(ReferenceEqualityComparer.Instance);
        foreach (var (pod, sidecars) in sidecarsByPod)
        {
            if (sidecars.Count < 2)
            {
                continue;
            }

            var names = string.Join(", ", sidecars.Select(s => s.Resource.MetadataName));
            foreach (var (sidecar, position) in sidecars.Where(s => reported.Add(s.Resource)))
            {
                sink.Context(sidecar, position).Error(DiagnosticCodes.ConflictingSidecarWorkloadSelectors, SidecarSpecWorkloadSelector, $"pod {pod.Metadata?.Name} is selected by several Sidecars ({names}); which one applies is undefined. Make the selectors disjoint or merge the Sidecars.");
            }
        }
    }

    /// <summary>
    /// Whether the namespace runs in ambient mode: labelled <c>istio.io/dataplane-mode: ambient</c> and not also
    /// for sidecar injection (<c>istio-injection: enabled</c> or an <c>istio.io/rev</c> label), which istioctl takes
    /// to mean sidecar mode.
    /// </summary>
    internal static bool IsAmbientNamespace(KubernetesIndex? kubernetes, string @namespace)
        => kubernetes?.Namespace(@namespace)?.Metadata?.Labels is { } labels
           && !(labels.TryGetValue("istio-injection", out var injection) && injection == "enabled")
           && !(labels.TryGetValue("istio.io/rev", out var revision) && revision.Length > 0)
           && labels.TryGetValue(DataplaneMode, out var mode) && mode == "ambient";

    /// <summary>AN-18: each subset's labels must select some pod behind the host's Service.</summary>
    private static void CheckSubsets(DestinationRule rule, KubernetesIndex kubernetes, RuleContext context)
    {
        if (rule.Spec.SubsetsOrEmpty.Count == 0 || rule.Spec.Host is not { Length: > 0 } host)
        {
            return;
        }

        var normalized = HostNames.Normalize(host, context.Namespace);
        var suffix = "." + HostNames.ClusterDomain;
        if (!normalized.EndsWith(suffix, StringComparison.Ordinal) || normalized[..^suffix.Length].Split('.') is not [var name, var ns]
            || kubernetes.Service(ns, name)?.Spec?.Selector is not { Count: > 0 } serviceSelector)
        {
            return;
        }

        var pods = kubernetes.SelectPods(serviceSelector.AsReadOnly(), ns).ToList();
        for (var i = 0; i < rule.Spec.SubsetsOrEmpty.Count; i++)
        {
            var labels = rule.Spec.SubsetsOrEmpty[i].Labels;
            if (labels.Count > 0 && !pods.Any(p => KubernetesIndex.Selects(labels, p.Metadata?.Labels)))
            {
                context.Error(DiagnosticCodes.DestinationRuleSubsetNotSelectPods, $"{DestinationRuleSpecSubsets}[{i}]{DestinationRuleSpecSubsetsLabels}", $"subset '{rule.Spec.SubsetsOrEmpty[i].Name}' selects none of the pods of Service {ns}/{name} with labels {Describe(labels)}; traffic routed to it fails with 503. Correct the labels to match the pods.");
            }
        }
    }

    /// <summary>Labels as <c>{key: value, ...}</c> for messages.</summary>
    internal static string Describe(IEnumerable<KeyValuePair<string, string>> labels) => "{" + string.Join(", ", labels.Select(l => $"{l.Key}: {l.Value}")) + "}";
}
