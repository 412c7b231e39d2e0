using Mesh.Dsl.Scenarios;

namespace Mesh.Dsl.Samples.Scenarios;

/// <summary>Configuration written for Istio 0.x, imported into today's resources.</summary>
public static class LegacySamples
{
    /// <summary>The name of the seed's Istio 0.x input, embedded in the samples program.</summary>
    public const string BookinfoGoogleapisInput = "legacy-bookinfo-googleapis.input.yaml";

    /// <summary>
    /// Seed 001 ("使用外部 Web 服务", Istio 0.x): a RouteRule sends all details traffic to version v2,
    /// and an EgressRule allows HTTPS to every *.googleapis.com host. Today that is a VirtualService
    /// with a DestinationRule defining subset v2, and a mesh-external ServiceEntry.
    /// </summary>
    /// <param name="mesh">The mesh to add to.</param>
    public static void BookinfoGoogleapis(IstioMesh mesh)
    {
        var import = mesh.Legacy().Import(EmbeddedInput(BookinfoGoogleapisInput), BookinfoGoogleapisInput);
        foreach (var warning in import.Warnings)
        {
            Console.Error.WriteLine($"warning: {warning}");
        }
    }

    /// <summary>The text of an input file embedded in the samples program.</summary>
    /// <param name="name">The file name, e.g. <see cref="BookinfoGoogleapisInput"/>.</param>
    /// <returns>The file's text.</returns>
    public static string EmbeddedInput(string name)
    {
        using var stream = typeof(LegacySamples).Assembly.GetManifestResourceStream(name)
            ?? throw new FileNotFoundException($"The samples program has no embedded input named {name}.", name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
