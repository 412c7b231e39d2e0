namespace Mesh.Dsl.Diff;

/// <summary>
/// One field that differs between the old and the new version of a resource. Values are written as the
/// canonical YAML writes them, in flow style for messages and lists (<c>{mode: SIMPLE}</c>, <c>[a.com, b.com]</c>).
/// </summary>
/// <param name="Path">The field path, e.g. <c>spec.http[0].route[0].weight</c>; map keys that are not identifiers in brackets (<c>metadata.labels["app.kubernetes.io/name"]</c>). An element removed from a list is named by its index in the old list, others by their index in the new one.</param>
/// <param name="Old">The old value, or null when the field was not set.</param>
/// <param name="New">The new value, or null when the field is no longer set.</param>
public sealed record FieldChange(string Path, string? Old, string? New)
{
    /// <summary>The one-line form <c>path: old -> new</c>, with <c>(unset)</c> for a missing side.</summary>
    /// <returns>The line.</returns>
    public override string ToString() => $"{Path}: {Old ?? "(unset)"} -> {New ?? "(unset)"}";
}
