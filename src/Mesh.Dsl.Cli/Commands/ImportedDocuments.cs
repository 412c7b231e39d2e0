using Mesh.Dsl.Model;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Cli.Commands;

/// <summary>
/// A file read for import with the one loader: its Istio resources, the documents of other kinds (a
/// Deployment, a Service) that are named rather than imported, and the errors that stop the file.
/// </summary>
/// <param name="Resources">The Istio resources, in document order.</param>
/// <param name="Others">The other documents, as <c>file:line: Kind namespace/name (apiVersion)</c>.</param>
/// <param name="Errors">What makes the file unreadable.</param>
internal sealed record ImportedDocuments(IReadOnlyList<IstioResource> Resources, IReadOnlyList<string> Others, IReadOnlyList<ReadError> Errors)
{
    /// <summary>Reads <paramref name="text"/> strictly with the loader, which keeps documents of other kinds apart.</summary>
    /// <param name="text">The YAML.</param>
    /// <param name="file">The file name for messages.</param>
    /// <returns>What was read.</returns>
    public static ImportedDocuments Read(string text, string file)
    {
        var result = MeshYaml.TryRead(new StringReader(text), file);

        // Empty documents (a lone "---", only comments) hold nothing to lose, so they are not named.
        var others = result.OtherDocuments
            .Where(o => !o.IsEmpty)
            .Select(o => o.Kind is null ? o.ToString() : $"{o.File ?? file}:{o.Line}: {o}")
            .ToList();
        return new ImportedDocuments(result.Resources, others, result.Errors);
    }
}
