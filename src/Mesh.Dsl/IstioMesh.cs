using System.Runtime.InteropServices;
using k8s;
using k8s.Models;
using Mesh.Dsl.IO;
using Mesh.Dsl.Model;
using Mesh.Dsl.Serialization;
using Mesh.Dsl.Validation;

namespace Mesh.Dsl;

/// <summary>
/// The Istio resources of one program, in the order they were added: what scenarios add to, what
/// validation checks as a whole, and what is written out as YAML or JSON.
/// </summary>
public sealed partial class IstioMesh
{
    private readonly List<IstioResource> _resources = new();
    private readonly List<IKubernetesObject> _kubernetesObjects = new();

    // The kinds (ResourceKind.Bit) added under each namespace and name, to refuse a second resource of
    // the same kind, namespace and name. One entry per name, not per resource, and no list per name: a
    // service's ServiceEntry, DestinationRule and VirtualService usually share their name and an entry.
    private readonly Dictionary<NameKey, int> _kindsByName = new();

    /// <summary>Creates an empty mesh.</summary>
    /// <param name="defaultNamespace">The namespace given to resources added without one; null leaves them without.</param>
    public IstioMesh(string? defaultNamespace = null)
    {
        DefaultNamespace = defaultNamespace is null ? null : Builders.Guard.NamespaceName(defaultNamespace, nameof(defaultNamespace));
    }

    /// <summary>The namespace given to resources added without one, or null.</summary>
    public string? DefaultNamespace { get; }

    /// <summary>The resources, in the order they were added.</summary>
    public IReadOnlyList<IstioResource> Resources => _resources;

    /// <summary>The resources of one type, in the order they were added.</summary>
    /// <typeparam name="T">The resource type, e.g. <c>ServiceEntry</c>.</typeparam>
    /// <returns>The resources of that type.</returns>
    public IEnumerable<T> OfKind<T>() where T : IstioResource => _resources.OfType<T>();

    /// <summary>
    /// Adds a resource. Without a namespace it gets <see cref="DefaultNamespace"/>. Two resources of
    /// the same kind, namespace and name cannot be added: the second would silently replace the first
    /// in a cluster.
    /// </summary>
    /// <typeparam name="T">The resource type.</typeparam>
    /// <param name="resource">The resource.</param>
    /// <returns>The resource, to change or reference later.</returns>
    public T Add<T>(T resource) where T : IstioResource
    {
        ArgumentNullException.ThrowIfNull(resource);
        return TryAdd(resource) ? resource : throw new ArgumentException($"The mesh already has a {resource}; give the new one another name.", nameof(resource));
    }

    /// <summary>Adds a resource as <see cref="Add"/> does; false (and nothing added) when one of the same kind, namespace and name is there.</summary>
    private bool TryAdd(IstioResource resource)
    {
        if (resource.MetadataNamespace is null && DefaultNamespace is not null)
        {
            resource.MetadataNamespace = DefaultNamespace;
        }

        ref var kinds = ref CollectionsMarshal.GetValueRefOrAddDefault(_kindsByName, new NameKey(resource.MetadataNamespace, resource.MetadataName), out _);
        var bit = resource.Definition.Bit;
        if ((kinds & bit) != 0)
        {
            return false;
        }

        kinds |= bit;
        _resources.Add(resource);
        return true;
    }

    /// <summary>
    /// The Kubernetes objects (Services, Pods, Secrets, Namespaces, workloads) the mesh's configuration is
    /// checked against. They are inputs to validation only: <see cref="ToYaml"/> never writes them, and
    /// <see cref="Save(string?, bool)"/> writes their documents back as they were read.
    /// </summary>
    public IReadOnlyList<IKubernetesObject> KubernetesObjects => _kubernetesObjects;

    /// <summary>
    /// Adds a Kubernetes object for validation to check against: a <see cref="V1Service"/>,
    /// <see cref="V1Pod"/>, <see cref="V1Secret"/> or <see cref="V1Namespace"/> (for example the
    /// gateway's pods and Service, or the Secret a credentialName names), or a workload whose pod template
    /// stands for its pods (<see cref="V1Deployment"/>, <see cref="V1StatefulSet"/>, <see cref="V1DaemonSet"/>,
    /// <see cref="V1ReplicaSet"/>, <see cref="V1Job"/>, <see cref="V1CronJob"/>; see <see cref="PodTemplates"/>).
    /// Checks that need such objects run only when they are present.
    /// </summary>
    /// <typeparam name="T">The object type.</typeparam>
    /// <param name="kubernetesObject">The object.</param>
    /// <returns>The object.</returns>
    public T AddKubernetesObject<T>(T kubernetesObject) where T : IKubernetesObject
    {
        ArgumentNullException.ThrowIfNull(kubernetesObject);
        if (!WorkloadPodTemplate.IsUsedByValidation(kubernetesObject))
        {
            throw new ArgumentException(
                $"{typeof(T).Name} is not used by validation; add V1Service, V1Pod, V1Secret, V1Namespace or workload (V1Deployment, V1StatefulSet, V1DaemonSet, V1ReplicaSet, V1Job, V1CronJob) objects.",
                nameof(kubernetesObject));
        }

        _kubernetesObjects.Add(kubernetesObject);
        return kubernetesObject;
    }

    /// <summary>Adds several resources, in order.</summary>
    /// <param name="resources">The resources.</param>
    public void AddRange(IEnumerable<IstioResource> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        foreach (var resource in resources)
        {
            Add(resource);
        }
    }

    /// <summary>Finds a resource by kind, name and namespace (null for none).</summary>
    /// <typeparam name="T">The resource type.</typeparam>
    /// <param name="name">The name.</param>
    /// <param name="namespace">The namespace, or null.</param>
    /// <returns>The resource, or null.</returns>
    public T? Find<T>(string name, string? @namespace = null) where T : IstioResource
        => _resources.OfType<T>().FirstOrDefault(r => r.MetadataName == name && r.MetadataNamespace == (@namespace ?? DefaultNamespace));

    /// <summary>
    /// Checks every resource the way Istio would (field rules), the way <c>istioctl analyze</c> would
    /// (cross-resource references and conflicts, also against <see cref="KubernetesObjects"/>), and
    /// gives security advice. A warning about what a scenario recipe added because one of its options asked
    /// for it (such as <c>ServerVerification.None</c>) ends with a sentence naming that option.
    /// </summary>
    /// <returns>The diagnostics, in resource order; empty when all is well.</returns>
    public IReadOnlyList<Diagnostic> Validate() => Hints.AppendTo(new MeshValidator().Validate(_resources, _kubernetesObjects), _resources);

    /// <summary>What the recipes that added resources say about warnings their options asked for (see <see cref="DiagnosticHints"/>).</summary>
    internal DiagnosticHints Hints { get; } = new();

    /// <summary>Writes every resource as one multi-document YAML text, after validating the mesh.</summary>
    /// <param name="allowErrors">True to write even when validation finds errors.</param>
    /// <returns>The YAML.</returns>
    /// <exception cref="MeshValidationException">When validation finds errors and <paramref name="allowErrors"/> is false; lists them all.</exception>
    public string ToYaml(bool allowErrors = false)
    {
        EnsureValid(allowErrors);
        return MeshYaml.Serialize(_resources);
    }

    /// <summary>Streams every resource as multi-document YAML, after validating the mesh.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="allowErrors">True to write even when validation finds errors.</param>
    /// <exception cref="MeshValidationException">When validation finds errors and <paramref name="allowErrors"/> is false; lists them all.</exception>
    public void WriteYaml(TextWriter writer, bool allowErrors = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        EnsureValid(allowErrors);
        MeshYaml.Write(writer, _resources);
    }

    /// <summary>Writes every resource as a JSON Kubernetes <c>List</c>, after validating the mesh.</summary>
    /// <param name="allowErrors">True to write even when validation finds errors.</param>
    /// <returns>The JSON.</returns>
    /// <exception cref="MeshValidationException">When validation finds errors and <paramref name="allowErrors"/> is false; lists them all.</exception>
    public string ToJson(bool allowErrors = false)
    {
        EnsureValid(allowErrors);
        return MeshJson.Serialize(_resources);
    }

    private void EnsureValid(bool allowErrors)
    {
        if (allowErrors)
        {
            return;
        }

        var diagnostics = Validate();
        if (diagnostics.Any(d => d.IsError))
        {
            throw new MeshValidationException(diagnostics);
        }
    }

    /// <summary>
    /// Writes one YAML file per resource into <paramref name="directory"/>, named
    /// <c>[namespace/]kind-name.yaml</c> in lowercase (<c>istio-system/gateway-istio-egressgateway.yaml</c>).
    /// Each file is replaced whole (<see cref="AtomicFile"/>): a failure leaves it as it was, never torn.
    /// </summary>
    /// <param name="directory">The folder; created if missing.</param>
    /// <param name="allowErrors">True to write even when validation finds errors.</param>
    /// <returns>The paths written, in resource order.</returns>
    /// <exception cref="MeshValidationException">When validation finds errors and <paramref name="allowErrors"/> is false; lists them all.</exception>
    public IReadOnlyList<string> WriteToDirectory(string directory, bool allowErrors = false)
    {
        ArgumentNullException.ThrowIfNull(directory);
        EnsureValid(allowErrors);
        var written = new List<string>();
        foreach (var resource in _resources)
        {
            var folder = resource.MetadataNamespace is { Length: > 0 } ns ? Path.Combine(directory, ns) : directory;
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, $"{resource.Kind.ToLowerInvariant()}-{resource.MetadataName}.yaml");
            AtomicFile.Write(path, stream => MeshYaml.Write(stream, [resource]));

            written.Add(path);
        }

        return written;
    }

    /// <summary>
    /// Expands folders into the YAML and JSON files below them, in ordinal path order, as <see cref="FileFinder"/>
    /// finds them: links to folders are not followed, special files are skipped, and paths that cannot be read are
    /// left out (<see cref="FileFinder.Find(IEnumerable{string}, Func{string, bool})"/> says why).
    /// </summary>
    /// <param name="paths">Files or folders.</param>
    /// <returns>The files.</returns>
    internal static IEnumerable<string> ExpandPaths(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return FileFinder.Find(paths, FileFinder.IsYamlOrJson).Files.Select(file => file.Path);
    }

    /// <summary>A namespace and name (compared ordinally): a struct of its own, not a tuple, so the dictionary's code is not shared generic code.</summary>
    private readonly record struct NameKey(string? Namespace, string? Name);
}
