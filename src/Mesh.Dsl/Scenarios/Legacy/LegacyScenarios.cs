namespace Mesh.Dsl.Scenarios;

/// <summary>
/// Imports configuration written for Istio 0.x (<c>config.istio.io/v1alpha2</c>) into today's
/// resources: a RouteRule becomes a VirtualService (plus a DestinationRule defining the subsets its
/// route labels name), an EgressRule a mesh-external ServiceEntry. What cannot be translated is
/// reported as a warning, never silently dropped.
/// </summary>
public sealed class LegacyScenarios
{
    private readonly IstioMesh _mesh;

    internal LegacyScenarios(IstioMesh mesh) => _mesh = mesh;

    /// <summary>Imports the legacy resources of a YAML file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="configure">Changes the API version written or the namespace of resources without one.</param>
    /// <returns>The resources added and the warnings.</returns>
    /// <exception cref="Serialization.MeshReadException">The file is not valid YAML.</exception>
    public LegacyImport ImportFile(string path, Action<LegacyImportOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Import(File.ReadAllText(path), path, configure);
    }

    /// <summary>Imports the legacy resources of a YAML text (one or more documents).</summary>
    /// <param name="yaml">The YAML.</param>
    /// <param name="file">The file name to give in warnings, or null.</param>
    /// <param name="configure">Changes the API version written or the namespace of resources without one.</param>
    /// <returns>The resources added and the warnings.</returns>
    /// <exception cref="Serialization.MeshReadException">The text is not valid YAML.</exception>
    public LegacyImport Import(string yaml, string? file = null, Action<LegacyImportOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var options = new LegacyImportOptions();
        configure?.Invoke(options);
        var result = new LegacyConfigImporter(file, options).Import(yaml);
        RecipeBatch.AddAll(_mesh, [.. result.Resources]);
        return result;
    }
}
