using k8s.Models;
using Mesh.Dsl.Model;

namespace Mesh.Dsl.Builders;

/// <summary>Base of the builders of whole resources: metadata, API version, and the spec's fields.</summary>
/// <typeparam name="TSelf">The concrete builder.</typeparam>
/// <typeparam name="TResource">The resource type.</typeparam>
/// <typeparam name="TSpec">The resource's spec type.</typeparam>
public abstract class ResourceBuilder<TSelf, TResource, TSpec> : MessageBuilder<TSelf, TSpec>
    where TSelf : ResourceBuilder<TSelf, TResource, TSpec>
    where TResource : IstioResource<TSpec>
    where TSpec : class, new()
{
    /// <summary>Creates a builder over an existing resource.</summary>
    /// <param name="resource">The resource to fill in.</param>
    protected ResourceBuilder(TResource resource)
        : base(resource.Spec)
    {
        Resource = resource;
    }

    /// <summary>Creates a builder over a new resource and names it.</summary>
    /// <param name="resource">The new resource, whose own (empty) metadata receives the name: no second <see cref="V1ObjectMeta"/> per resource.</param>
    /// <param name="name">The resource name: a lowercase DNS-1123 subdomain.</param>
    private protected ResourceBuilder(TResource resource, string name)
        : this(resource)
    {
        Resource.MetadataName = Guard.ResourceName(name);
    }

    /// <summary>The resource being built.</summary>
    public TResource Resource { get; }

    /// <summary>Sets the namespace.</summary>
    /// <param name="namespace">A DNS-1123 label.</param>
    /// <returns>This builder.</returns>
    public TSelf Namespace(string @namespace)
    {
        Resource.MetadataNamespace = Guard.NamespaceName(@namespace, nameof(@namespace));
        return Self;
    }

    /// <summary>Adds (or replaces) a label.</summary>
    /// <param name="key">The label key.</param>
    /// <param name="value">The label value.</param>
    /// <returns>This builder.</returns>
    public TSelf Label(string key, string value)
    {
        Guard.NotEmpty(key, nameof(key));
        Guard.Text(value, nameof(value));
        Resource.MetadataLabels ??= new OrderedDictionary<string, string>();
        Resource.MetadataLabels[key] = value;
        return Self;
    }

    /// <summary>Adds (or replaces) an annotation.</summary>
    /// <param name="key">The annotation key.</param>
    /// <param name="value">The annotation value.</param>
    /// <returns>This builder.</returns>
    public TSelf Annotation(string key, string value)
    {
        Guard.NotEmpty(key, nameof(key));
        Guard.Text(value, nameof(value));
        Resource.MetadataAnnotations ??= new OrderedDictionary<string, string>();
        Resource.MetadataAnnotations[key] = value;
        return Self;
    }

    /// <summary>Chooses the API version (see <see cref="ApiVersions"/>); the newest is the default.</summary>
    /// <param name="apiVersion">A version Istio serves for the kind, e.g. <see cref="ApiVersions.NetworkingV1Alpha3"/>.</param>
    /// <returns>This builder.</returns>
    public TSelf ApiVersion(string apiVersion)
    {
        Resource.ApiVersion = apiVersion;
        return Self;
    }

    /// <summary>Returns the resource built.</summary>
    /// <returns>The resource.</returns>
    public TResource Build() => Resource;
}
