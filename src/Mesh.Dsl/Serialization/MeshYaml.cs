using System.Text;
using Mesh.Dsl.Model;

namespace Mesh.Dsl.Serialization;

/// <summary>
/// Canonical YAML for Istio resources: written in a fixed order with nothing unset, so the same
/// resources always give the same bytes; read strictly, with errors that name file, line and column.
/// </summary>
public static class MeshYaml
{
    /// <summary>UTF-8 without a byte order mark, as the output rules ask.</summary>
    internal static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

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
    /// Rewrites a text of YAML documents as <c>mesh fmt</c> does, keeping its comments: each Istio document in
    /// canonical form, with the comments above the document, above a key or list item, at the end of a line and at
    /// the end of a block put back beside the field they annotate, wherever the canonical order moves it (a comment
    /// whose field is not written stays at the end of the enclosing mapping or list); every other document exactly
    /// as it was. Without comments an Istio document comes out exactly as <see cref="Serialize(IstioResource)"/> writes it.
    /// </summary>
    /// <param name="text">Multi-document YAML (or JSON).</param>
    /// <param name="file">The file name to put in error messages, if the text came from a file.</param>
    /// <returns>The formatted YAML, documents separated by <c>---</c>.</returns>
    /// <exception cref="MeshReadException">Listing every syntax, schema and kind error found; nothing is formatted then.</exception>
    public static string Format(string text, string? file = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var writer = new StringWriter { NewLine = "\n" };
        var errors = Format(new StringReader(text), writer, file);
        return errors.Count == 0 ? writer.ToString() : throw new MeshReadException(errors);
    }

    /// <summary>
    /// Reads every resource of a YAML or JSON text; throws when anything is wrong. Documents that are not Istio
    /// kinds are no error: they are in <see cref="ReadResult.OtherDocuments"/> of <see cref="TryRead(TextReader, string?)"/>.
    /// </summary>
    /// <param name="text">The text: multi-document YAML, a JSON object, or a Kubernetes <c>List</c>.</param>
    /// <param name="file">The file name to put in error messages, if the text came from a file.</param>
    /// <returns>The resources, in document order.</returns>
    /// <exception cref="MeshReadException">Listing every syntax, schema and kind error found.</exception>
    public static IReadOnlyList<IstioResource> Read(string text, string? file = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryRead(new StringReader(text), file).ThrowIfFailed();
    }

    /// <summary>Reads every resource of a YAML or JSON file; throws when anything is wrong.</summary>
    /// <param name="path">The file's path; error messages name it as given.</param>
    /// <returns>The resources, in document order.</returns>
    /// <exception cref="MeshReadException">Listing every syntax, schema and kind error found.</exception>
    public static IReadOnlyList<IstioResource> ReadFile(string path) => TryReadFile(path).ThrowIfFailed();

    /// <summary>
    /// Reads every document of a YAML or JSON text, returning the errors instead of throwing. Istio kinds become
    /// resources; every other document is kept as it is, and the Kubernetes objects validation uses (Services, Pods,
    /// Secrets, Namespaces, workloads) also become KubernetesClient models. The text is read a chunk of documents
    /// at a time.
    /// </summary>
    /// <param name="reader">The text.</param>
    /// <param name="file">The file name to put in error messages.</param>
    /// <returns>The resources read without error, the other documents, the Kubernetes objects, and every error.</returns>
    public static ReadResult TryRead(TextReader reader, string? file = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return TryRead(reader, file, new ManifestReadOptions());
    }

    internal static ReadResult TryRead(TextReader reader, string? file, ManifestReadOptions options)
    {
        var context = new ReadContext(file);
        var resources = new List<IstioResource>();
        var others = new List<OtherDocument>();
        var objects = new List<k8s.IKubernetesObject>();
        ResourceReader.Read(reader, context, options, entry =>
        {
            resources.AddRange(entry.Resources);
            if (entry.Other is { } other)
            {
                others.Add(other);
            }

            objects.AddRange(entry.KubernetesObjects ?? []);
        });

        var errors = context.SortedErrors();
        return errors.Count > 0 && errors[0].Message.StartsWith(TemplateMessageStart, StringComparison.Ordinal)
            ? new ReadResult([], errors)
            : new ReadResult(resources, errors) { OtherDocuments = others, KubernetesObjects = objects };
    }

    private const string TemplateMessageStart = "this file is a Helm or Go template";

    /// <summary>Reads a YAML or JSON file, returning the errors instead of throwing (see <see cref="TryRead(TextReader, string?)"/>).</summary>
    /// <param name="path">The file's path; errors name it as given.</param>
    /// <returns>The resources read without error, the other documents, the Kubernetes objects, and every error.</returns>
    /// <exception cref="IOException">When the file is missing, unreadable, or larger than <see cref="IO.FileFinder.MaxFileSize"/>.</exception>
    public static ReadResult TryReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return TryReadFile(path, new ManifestReadOptions());
    }

    /// <summary>As <see cref="TryReadFile(string)"/>, with the loader's options, through <paramref name="fileSystem"/> (tests inject failures).</summary>
    internal static ReadResult TryReadFile(string path, ManifestReadOptions options, IO.FileSystem? fileSystem = null)
    {
        TextReader reader;
        try
        {
            reader = ManifestFiles.OpenText(path, fileSystem ?? IO.FileSystem.Real);
        }
        catch (MeshReadException e)
        {
            return new ReadResult([], e.Errors); // bytes that are not text: one error with its position
        }

        using (reader)
        {
            return TryRead(reader, path, options);
        }
    }

    /// <summary>
    /// Formats a file's text: each Istio document in canonical form, every other document (and comments standing
    /// alone) exactly as it was, in its place. Streams: one chunk of documents is in memory at a time.
    /// </summary>
    /// <param name="input">The text to format.</param>
    /// <param name="output">Where the formatted text goes. When errors are returned, what was written is incomplete: discard it.</param>
    /// <param name="file">The file name to put in error messages.</param>
    /// <param name="stripServerFields">True to remove what the API server adds (uid, resourceVersion, managedFields, status, ...) from every document.</param>
    /// <returns>Every error found; empty when the output is complete.</returns>
    public static IReadOnlyList<ReadError> Format(TextReader input, TextWriter output, string? file = null, bool stripServerFields = false)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var context = new ReadContext(file);
        var writer = new ManifestWriter(output);
        var options = new ManifestReadOptions { ReadKubernetesObjects = false, StripServerFields = stripServerFields };
        ResourceReader.Read(input, context, options, entry =>
        {
            if (context.ErrorCount == 0)
            {
                writer.Write(entry, stripServerFields);
            }
        });

        return context.SortedErrors();
    }
}

/// <summary>The result of reading Istio YAML or JSON: the resources and the errors.</summary>
/// <param name="Resources">The resources whose documents had no error, in document order.</param>
/// <param name="Errors">Every error found, in source order; empty when the read succeeded.</param>
public sealed record ReadResult(IReadOnlyList<IstioResource> Resources, IReadOnlyList<ReadError> Errors)
{
    /// <summary>The documents that are not Istio kinds (and comments standing alone), kept as they are, in order.</summary>
    public IReadOnlyList<OtherDocument> OtherDocuments { get; init; } = [];

    /// <summary>The Kubernetes objects validation uses that the documents hold (Services, Pods, Secrets, Namespaces, workloads).</summary>
    public IReadOnlyList<k8s.IKubernetesObject> KubernetesObjects { get; init; } = [];

    /// <summary>True when no error was found.</summary>
    public bool Succeeded => Errors.Count == 0;

    /// <summary>Returns the resources, or throws <see cref="MeshReadException"/> when there were errors.</summary>
    /// <returns>The resources.</returns>
    public IReadOnlyList<IstioResource> ThrowIfFailed() => Succeeded ? Resources : throw new MeshReadException(Errors);
}
