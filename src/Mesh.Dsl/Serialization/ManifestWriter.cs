using Mesh.Dsl.Model;
using Mesh.Dsl.Serialization.Comments;

namespace Mesh.Dsl.Serialization;

/// <summary>
/// Writes a file's documents back in their order: each Istio resource in canonical form (through
/// <see cref="DocumentFormatter"/>, comments kept), every other document exactly as it was read, with <c>---</c> between them.
/// </summary>
internal sealed class ManifestWriter(TextWriter writer)
{
    // Whether a document has been written, so the next one needs a "---" line; and whether the text written last
    // ended with "...", which ends its document already.
    private bool _wroteDocument;
    private bool _endedByMarker;

    /// <summary>Writes an entry the loader read: kept as it was, or its resources formatted.</summary>
    public void Write(ManifestEntry entry, bool stripServerFields)
    {
        if (entry.Other is not null || (entry.IsList && entry.Resources.Count == 0))
        {
            // An empty List (items: [] or none) has no item to carry its comments: it is kept as it is.
            WriteKept(entry.KeptText ?? entry.Text);
            return;
        }

        if (stripServerFields)
        {
            foreach (var resource in entry.Resources)
            {
                ServerFields.Strip(resource);
            }
        }

        if (!entry.IsList)
        {
            foreach (var resource in entry.Resources)
            {
                WriteResource(resource, entry.Text);
            }

            return;
        }

        // A List's items become documents of their own, each with its comments; the List's own go above the first or after the last.
        var itemLines = entry.Resources.Select(r => r.Source is { } source ? source.Position.Line - entry.Line + 1 : 1).ToList();
        var comments = ListItemComments.Split(DocumentComments.Extract(entry.Text), itemLines);
        for (var i = 0; i < entry.Resources.Count; i++)
        {
            WriteFormatted(DocumentFormatter.Format(entry.Resources[i], comments[i]));
        }
    }

    /// <summary>Writes one Istio resource in canonical form.</summary>
    public void WriteResource(IstioResource resource, string documentText)
    {
        WriteFormatted(DocumentFormatter.Format(resource, documentText));
    }

    private void WriteFormatted(string document)
    {
        if (_wroteDocument && !_endedByMarker)
        {
            writer.Write("---\n");
        }

        writer.Write(document);
        _wroteDocument = true;
        _endedByMarker = false;
    }

    /// <summary>Writes a document's text as it is; a "---" line goes first when the text has none and a document came before.</summary>
    public void WriteKept(string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (_wroteDocument && !_endedByMarker && !StartsWithMarker(text))
        {
            writer.Write("---\n");
        }

        writer.Write(text);
        _wroteDocument = true;
        _endedByMarker = EndsWithEndMarker(text);
    }

    /// <summary>Whether a <c>---</c> line comes before the text's first content line.</summary>
    private static bool StartsWithMarker(string text)
    {
        foreach (var line in ServerFields.SplitLines(text))
        {
            if (line.StartsWith("---", StringComparison.Ordinal) && (line.Length == 3 || line[3] is ' ' or '\t' or '\n' or '\r'))
            {
                return true;
            }

            var trimmed = line.AsSpan().TrimStart(" \t");
            if (!(trimmed.IsEmpty || trimmed[0] is '#' or '\n' or '\r' || line.StartsWith('%')))
            {
                return false;
            }
        }

        return false;
    }

    private static bool EndsWithEndMarker(string text)
    {
        var lines = ServerFields.SplitLines(text);
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            var trimmed = lines[i].AsSpan().TrimEnd("\r\n");
            if (trimmed.IsEmpty || trimmed.TrimStart(" \t").StartsWith('#'))
            {
                continue;
            }

            return trimmed.StartsWith("...", StringComparison.Ordinal);
        }

        return false;
    }
}
