using System.Buffers;
using k8s;
using k8s.Models;
using Mesh.Dsl.Serialization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Mesh.Dsl.Validation;

/// <summary>
/// The opt-in loading of Kubernetes <c>v1</c> Service, Pod, Secret and Namespace documents for
/// <see cref="MeshValidator.ValidateFiles(IEnumerable{string})"/>. Those documents are read with KubernetesClient and blanked out
/// (every character but line breaks becomes a space) before the strict Istio reader sees the text, so the
/// Istio documents keep their lines and columns and the reader itself is unchanged.
/// </summary>
internal static class KubernetesDocuments
{
    private static readonly HashSet<string> Kinds = new(StringComparer.Ordinal) { "Service", "Pod", "Secret", "Namespace" };

    /// <summary>What YamlDotNet takes for a line break.</summary>
    private static readonly SearchValues<char> LineBreaks = SearchValues.Create("\r\n\u0085\u2028\u2029");

    public static ReadResult ReadFile(string file, List<IKubernetesObject> objects, List<Diagnostic> diagnostics, IO.FileSystem fileSystem)
    {
        string text;
        try
        {
            text = TextFile.Read(file, fileSystem);
        }
        catch (MeshReadException e)
        {
            return new ReadResult([], e.Errors);
        }

        return MeshYaml.TryRead(new StringReader(Extract(text, file, objects, diagnostics)), file);
    }

    /// <summary>Reads the Kubernetes documents of <paramref name="text"/> into <paramref name="objects"/> and returns the text with them blanked.</summary>
    public static string Extract(string text, string? file, List<IKubernetesObject> objects, List<Diagnostic> diagnostics)
    {
        if (!MayHoldKind(text))
        {
            return text; // the common Istio-only file: the scan below costs several times the Istio read
        }

        List<(int Marker, int Start, int End, string Kind, Mark Mark)> documents;
        try
        {
            documents = Scan(text);
        }
        catch (YamlException)
        {
            return text; // the Istio reader reports the syntax error with its position
        }

        if (documents.Count == 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        foreach (var (marker, start, end, kind, mark) in documents)
        {
            var document = text[start..end];
            try
            {
                objects.Add(kind switch
                {
                    "Service" => KubernetesYaml.Deserialize<V1Service>(document),
                    "Pod" => KubernetesYaml.Deserialize<V1Pod>(document),
                    "Secret" => KubernetesYaml.Deserialize<V1Secret>(document),
                    _ => KubernetesYaml.Deserialize<V1Namespace>(document),
                });
            }
            catch (Exception e) when (e is YamlException or FormatException or InvalidOperationException)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.ReadError, DiagnosticSeverity.Error, kind, null, null, string.Empty, $"cannot read the {kind}: {e.Message}")
                {
                    File = file,
                    Line = (int)mark.Line,
                    Column = (int)mark.Column,
                });
            }

            // The "---" goes too: an explicit document with no content would read as a null resource.
            for (var i = marker; i < end; i++)
            {
                if (chars[i] is not ('\n' or '\r'))
                {
                    chars[i] = ' ';
                }
            }
        }

        return new string(chars);
    }

    /// <summary>
    /// False when no document of <paramref name="text"/> can have one of <see cref="Kinds"/> as its kind: no kind's
    /// name stands alone (a scalar's text ends where the name does, so <c>ServiceEntry</c> and <c>VirtualService</c>
    /// do not count) outside comment lines, and there is no backslash (a double-quoted escape could spell a name).
    /// </summary>
    internal static bool MayHoldKind(string text)
    {
        if (text.Contains('\\'))
        {
            return true;
        }

        foreach (var kind in Kinds)
        {
            for (var i = text.IndexOf(kind, StringComparison.Ordinal); i >= 0; i = text.IndexOf(kind, i + kind.Length, StringComparison.Ordinal))
            {
                var end = i + kind.Length;
                if ((i == 0 || !char.IsAsciiLetterOrDigit(text[i - 1])) && (end == text.Length || !char.IsAsciiLetterOrDigit(text[end]))
                    && !IsCommentLine(text, i))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the line holding <paramref name="index"/> starts with <c>#</c> and has no quote. Such a line is a
    /// comment, or lies inside a scalar that then holds the <c>#</c> too; with a quote it could end a multi-line
    /// quoted scalar of a flow mapping and go on with <c>kind: Secret</c>.
    /// </summary>
    private static bool IsCommentLine(string text, int index)
    {
        var start = text.AsSpan(0, index).LastIndexOfAny(LineBreaks) + 1;
        var end = text.AsSpan(index).IndexOfAny(LineBreaks);
        var line = text.AsSpan(start, (end < 0 ? text.Length : index + end) - start);
        return line.TrimStart(" \t").StartsWith('#') && !line.ContainsAny('\'', '"');
    }

    /// <summary>
    /// The root mappings whose apiVersion is <c>v1</c> and kind one of <see cref="Kinds"/>: where their
    /// document's <c>---</c> starts (the mapping's start when there is none), and the mapping's range.
    /// </summary>
    private static List<(int Marker, int Start, int End, string Kind, Mark Mark)> Scan(string text)
    {
        var found = new List<(int, int, int, string, Mark)>();
        var marker = -1;
        var parser = new Parser(new StringReader(text));
        var depth = 0;
        var rootIsMapping = false;
        var rootStart = Mark.Empty;
        var expectKey = true;
        string? key = null;
        string? apiVersion = null;
        string? kind = null;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case DocumentStart start:
                    marker = start.IsImplicit ? -1 : (int)start.Start.Index;
                    (depth, rootIsMapping, expectKey, key, apiVersion, kind) = (0, false, true, null, null, null);
                    break;
                case MappingStart or SequenceStart:
                    if (depth >= YamlDocumentParser.MaxDepth)
                    {
                        // The reader's depth limit, here too: YamlDotNet's scan of deeply nested flow collections is
                        // quadratic (200,000 "[" took over a minute). The Istio reader then reports the nesting.
                        throw new YamlException(parser.Current.Start, parser.Current.End, "nesting too deep");
                    }

                    if (depth == 0)
                    {
                        rootIsMapping = parser.Current is MappingStart;
                        rootStart = parser.Current.Start;
                    }

                    depth++;
                    break;
                case MappingEnd or SequenceEnd:
                    depth--;
                    if (depth == 0 && rootIsMapping && apiVersion == "v1" && kind is not null && Kinds.Contains(kind))
                    {
                        found.Add((marker < 0 ? (int)rootStart.Index : marker, (int)rootStart.Index, (int)parser.Current.End.Index, kind, rootStart));
                    }
                    else if (depth == 1)
                    {
                        expectKey = true; // a nested value ended; the next scalar is a key
                    }

                    break;
                case Scalar scalar when depth == 1 && rootIsMapping:
                    if (expectKey)
                    {
                        key = scalar.Value;
                    }
                    else if (key == "apiVersion")
                    {
                        apiVersion = scalar.Value;
                    }
                    else if (key == "kind")
                    {
                        kind = scalar.Value;
                    }

                    expectKey = !expectKey;
                    break;
                case AnchorAlias when depth == 1:
                    expectKey = !expectKey;
                    break;
            }
        }

        return found;
    }
}
