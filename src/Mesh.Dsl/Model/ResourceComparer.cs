namespace Mesh.Dsl.Model;

/// <summary>
/// Compares resources by what they mean: kind, API version, every metadata field (name, namespace, labels,
/// annotations and what the API server sets), every spec field and the status. Map order does not matter; list order does (it does in Istio).
/// </summary>
public sealed class ResourceComparer : IEqualityComparer<IstioResource>
{
    /// <summary>The comparer.</summary>
    public static readonly ResourceComparer Instance = new();

    private ResourceComparer()
    {
    }

    /// <inheritdoc />
    public bool Equals(IstioResource? x, IstioResource? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null || x.Definition != y.Definition || x.ApiVersion != y.ApiVersion)
        {
            return false;
        }

        return x.MetadataName == y.MetadataName
            && x.MetadataNamespace == y.MetadataNamespace
            && x.FullMetadata?.GenerateName == y.FullMetadata?.GenerateName
            && SameMap(x.MetadataLabels, y.MetadataLabels)
            && SameMap(x.MetadataAnnotations, y.MetadataAnnotations)
            && Serialization.ObjectMetaFields.OtherFieldsEqual(x.FullMetadata, y.FullMetadata)
            && x.Definition.SpecEquals(x, y)
            && Serialization.FreeFormValues.AreEqual(x.Status, y.Status);
    }

    /// <inheritdoc />
    public int GetHashCode(IstioResource obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return HashCode.Combine(obj.Kind, obj.MetadataName, obj.MetadataNamespace);
    }

    private static bool SameMap(IDictionary<string, string>? left, IDictionary<string, string>? right)
    {
        if ((left?.Count ?? 0) != (right?.Count ?? 0))
        {
            return false;
        }

        return left is null || left.All(pair => right!.TryGetValue(pair.Key, out var value) && value == pair.Value);
    }
}
