using Mesh.Dsl.Builders;
using Mesh.Dsl.Model;

namespace Mesh.Dsl.Scenarios;

/// <summary>What every recipe's options share: the namespace and the API version of the resources it adds.</summary>
public abstract class RecipeOptions
{
    private protected RecipeOptions()
    {
    }

    /// <summary>
    /// The namespace of every resource the recipe adds; null (the default) leaves them to the mesh's
    /// default namespace, or without one.
    /// </summary>
    public string? Namespace { get; set; }

    /// <summary>
    /// The API version of the networking resources the recipe adds (<see cref="ApiVersions.NetworkingV1"/>
    /// by default; <see cref="ApiVersions.NetworkingV1Alpha3"/> for clusters and docs of older Istio).
    /// </summary>
    public string ApiVersion { get; set; } = ApiVersions.NetworkingV1;

    /// <summary>Gives a resource the recipe added this namespace and API version.</summary>
    /// <param name="resource">A networking resource.</param>
    /// <returns>The resource.</returns>
    internal T ApplyTo<T>(T resource) where T : IstioResource => ApplyTo(resource, ApiVersion);

    /// <summary>Gives a resource the recipe added this namespace and the API version given.</summary>
    /// <param name="resource">The resource.</param>
    /// <param name="apiVersion">An API version the resource's kind is served in.</param>
    /// <returns>The resource.</returns>
    internal T ApplyTo<T>(T resource, string apiVersion) where T : IstioResource
    {
        resource.ApiVersion = apiVersion;
        if (Namespace is not null)
        {
            resource.MetadataNamespace = Guard.NamespaceName(Namespace, nameof(Namespace));
        }

        return resource;
    }
}
