using k8s;
using k8s.Models;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>
/// The Kubernetes objects given next to the Istio resources (Services, Pods and workloads' pod templates, Secrets,
/// Namespaces), indexed so that selecting pods by labels looks only at the pods carrying one of the selector's labels.
/// </summary>
internal sealed class KubernetesIndex
{
    private readonly Dictionary<(string Namespace, string Key, string Value), List<V1Pod>> _podsByLabel = new();
    private readonly Dictionary<(string Key, string Value), List<V1Pod>> _podsByLabelAnyNamespace = new();
    private readonly Dictionary<string, List<V1Pod>> _podsByNamespace = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Namespace, string Name), V1Service> _servicesByName = new();
    private readonly Dictionary<string, List<V1Service>> _servicesByNamespace = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Namespace, string Name), V1Secret> _secrets = new();
    private readonly Dictionary<string, V1Namespace> _namespaces = new(StringComparer.Ordinal);

    public KubernetesIndex(IEnumerable<IKubernetesObject> objects)
    {
        foreach (var item in objects)
        {
            switch (item)
            {
                case V1Pod pod:
                    AddPod(pod);
                    break;
                case V1Service service when service.Metadata?.Name is { } serviceName:
                    HasServices = true;
                    _servicesByName.TryAdd((NamespaceOf(service.Metadata), serviceName), service);
                    Add(_servicesByNamespace, NamespaceOf(service.Metadata), service);
                    break;
                case V1Secret secret when secret.Metadata?.Name is { } secretName:
                    HasSecrets = true;
                    _secrets.TryAdd((NamespaceOf(secret.Metadata), secretName), secret);
                    break;
                case V1Namespace ns when ns.Metadata?.Name is { } nsName:
                    HasNamespaces = true;
                    _namespaces.TryAdd(nsName, ns);
                    break;
                default:
                    // A repository holds Deployments (and other workloads) rather than Pods: each pod template stands
                    // for the pods it runs, so the checks that select pods by labels see them.
                    if (WorkloadPodTemplate.Of(item) is { } workload)
                    {
                        AddPod(PodOf(workload));
                    }

                    break;
            }
        }

        // istioctl analyze assumes Istio's default ingress gateway when it reads files; so do we, unless the files
        // hold their own. It is added after the given objects and does not count as given (HasPods, HasServices).
        if (!_podsByLabelAnyNamespace.ContainsKey((DefaultIngressGateway.LabelKey, DefaultIngressGateway.LabelValue)))
        {
            var hasPods = HasPods;
            AddPod(DefaultIngressGateway.Pod());
            HasPods = hasPods;
            var service = DefaultIngressGateway.Service();
            _servicesByName.TryAdd((DefaultIngressGateway.Namespace, service.Metadata.Name), service);
            Add(_servicesByNamespace, DefaultIngressGateway.Namespace, service);
        }
    }

    /// <summary>Whether any pod or workload pod template was given (Istio's default ingress gateway does not count).</summary>
    public bool HasPods { get; private set; }

    public bool HasServices { get; }

    public bool HasSecrets { get; }

    public bool HasNamespaces { get; }

    /// <summary>The pod a workload's template runs: named after the workload, in its namespace, with the template's labels, annotations and spec.</summary>
    private static V1Pod PodOf(WorkloadPodTemplate workload) => new()
    {
        ApiVersion = "v1",
        Kind = "Pod",
        Metadata = new V1ObjectMeta
        {
            Name = workload.Name,
            NamespaceProperty = workload.Namespace ?? workload.Template.Metadata?.NamespaceProperty,
            Labels = workload.Labels,
            Annotations = workload.Template.Metadata?.Annotations,
        },
        Spec = workload.Template.Spec,
    };

    private void AddPod(V1Pod pod)
    {
        HasPods = true;
        var podNamespace = NamespaceOf(pod.Metadata);
        Add(_podsByNamespace, podNamespace, pod);
        foreach (var (key, value) in pod.Metadata?.Labels ?? new Dictionary<string, string>())
        {
            Add(_podsByLabel, (podNamespace, key, value), pod);
            Add(_podsByLabelAnyNamespace, (key, value), pod);
        }
    }

    public static string NamespaceOf(V1ObjectMeta? metadata) => metadata?.NamespaceProperty is { Length: > 0 } ns ? ns : "default";

    /// <summary>The pods whose labels contain every selector label; in <paramref name="namespace"/>, or anywhere when null. An empty selector selects every pod.</summary>
    public IEnumerable<V1Pod> SelectPods(IReadOnlyDictionary<string, string> selector, string? @namespace)
    {
        if (selector.Count == 0)
        {
            return @namespace is null ? _podsByNamespace.Values.SelectMany(p => p) : _podsByNamespace.GetValueOrDefault(@namespace) ?? [];
        }

        // Start from the rarest label's pods, then filter by the rest.
        IReadOnlyList<V1Pod>? candidates = null;
        foreach (var (key, value) in selector)
        {
            var pods = (IReadOnlyList<V1Pod>?)(@namespace is null ? _podsByLabelAnyNamespace.GetValueOrDefault((key, value)) : _podsByLabel.GetValueOrDefault((@namespace, key, value))) ?? [];
            if (candidates is null || pods.Count < candidates.Count)
            {
                candidates = pods;
            }
        }

        return candidates!.Where(pod => Selects(selector, pod.Metadata?.Labels));
    }

    public static bool Selects(IEnumerable<KeyValuePair<string, string>> selector, IDictionary<string, string>? labels)
        => selector.All(s => labels is not null && labels.TryGetValue(s.Key, out var value) && value == s.Value);

    public V1Service? Service(string @namespace, string name) => _servicesByName.GetValueOrDefault((@namespace, name));

    /// <summary>The Services in the pod's namespace whose selector selects the pod.</summary>
    public IEnumerable<V1Service> ServicesSelecting(V1Pod pod)
        => (_servicesByNamespace.GetValueOrDefault(NamespaceOf(pod.Metadata)) ?? [])
            .Where(s => s.Spec?.Selector is { Count: > 0 } selector && Selects(selector, pod.Metadata?.Labels));

    /// <summary>Whether the files hold any Service in the namespace.</summary>
    public bool HasServicesIn(string @namespace) => _servicesByNamespace.ContainsKey(@namespace);

    public V1Secret? Secret(string @namespace, string name) => _secrets.GetValueOrDefault((@namespace, name));

    public V1Namespace? Namespace(string name) => _namespaces.GetValueOrDefault(name);

    /// <summary>The names of the Namespaces given.</summary>
    public IEnumerable<string> NamespaceNames => _namespaces.Keys;

    private static void Add<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key, TValue value)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = new List<TValue>();
        }

        list.Add(value);
    }
}
