using Mesh.Dsl.Model;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Cli.Commands;

/// <summary>
/// A file read for import: its Istio resources, the documents of other kinds (a Deployment, a
/// Service) that are named rather than imported, and the errors that stop the file. A seam: when the
/// one loader that keeps other documents lands, it replaces the sorting of errors done here.
/// </summary>
/// <param name="Resources">The Istio resources, in document order.</param>
/// <param name="Others">The other documents, as <c>file:line:col: Kind (apiVersion)</c>.</param>
/// <param name="Errors">What makes the file unreadable.</param>
internal sealed record ImportedDocuments(IReadOnlyList<IstioResource> Resources, IReadOnlyList<string> Others, IReadOnlyList<ReadError> Errors)
{
    /// <summary>Reads <paramref name="text"/> strictly; a document whose only fault is a kind that is not Istio's is another document, not an error.</summary>
    /// <param name="text">The YAML.</param>
    /// <param name="file">The file name for messages.</param>
    /// <returns>What was read.</returns>
    public static ImportedDocuments Read(string text, string file)
    {
        var result = MeshYaml.TryRead(new StringReader(text), file);
        var others = new List<string>();
        var errors = new List<ReadError>();
        foreach (var error in result.Errors)
        {
            if (error.Path == "kind" && error.Message.Contains(" is not an Istio resource;", StringComparison.Ordinal))
            {
                others.Add($"{error.File}:{error.Line}:{error.Column}: {error.Message[..error.Message.IndexOf(" is not", StringComparison.Ordinal)]}");
            }
            else
            {
                errors.Add(error);
            }
        }

        return new ImportedDocuments(result.Resources, others, errors);
    }
}
