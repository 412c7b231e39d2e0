using Mesh.Dsl.Model;

namespace Mesh.Dsl.Diff;

/// <summary>A resource added, removed or changed between two renderings, identified by kind, namespace and name.</summary>
/// <param name="Change">Added, removed or changed.</param>
/// <param name="Kind">The kind, e.g. <c>VirtualService</c>.</param>
/// <param name="Namespace">The namespace as written, or null when the resource has none.</param>
/// <param name="Name">The name.</param>
/// <param name="Fields">For a changed resource the fields that differ, in field order; empty for added and removed ones.</param>
public sealed record ResourceChange(ResourceChangeKind Change, string Kind, string? Namespace, string? Name, IReadOnlyList<FieldChange> Fields)
{
    /// <summary>The resource in the old rendering; null when it was added.</summary>
    public IstioResource? Old { get; init; }

    /// <summary>The resource in the new rendering; null when it was removed.</summary>
    public IstioResource? New { get; init; }

    /// <summary>The resource as <c>Kind namespace/name</c> (without <c>namespace/</c> when it has none).</summary>
    public string Resource => Namespace is { Length: > 0 } ns ? $"{Kind} {ns}/{Name}" : $"{Kind} {Name}";

    /// <summary>The one-line form: <c>added</c>, <c>removed</c> or <c>changed</c>, then <see cref="Resource"/>.</summary>
    /// <returns>The line.</returns>
    public override string ToString() => $"{Change.ToString().ToLowerInvariant()} {Resource}";
}
