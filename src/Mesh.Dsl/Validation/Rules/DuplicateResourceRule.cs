namespace Mesh.Dsl.Validation.Rules;

/// <summary>MESH2001: a resource that repeats an earlier one's kind, namespace and name.</summary>
internal sealed class DuplicateResourceRule() : MeshRule(new(
    "resource.duplicates",
    "Two resources have the same kind, namespace and name; in a cluster the second replaces the first.",
    [],
    [DiagnosticCodes.DuplicateResource]))
{
    public override void Check(MeshContext mesh)
    {
        foreach (var (i, first) in mesh.Duplicates)
        {
            var resource = mesh.Resources[i];
            var other = mesh.Resources[first];
            var where = other.Source is { } source ? $" (first defined at {source.File ?? "<input>"}:{source.Position.Line})" : string.Empty;
            mesh.Sink.Context(resource, mesh.Positions[i]).Error(DiagnosticCodes.DuplicateResource, FieldPath.Metadata.Name, $"another {resource.Kind} named '{resource.MetadataName}' exists in namespace {CommonRules.ResourceNamespace(resource)}{where}; the second would replace the first in a cluster. Rename or remove one.");
        }
    }
}
