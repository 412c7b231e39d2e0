using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Model;

/// <summary>
/// A Kubernetes object of one of the fifteen Istio kinds Mesh.Dsl models. It works with
/// KubernetesClient's clients and tools through <see cref="IKubernetesObject{TMetadata}"/>.
/// </summary>
public abstract class IstioResource : IKubernetesObject<V1ObjectMeta>
{
    private string _apiVersion;

    private protected IstioResource(string defaultApiVersion) => _apiVersion = defaultApiVersion;

    /// <summary>
    /// The API version, such as <c>networking.istio.io/v1</c> (the default) or
    /// <c>networking.istio.io/v1alpha3</c>. Only versions Istio serves for the kind are accepted.
    /// </summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion
    {
        get => _apiVersion;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            if (!Definition.ApiVersions.Contains(value))
            {
                throw new ArgumentException(
                    $"\"{value}\" is not an API version Istio serves for {Kind}; use one of {string.Join(", ", Definition.ApiVersions)}.",
                    nameof(value));
            }

            _apiVersion = value;
        }
    }

    /// <summary>The kind, fixed by the type (<c>ServiceEntry</c>, <c>DestinationRule</c>, ...).</summary>
    [JsonPropertyName("kind")]
    public string Kind
    {
        get => Definition.Kind;
        set
        {
            if (value != Definition.Kind)
            {
                throw new ArgumentException($"A {Definition.Kind} cannot be given the kind \"{value}\".", nameof(value));
            }
        }
    }

    // Most resources have a name, perhaps a namespace, labels and annotations, and nothing else in their metadata:
    // those four are kept here, and KubernetesClient's V1ObjectMeta (168 bytes, fifteen fields) is made only when
    // Metadata is asked for or the reader met another field. The library's own code (reader, writer, validation,
    // comparison) reads and sets the four through MetadataName & co., which never make it; once it exists, it holds
    // every field and these four are no longer read. A large read holds one resource per document, so this is most
    // of a model's metadata memory (100 MB of YAML: 52 MB of V1ObjectMeta).
    private V1ObjectMeta? _metadata;
    private string? _name;
    private string? _namespace;
    private IDictionary<string, string>? _labels;
    private IDictionary<string, string>? _annotations;

    /// <summary>
    /// Name, namespace, labels and annotations, and what the API server adds (uid, resourceVersion,
    /// creationTimestamp, managedFields, ...): every field of Kubernetes' ObjectMeta is read and written.
    /// Never null: setting null clears the metadata (the next read gives an empty one).
    /// </summary>
    [JsonPropertyName("metadata")]
    [System.Diagnostics.CodeAnalysis.AllowNull]
    public V1ObjectMeta Metadata
    {
        get => _metadata ?? Expand();
        set
        {
            _metadata = value;
            (_name, _namespace, _labels, _annotations) = (null, null, null, null);
        }
    }

    /// <summary>metadata.name, read or set without making <see cref="Metadata"/>.</summary>
    internal string? MetadataName
    {
        get => _metadata is { } metadata ? metadata.Name : _name;
        set
        {
            if (_metadata is { } metadata)
            {
                metadata.Name = value;
            }
            else
            {
                _name = value;
            }
        }
    }

    /// <summary>metadata.namespace, read or set without making <see cref="Metadata"/>.</summary>
    internal string? MetadataNamespace
    {
        get => _metadata is { } metadata ? metadata.NamespaceProperty : _namespace;
        set
        {
            if (_metadata is { } metadata)
            {
                metadata.NamespaceProperty = value;
            }
            else
            {
                _namespace = value;
            }
        }
    }

    /// <summary>metadata.labels, read or set without making <see cref="Metadata"/>.</summary>
    internal IDictionary<string, string>? MetadataLabels
    {
        get => _metadata is { } metadata ? metadata.Labels : _labels;
        set
        {
            if (_metadata is { } metadata)
            {
                metadata.Labels = value;
            }
            else
            {
                _labels = value;
            }
        }
    }

    /// <summary>metadata.annotations, read or set without making <see cref="Metadata"/>.</summary>
    internal IDictionary<string, string>? MetadataAnnotations
    {
        get => _metadata is { } metadata ? metadata.Annotations : _annotations;
        set
        {
            if (_metadata is { } metadata)
            {
                metadata.Annotations = value;
            }
            else
            {
                _annotations = value;
            }
        }
    }

    /// <summary>
    /// The whole ObjectMeta when it exists (asked for, or read with a field beyond name, namespace, labels and
    /// annotations); null when those four are all there is.
    /// </summary>
    internal V1ObjectMeta? FullMetadata => _metadata;

    /// <summary>Makes the whole ObjectMeta from the four fields kept apart, once, also when two threads ask at once.</summary>
    private V1ObjectMeta Expand()
    {
        var made = new V1ObjectMeta { Name = _name, NamespaceProperty = _namespace, Labels = _labels, Annotations = _annotations };
        // The four fields are left as they are (every reader looks at _metadata first), so a thread that read
        // _metadata as null just before still finds them.
        return Interlocked.CompareExchange(ref _metadata, made, null) ?? made;
    }

    /// <summary>
    /// The status the control plane reported (<c>kubectl get -o yaml</c> output has it), as free-form data; null
    /// when there is none. It is read and written back after the spec, and never validated.
    /// </summary>
    [JsonPropertyName("status")]
    public JsonObject? Status { get; set; }

    /// <summary>Where the resource was read from, when it was read from a file or string; otherwise null.</summary>
    [JsonIgnore]
    public ResourceSource? Source { get; internal set; }

    internal abstract ResourceKind Definition { get; }

    /// <summary>"namespace/name", or the name alone when no namespace is set.</summary>
    /// <returns>A short identification of the resource for messages.</returns>
    public override string ToString()
        => MetadataNamespace is { Length: > 0 } ns ? $"{Kind} {ns}/{MetadataName}" : $"{Kind} {MetadataName}";
}

/// <summary>An <see cref="IstioResource"/> with its typed <see cref="Spec"/>.</summary>
/// <typeparam name="TSpec">The spec message type.</typeparam>
public abstract class IstioResource<TSpec> : IstioResource, ISpec<TSpec>
    where TSpec : class, new()
{
    private protected IstioResource(string defaultApiVersion, TSpec spec)
        : base(defaultApiVersion)
    {
        // The concrete kind makes the empty spec: new TSpec() here would be a reflection call per resource.
        Spec = spec;
    }

    /// <summary>The resource's specification, as the Istio API defines it.</summary>
    [JsonPropertyName("spec")]
    public TSpec Spec { get; set; }
}
