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

    /// <summary>
    /// Name, namespace, labels and annotations, and what the API server adds (uid, resourceVersion,
    /// creationTimestamp, managedFields, ...): every field of Kubernetes' ObjectMeta is read and written.
    /// </summary>
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

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
        => Metadata?.NamespaceProperty is { Length: > 0 } ns ? $"{Kind} {ns}/{Metadata.Name}" : $"{Kind} {Metadata?.Name}";
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
