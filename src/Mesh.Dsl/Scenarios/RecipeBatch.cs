using Mesh.Dsl.Model;

namespace Mesh.Dsl.Scenarios;

/// <summary>Adds the resources of one recipe to a mesh all together, or none of them.</summary>
internal static class RecipeBatch
{
    /// <summary>
    /// Adds <paramref name="optionalResources"/> in order (skipping nulls, the resources a recipe did not need)
    /// after checking that none clashes with a resource of the mesh or of the batch, so a failed recipe
    /// leaves the mesh as it was.
    /// </summary>
    public static void AddAll(IstioMesh mesh, params IstioResource?[] optionalResources)
    {
        var resources = optionalResources.OfType<IstioResource>().ToList();
        var taken = mesh.Resources.Select(Key).ToHashSet();
        foreach (var resource in resources)
        {
            if (!taken.Add(Key(resource, mesh.DefaultNamespace)))
            {
                throw new ArgumentException(
                    $"The mesh already has a {resource.Kind} named \"{resource.MetadataName}\" in that namespace; give the recipe another name for it in its options.",
                    nameof(optionalResources));
            }
        }

        mesh.AddRange(resources);
    }

    private static (string Kind, string? Namespace, string? Name) Key(IstioResource resource) => Key(resource, null);

    private static (string Kind, string? Namespace, string? Name) Key(IstioResource resource, string? defaultNamespace)
        => (resource.Kind, resource.MetadataNamespace ?? defaultNamespace, resource.MetadataName);
}
