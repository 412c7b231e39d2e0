using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Validation;

/// <summary>Validation of an <see cref="IstioMesh"/>, and writing that refuses a mesh with errors.</summary>
public static class ValidationMeshExtensions
{
    /// <summary>Runs the field rules, the cross-resource checks and the security advice over the mesh.</summary>
    /// <param name="mesh">The mesh.</param>
    /// <returns>The diagnostics in a stable order (resource order, then rule order).</returns>
    public static IReadOnlyList<Diagnostic> Validate(this IstioMesh mesh)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        return new MeshValidator().Validate(mesh.Resources);
    }

    /// <summary>Writes the mesh as multi-document YAML after validating it.</summary>
    /// <param name="mesh">The mesh.</param>
    /// <param name="allowErrors">True to write even when validation finds errors.</param>
    /// <returns>The YAML.</returns>
    /// <exception cref="MeshValidationException">When there are errors and <paramref name="allowErrors"/> is false.</exception>
    public static string ToValidatedYaml(this IstioMesh mesh, bool allowErrors = false)
    {
        EnsureValid(mesh, allowErrors);
        return MeshYaml.Serialize(mesh.Resources);
    }

    /// <summary>Streams the mesh as multi-document YAML after validating it; nothing is written on errors.</summary>
    /// <param name="mesh">The mesh.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="allowErrors">True to write even when validation finds errors.</param>
    /// <exception cref="MeshValidationException">When there are errors and <paramref name="allowErrors"/> is false.</exception>
    public static void WriteValidatedYaml(this IstioMesh mesh, TextWriter writer, bool allowErrors = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        EnsureValid(mesh, allowErrors);
        MeshYaml.Write(writer, mesh.Resources);
    }

    private static void EnsureValid(IstioMesh mesh, bool allowErrors)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        if (allowErrors)
        {
            return;
        }

        var diagnostics = mesh.Validate();
        if (diagnostics.Any(d => d.IsError))
        {
            throw new MeshValidationException(diagnostics);
        }
    }
}
