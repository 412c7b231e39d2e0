namespace Mesh.Dsl.Samples;

/// <summary>One scenario of the samples program.</summary>
/// <param name="Id">The scenario's id, also its file name (<c>egress-tls-origination</c>).</param>
/// <param name="Summary">One line on what the scenario does.</param>
/// <param name="Origin">The seed document the scenario comes from, or what it is modelled on.</param>
/// <param name="Build">Adds the scenario's resources to a mesh.</param>
public sealed record Sample(string Id, string Summary, string Origin, Action<IstioMesh> Build)
{
    /// <summary>Builds the scenario into a new mesh.</summary>
    /// <returns>The mesh holding the scenario's resources.</returns>
    public IstioMesh CreateMesh()
    {
        var mesh = new IstioMesh();
        Build(mesh);
        return mesh;
    }

    /// <summary>The scenario's resources as multi-document YAML.</summary>
    /// <returns>The YAML.</returns>
    public string ToYaml() => CreateMesh().ToYaml();

    /// <summary>The comment line the program writes above the scenario.</summary>
    public string Heading => $"# {Id}: {Summary} ({Origin})";
}
