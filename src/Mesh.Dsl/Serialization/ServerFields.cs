using System.Text;
using System.Text.Json.Nodes;
using Mesh.Dsl.Model;

namespace Mesh.Dsl.Serialization;

/// <summary>
/// What the Kubernetes API server adds to an object and <c>kubectl get -o yaml</c> shows, and what
/// <c>mesh fmt --strip-server-fields</c> removes, as kubectl-neat does: <c>metadata.uid</c>,
/// <c>resourceVersion</c>, <c>generation</c>, <c>creationTimestamp</c>, <c>deletionTimestamp</c>,
/// <c>deletionGracePeriodSeconds</c>, <c>managedFields</c>, <c>selfLink</c>, the
/// <c>kubectl.kubernetes.io/last-applied-configuration</c> annotation, and <c>status</c>. Owner references and
/// finalizers stay: people write those too.
/// </summary>
internal static class ServerFields
{
    public const string LastAppliedConfiguration = "kubectl.kubernetes.io/last-applied-configuration";

    private static readonly string[] MetadataFields =
        ["uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "managedFields", "selfLink"];

    /// <summary>Removes the server's fields from a resource.</summary>
    public static void Strip(IstioResource resource)
    {
        resource.Status = null;
        if (resource.MetadataAnnotations is { } annotations && annotations.Remove(LastAppliedConfiguration) && annotations.Count == 0)
        {
            resource.MetadataAnnotations = null;
        }

        if (resource.FullMetadata is not { } metadata)
        {
            return;
        }

        metadata.Uid = null;
        metadata.ResourceVersion = null;
        metadata.Generation = null;
        metadata.CreationTimestamp = null;
        metadata.DeletionTimestamp = null;
        metadata.DeletionGracePeriodSeconds = null;
        metadata.ManagedFields = null;
        metadata.SelfLink = null;
    }

    /// <summary>
    /// The text of a document kept as it is, without the server's fields of the object at <paramref name="root"/>
    /// (or of each item of a List). Block-style documents, what kubectl writes, lose exactly the lines of those
    /// fields, so comments and the rest stay as they were; a document in flow style is written again in block style.
    /// </summary>
    /// <param name="text">The document's text.</param>
    /// <param name="root">Its parsed root mapping.</param>
    /// <param name="firstLine">The line of the tree's positions at which <paramref name="text"/> starts.</param>
    public static string StripText(string text, YamlNode root, int firstLine)
    {
        var lines = SplitLines(text);
        var contentEnd = lines.Count;
        while (contentEnd > 0 && IsBlankOrComment(lines[contentEnd - 1]))
        {
            contentEnd--;
        }

        var removed = new List<(int Start, int End)>();
        var isList = root.Get("kind") is { IsScalar: true } kind && kind.Text is "List" && root.Get("items") is { IsSequence: true };
        bool block;
        if (isList)
        {
            var items = root.Get("items")!.Value;
            var itemLines = new List<int>();
            foreach (var item in items.Items)
            {
                itemLines.Add(item.Position.Line - firstLine);
            }

            var itemsEnd = EndOf(root, "items", firstLine, contentEnd);
            block = true;
            var i = 0;
            foreach (var item in items.Items)
            {
                var end = i + 1 < itemLines.Count ? itemLines[i + 1] : itemsEnd;
                block &= !item.IsMapping || StripObject(item, firstLine, end, removed);
                i++;
            }
        }
        else
        {
            block = StripObject(root, firstLine, contentEnd, removed);
        }

        if (!block)
        {
            return Rewrite(text, root);
        }

        if (removed.Count == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var line = 0; line < lines.Count; line++)
        {
            if (!removed.Any(r => line >= r.Start && line < r.End))
            {
                builder.Append(lines[line]);
            }
        }

        return builder.ToString();
    }

    /// <summary>Adds the line ranges of one object's server fields; false when it is not in block style.</summary>
    private static bool StripObject(YamlNode mapping, int firstLine, int end, List<(int Start, int End)> removed)
    {
        if (!IsBlock(mapping))
        {
            return false;
        }

        if (mapping.Get("metadata") is { IsMapping: true } metadata)
        {
            if (!IsBlock(metadata))
            {
                return false;
            }

            var metadataEnd = EndOf(mapping, "metadata", firstLine, end);
            foreach (var field in MetadataFields)
            {
                Remove(metadata, field, firstLine, metadataEnd, removed);
            }

            if (metadata.Get("annotations") is { IsMapping: true } annotations && annotations.Get(LastAppliedConfiguration) is not null)
            {
                if (!IsBlock(annotations))
                {
                    return false;
                }

                if (annotations.Count == 1)
                {
                    Remove(metadata, "annotations", firstLine, metadataEnd, removed);
                }
                else
                {
                    Remove(annotations, LastAppliedConfiguration, firstLine, EndOf(metadata, "annotations", firstLine, metadataEnd), removed);
                }
            }
        }

        Remove(mapping, "status", firstLine, end, removed);
        return true;
    }

    /// <summary>A block mapping: each key starts a line of its own, at the mapping's column.</summary>
    private static bool IsBlock(YamlNode mapping)
    {
        var previousLine = -1;
        foreach (var (key, _) in mapping.Entries)
        {
            if (key.Position.Column != mapping.Position.Column || key.Position.Line == previousLine)
            {
                return false;
            }

            previousLine = key.Position.Line;
        }

        return true;
    }

    /// <summary>The line (relative to the text) where the entry <paramref name="key"/> of <paramref name="mapping"/> ends: the next key's line, or <paramref name="end"/>.</summary>
    private static int EndOf(YamlNode mapping, string key, int firstLine, int end)
    {
        var found = false;
        foreach (var (k, _) in mapping.Entries)
        {
            if (found)
            {
                return k.Position.Line - firstLine;
            }

            found = k.Text.SequenceEqual(key);
        }

        return end;
    }

    private static void Remove(YamlNode mapping, string key, int firstLine, int end, List<(int Start, int End)> removed)
    {
        foreach (var (k, _) in mapping.Entries)
        {
            if (k.Text.SequenceEqual(key))
            {
                removed.Add((k.Position.Line - firstLine, EndOf(mapping, key, firstLine, end)));
                return;
            }
        }
    }

    /// <summary>The document written again from its tree, without the server's fields: for the rare flow-style dump.</summary>
    private static string Rewrite(string text, YamlNode root)
    {
        var tree = (JsonObject)FreeFormValues.Read(root, new ReadContext(null))!;
        if (tree["items"] is JsonArray items && tree["kind"]?.GetValue<string>() == "List")
        {
            foreach (var item in items.OfType<JsonObject>())
            {
                StripTree(item);
            }
        }
        else
        {
            StripTree(tree);
        }

        var output = new StringWriter { NewLine = "\n" };
        output.Write(LeadingLines(text));
        FreeFormValues.Write(new YamlStructuredWriter(output), tree);
        return output.ToString();
    }

    private static void StripTree(JsonObject item)
    {
        item.Remove("status");
        if (item["metadata"] is JsonObject metadata)
        {
            foreach (var field in MetadataFields)
            {
                metadata.Remove(field);
            }

            if (metadata["annotations"] is JsonObject annotations && annotations.Remove(LastAppliedConfiguration) && annotations.Count == 0)
            {
                metadata.Remove("annotations");
            }
        }
    }

    /// <summary>The comment lines and the <c>---</c> line before a document's content.</summary>
    private static string LeadingLines(string text)
    {
        var builder = new StringBuilder();
        foreach (var line in SplitLines(text))
        {
            if (!IsBlankOrComment(line) && !line.StartsWith("---", StringComparison.Ordinal))
            {
                break;
            }

            builder.Append(line.StartsWith("---", StringComparison.Ordinal) ? "---\n" : line);
        }

        return builder.ToString();
    }

    private static bool IsBlankOrComment(string line)
    {
        var trimmed = line.AsSpan().TrimStart(" \t");
        return trimmed.IsEmpty || trimmed[0] is '#' or '\n' or '\r';
    }

    /// <summary>The lines of a text, each with its line break.</summary>
    internal static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var stop = text.AsSpan(start).IndexOfAny('\n', '\r');
            if (stop < 0)
            {
                lines.Add(text[start..]);
                break;
            }

            var end = start + stop + 1;
            if (text[end - 1] == '\r' && end < text.Length && text[end] == '\n')
            {
                end++;
            }

            lines.Add(text[start..end]);
            start = end;
        }

        return lines;
    }
}
