using k8s.Models;
using Mesh.Dsl.Model;
using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Serialization;

/// <summary>Turns parsed documents into typed resources, strictly.</summary>
internal static class ResourceReader
{
    private static readonly string[] TopLevelFields = ["apiVersion", "kind", "metadata", "spec"];
    private static readonly string[] MetadataFields = ["name", "generateName", "namespace", "labels", "annotations"];

    /// <summary>Reads every resource of the text; errors go to <paramref name="context"/>.</summary>
    public static List<IstioResource> Read(string text, ReadContext context)
    {
        var body = text.StartsWith('\uFEFF') ? text[1..] : text;
        var resources = new List<IstioResource>();

        // The fast path hands over each document as it is parsed, and the next one reuses its memory.
        var source = new SourceText(body);
        if (SimpleYamlParser.TryParse(body, (document, start) => Read(document, new DocumentOrigin(source, start), context, resources)))
        {
            return resources;
        }

        // It declined (YAML outside its subset, or an error): YamlDotNet parses the whole text again,
        // and what was read from the documents before is read again with it.
        context.Clear();
        resources.Clear();
        var parsed = YamlDocumentParser.Parse(new StringReader(body));
        foreach (var document in parsed.Documents)
        {
            Read(document, default, context, resources);
        }

        if (parsed.Error is not null)
        {
            context.Error(parsed.ErrorPosition, parsed.Error);
        }

        return resources;
    }

    /// <summary>
    /// Where a document's tree comes from, for its resources' <see cref="ResourceSource"/>: the fast
    /// path's text and the document's start, to parse it again when a position is asked for; or
    /// nothing, when the tree is YamlDotNet's and is kept.
    /// </summary>
    private readonly record struct DocumentOrigin(SourceText? Text, SimpleYamlParser.DocumentStart Start);

    private static void Read(YamlDocumentParser.Document document, DocumentOrigin origin, ReadContext context, List<IstioResource> resources)
    {
        if (document.Root is not { IsNull: false } root)
        {
            return; // an empty document ("---" alone, only comments, or null) holds no resource
        }

        ReadDocument(root, origin, context, resources);
    }

    private static void ReadDocument(YamlNode mapping, DocumentOrigin origin, ReadContext context, List<IstioResource> resources)
    {
        if (!mapping.IsMapping)
        {
            context.ExpectedButGot(mapping, "a Kubernetes resource (a mapping with apiVersion, kind, metadata and spec)");
            return;
        }

        var errorsBefore = context.ErrorCount;
        context.ReportDuplicateKeys(mapping, keysAreFields: true);
        if (mapping.Get("apiVersion") is not { } apiVersionNode || mapping.Get("kind") is not { } kindNode)
        {
            var missing = mapping.Get("apiVersion") is not null ? "kind" : mapping.Get("kind") is null ? "apiVersion and kind" : "apiVersion";
            context.Error(mapping, $"missing {missing}: every Kubernetes resource names its apiVersion and kind");
            return;
        }

        // Both are checked, so that both errors are reported.
        if (!IsIdentifier(apiVersionNode, "apiVersion", context) | !IsIdentifier(kindNode, "kind", context))
        {
            return;
        }

        // Compared as text: the strings the resource keeps are the kind definition's.
        var apiVersion = apiVersionNode.Text;
        var kind = kindNode.Text;
        if (kind is "List" && apiVersion is "v1")
        {
            ReadList(mapping, origin, context, resources);
            return;
        }

        var slash = apiVersion.IndexOf('/');
        var group = slash < 0 ? ReadOnlySpan<char>.Empty : apiVersion[..slash];
        var definition = ResourceKinds.Find(group, kind);
        if (definition is null)
        {
            ReportUnknownKind(mapping, apiVersion.ToString(), group.ToString(), kind.ToString(), context);
            return;
        }

        var servedVersion = definition.FindApiVersion(apiVersion);
        if (servedVersion is null)
        {
            context.PushField("apiVersion");
            context.Error(apiVersionNode, $"Istio does not serve {definition.Kind} as {apiVersion}; use one of {string.Join(", ", definition.ApiVersions)}");
            context.Pop();
            return;
        }

        var resource = definition.Create();
        resource.ApiVersion = servedVersion;
        foreach (var (key, value) in mapping.Entries)
        {
            switch (key.Text)
            {
                case "apiVersion" or "kind":
                    break;
                case "metadata":
                    context.PushField("metadata");
                    ReadMetadata(resource.Metadata, value, context); // fills the resource's own, still empty, metadata
                    context.Pop();
                    break;
                case "spec":
                    context.PushField("spec");
                    if (value.IsMapping)
                    {
                        definition.ReadSpec(resource, value, context);
                    }
                    else if (!value.IsNull)
                    {
                        context.ExpectedButGot(value, "a mapping");
                    }

                    context.Pop();
                    break;
                case "status":
                    context.PushField("status");
                    context.Error(key, "status is written by Istio at run time and does not belong in configuration; remove it");
                    context.Pop();
                    break;
                default:
                    context.UnknownField(key, definition.Kind, TopLevelFields);
                    break;
            }
        }

        if (context.ErrorCount == errorsBefore)
        {
            resource.Source = origin.Text is null
                ? new ResourceSource(context.File, mapping)
                : new ResourceSource(context.File, mapping, origin.Text, origin.Start);
            resources.Add(resource);
        }
    }

    private static void ReadList(YamlNode list, DocumentOrigin origin, ReadContext context, List<IstioResource> resources)
    {
        foreach (var (key, value) in list.Entries)
        {
            if (key.Text is "apiVersion" or "kind" or "metadata")
            {
                continue;
            }

            if (key.Text is not "items")
            {
                context.UnknownField(key, "List", ["apiVersion", "kind", "metadata", "items"]);
                continue;
            }

            context.PushField("items");
            if (value.IsSequence)
            {
                var i = 0;
                foreach (var item in value.Items)
                {
                    context.PushIndex(i++);
                    ReadDocument(item, origin, context, resources);
                    context.Pop();
                }
            }
            else
            {
                context.ExpectedButGot(value, "a list");
            }

            context.Pop();
        }
    }

    /// <summary>Checks apiVersion or kind: a non-empty string, else an error at the value.</summary>
    private static bool IsIdentifier(YamlNode node, string key, ReadContext context)
    {
        if (node.IsScalar && !node.IsNull && node.Text.Length > 0)
        {
            return true;
        }

        context.PushField(key);
        context.ExpectedButGot(node, key == "kind" ? "a kind such as ServiceEntry" : "an API version such as networking.istio.io/v1");
        context.Pop();
        return false;
    }

    /// <summary>Never drops a document silently: says whether the kind is another Istio kind, a known kind in the wrong group, or not Istio at all.</summary>
    private static void ReportUnknownKind(YamlNode mapping, string apiVersion, string group, string kind, ReadContext context)
    {
        var kinds = ResourceKinds.All.Select(k => k.Kind).ToList();
        var sameName = ResourceKinds.All.FirstOrDefault(k => k.Kind == kind);
        if (sameName is not null)
        {
            context.PushField("apiVersion");
            context.Error(mapping.Get("apiVersion")!.Value, $"{kind} is served as {string.Join(", ", sameName.ApiVersions)}, not {apiVersion}");
            context.Pop();
            return;
        }

        var known = string.Join(", ", kinds);
        context.PushField("kind");
        context.Error(mapping.Get("kind")!.Value, group.EndsWith("istio.io", StringComparison.Ordinal)
            ? $"{kind} ({apiVersion}) is not one of the Istio kinds Mesh.Dsl reads: {known}{ReadContext.DidYouMean(kind, kinds)}"
            : $"{kind} ({apiVersion}) is not an Istio resource; Mesh.Dsl reads {known}{ReadContext.DidYouMean(kind, kinds)}");
        context.Pop();
    }

    private static void ReadMetadata(V1ObjectMeta metadata, YamlNode node, ReadContext context)
    {
        if (!node.IsMapping)
        {
            context.ExpectedButGot(node, "a mapping");
            return;
        }

        context.ReportDuplicateKeys(node, keysAreFields: true);
        foreach (var (key, value) in node.Entries)
        {
            switch (key.Text)
            {
                case "name":
                    context.PushField("name");
                    metadata.Name = Codecs.String.Read(value, context);
                    break;
                case "generateName":
                    context.PushField("generateName");
                    metadata.GenerateName = Codecs.String.Read(value, context);
                    break;
                case "namespace":
                    context.PushField("namespace");
                    metadata.NamespaceProperty = Codecs.String.Read(value, context);
                    break;
                case "labels":
                    context.PushField("labels");
                    metadata.Labels = ReadMap(value, context);
                    break;
                case "annotations":
                    context.PushField("annotations");
                    metadata.Annotations = ReadMap(value, context);
                    break;
                default:
                    context.UnknownField(key, "metadata", MetadataFields);
                    continue;
            }

            context.Pop();
        }
    }

    private static IDictionary<string, string>? ReadMap(YamlNode node, ReadContext context)
        => node.IsNull ? null : Codecs.StringMap.Read(node, context); // keeps the written order
}
