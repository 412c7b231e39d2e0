using System.Text;
using Mesh.Dsl.Model;
using Mesh.Dsl.Serialization.Comments;

namespace Mesh.Dsl.Serialization;

/// <summary>
/// Canonical YAML for Istio resources: written in a fixed order with nothing unset, so the same
/// resources always give the same bytes; read strictly, with errors that name file, line and column.
/// </summary>
public static class MeshYaml
{
    /// <summary>UTF-8 without a byte order mark, as the output rules ask.</summary>
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes one resource as a YAML document.</summary>
    /// <param name="resource">The resource.</param>
    /// <returns>The YAML text, ending in a newline.</returns>
    public static string Serialize(IstioResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Serialize([resource]);
    }

    /// <summary>Writes resources as one multi-document YAML text, separated by <c>---</c>.</summary>
    /// <param name="resources">The resources, written in this order.</param>
    /// <returns>The YAML text.</returns>
    public static string Serialize(IEnumerable<IstioResource> resources)
    {
        var writer = new StringWriter { NewLine = "\n" };
        Write(writer, resources);
        return writer.ToString();
    }

    /// <summary>Streams resources as multi-document YAML to a text writer.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="resources">The resources, written in this order.</param>
    public static void Write(TextWriter writer, IEnumerable<IstioResource> resources)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(resources);
        YamlStructuredWriter? yaml = null;
        foreach (var resource in resources)
        {
            if (yaml is null)
            {
                yaml = new YamlStructuredWriter(writer);
            }
            else
            {
                writer.Write("---\n");
                yaml.NextDocument();
            }

            ResourceWriter.Write(yaml, resource);
        }
    }

    /// <summary>Streams resources as multi-document YAML (UTF-8 without BOM) to a stream.</summary>
    /// <param name="stream">Where to write; left open.</param>
    /// <param name="resources">The resources, written in this order.</param>
    public static void Write(Stream stream, IEnumerable<IstioResource> resources)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new StreamWriter(stream, Utf8, bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\n" };
        Write(writer, resources);
    }

    /// <summary>
    /// Rewrites a text of Istio documents in canonical form, keeping its comments: each document's
    /// resource as <see cref="Serialize(IstioResource)"/> writes it, with the comments above the document,
    /// above a key or list item, at the end of a line and at the end of a block put back beside the
    /// field they annotate, wherever the canonical order moves it. A comment whose field is not written
    /// (unset or empty) stays at the end of the enclosing mapping or list; the comments of a document
    /// without a resource go with the next document. Without comments the result is exactly
    /// <see cref="Serialize(IEnumerable{IstioResource})"/> of what <see cref="Read"/> reads.
    /// </summary>
    /// <param name="text">Multi-document YAML (or JSON) of Istio resources.</param>
    /// <param name="file">The file name to put in error messages, if the text came from a file.</param>
    /// <returns>The canonical YAML, documents separated by <c>---</c>.</returns>
    /// <exception cref="MeshReadException">Listing every syntax, schema and kind error found; nothing is formatted then.</exception>
    public static string Format(string text, string? file = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var writer = new StringWriter { NewLine = "\n" };
        Format(writer, text, file);
        return writer.ToString();
    }

    /// <summary>Rewrites a file of Istio documents in canonical form, keeping its comments, as <see cref="Format(string, string?)"/> does; the file is not changed.</summary>
    /// <param name="path">The file's path; error messages name it as given.</param>
    /// <returns>The canonical YAML, documents separated by <c>---</c>.</returns>
    /// <exception cref="MeshReadException">Listing every syntax, schema and kind error found; nothing is formatted then.</exception>
    public static string FormatFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Format(TextFile.Read(path), path);
    }

    /// <summary>Streams a file of Istio documents in canonical form, keeping its comments, as <see cref="Format(string, string?)"/> does; the file is not changed.</summary>
    /// <param name="path">The file's path; error messages name it as given.</param>
    /// <param name="writer">Where to write; nothing is written when the file cannot be read.</param>
    /// <exception cref="MeshReadException">Listing every syntax, schema and kind error found; nothing is formatted then.</exception>
    public static void FormatFile(string path, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(writer);
        Format(writer, TextFile.Read(path), path);
    }

    private static void Format(TextWriter writer, string text, string? file)
    {
        var resources = Read(text, file);
        DocumentFormatter.FormatDocuments(writer, text.StartsWith('\uFEFF') ? text[1..] : text, resources);
    }

    /// <summary>Reads every resource of a YAML or JSON text; throws when anything is wrong.</summary>
    /// <param name="text">The text: multi-document YAML, a JSON object, or a Kubernetes <c>List</c>.</param>
    /// <param name="file">The file name to put in error messages, if the text came from a file.</param>
    /// <returns>The resources, in document order.</returns>
    /// <exception cref="MeshReadException">Listing every syntax, schema and kind error found.</exception>
    public static IReadOnlyList<IstioResource> Read(string text, string? file = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryRead(text, file).ThrowIfFailed();
    }

    /// <summary>Reads every resource of a YAML or JSON file; throws when anything is wrong.</summary>
    /// <param name="path">The file's path; error messages name it as given.</param>
    /// <returns>The resources, in document order.</returns>
    /// <exception cref="MeshReadException">Listing every syntax, schema and kind error found.</exception>
    public static IReadOnlyList<IstioResource> ReadFile(string path) => TryReadFile(path).ThrowIfFailed();

    /// <summary>Reads every resource of a YAML or JSON text, returning the errors instead of throwing.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="file">The file name to put in error messages.</param>
    /// <returns>The resources read without error, and every error.</returns>
    public static ReadResult TryRead(TextReader reader, string? file = null)
    {
        ArgumentNullException.ThrowIfNull(reader);

        // The whole text is needed anyway (resources' sources keep it to find positions), and the fast path reads a string.
        return TryRead(reader.ReadToEnd(), file);
    }

    private static ReadResult TryRead(string text, string? file)
    {
        var context = new ReadContext(file);
        var resources = ResourceReader.Read(text, context);
        return new ReadResult(resources, context.SortedErrors());
    }

    /// <summary>Reads a YAML or JSON file, returning the errors instead of throwing.</summary>
    /// <param name="path">The file's path; errors name it as given.</param>
    /// <returns>The resources read without error, and every error.</returns>
    public static ReadResult TryReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return TryRead(TextFile.Read(path), path);
    }
}

/// <summary>The result of reading Istio YAML or JSON: the resources and the errors.</summary>
/// <param name="Resources">The resources whose documents had no error, in document order.</param>
/// <param name="Errors">Every error found, in source order; empty when the read succeeded.</param>
public sealed record ReadResult(IReadOnlyList<IstioResource> Resources, IReadOnlyList<ReadError> Errors)
{
    /// <summary>True when no error was found.</summary>
    public bool Succeeded => Errors.Count == 0;

    /// <summary>Returns the resources, or throws <see cref="MeshReadException"/> when there were errors.</summary>
    /// <returns>The resources.</returns>
    public IReadOnlyList<IstioResource> ThrowIfFailed() => Succeeded ? Resources : throw new MeshReadException(Errors);
}
