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
        var resources = new List<IstioResource>();
        var parsed = YamlDocumentParser.Parse(text);
        foreach (var document in parsed.Documents)
        {
            if (document.Root is null or YamlScalar { IsNull: true })
            {
                continue; // an empty document ("---" alone, only comments, or null) holds no resource
            }

            ReadDocument(document.Root, context, resources);
        }

        if (parsed.Error is not null)
        {
            context.Error(parsed.ErrorPosition, parsed.Error);
        }

        return resources;
    }

    private static void ReadDocument(YamlNode root, ReadContext context, List<IstioResource> resources)
    {
        if (root is not YamlMapping mapping)
        {
            context.ExpectedButGot(root, "a Kubernetes resource (a mapping with apiVersion, kind, metadata and spec)");
            return;
        }

        var errorsBefore = context.ErrorCount;
        context.ReportDuplicateKeys(mapping, keysAreFields: true);
        var apiVersionNode = mapping.Get("apiVersion");
        var kindNode = mapping.Get("kind");
        if (apiVersionNode is null || kindNode is null)
        {
            var missing = apiVersionNode is null && kindNode is null ? "apiVersion and kind" : kindNode is null ? "kind" : "apiVersion";
            context.Error(root, $"missing {missing}: every Kubernetes resource names its apiVersion and kind");
            return;
        }

        var apiVersion = ReadIdentifier(mapping, "apiVersion", context);
        var kind = ReadIdentifier(mapping, "kind", context);
        if (apiVersion is null || kind is null)
        {
            return;
        }

        if (kind == "List" && apiVersion == "v1")
        {
            ReadList(mapping, context, resources);
            return;
        }

        var slash = apiVersion.IndexOf('/');
        var group = slash < 0 ? string.Empty : apiVersion[..slash];
        var definition = ResourceKinds.Find(group, kind);
        if (definition is null)
        {
            ReportUnknownKind(mapping, apiVersion, group, kind, context);
            return;
        }

        if (!definition.ApiVersions.Contains(apiVersion))
        {
            context.PushField("apiVersion");
            context.Error(apiVersionNode, $"Istio does not serve {kind} as {apiVersion}; use one of {string.Join(", ", definition.ApiVersions)}");
            context.Pop();
            return;
        }

        var resource = definition.Create();
        resource.ApiVersion = apiVersion;
        foreach (var (key, value) in mapping.Entries)
        {
            switch (key.Value)
            {
                case "apiVersion" or "kind":
                    break;
                case "metadata":
                    context.PushField("metadata");
                    resource.Metadata = ReadMetadata(value, context);
                    context.Pop();
                    break;
                case "spec":
                    context.PushField("spec");
                    if (value is YamlMapping spec)
                    {
                        definition.ReadSpec(resource, spec, context);
                    }
                    else if (value is not YamlScalar { IsNull: true })
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
                    context.UnknownField(key, kind, TopLevelFields);
                    break;
            }
        }

        if (context.ErrorCount == errorsBefore)
        {
            resource.Source = new ResourceSource(context.File, root.Position, mapping);
            resources.Add(resource);
        }
    }

    private static void ReadList(YamlMapping list, ReadContext context, List<IstioResource> resources)
    {
        foreach (var (key, value) in list.Entries)
        {
            if (key.Value is "apiVersion" or "kind" or "metadata")
            {
                continue;
            }

            if (key.Value != "items")
            {
                context.UnknownField(key, "List", ["apiVersion", "kind", "metadata", "items"]);
                continue;
            }

            context.PushField("items");
            if (value is YamlSequence items)
            {
                for (var i = 0; i < items.Items.Length; i++)
                {
                    context.PushIndex(i);
                    ReadDocument(items.Items[i], context, resources);
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

    /// <summary>Reads apiVersion or kind: a non-empty string, else an error at the value.</summary>
    private static string? ReadIdentifier(YamlMapping mapping, string key, ReadContext context)
    {
        var node = mapping.Get(key)!;
        if (node is YamlScalar { IsNull: false } scalar && scalar.Value.Length > 0)
        {
            return scalar.Value;
        }

        context.PushField(key);
        context.ExpectedButGot(node, key == "kind" ? "a kind such as ServiceEntry" : "an API version such as networking.istio.io/v1");
        context.Pop();
        return null;
    }

    /// <summary>Never drops a document silently: says whether the kind is another Istio kind, a known kind in the wrong group, or not Istio at all.</summary>
    private static void ReportUnknownKind(YamlMapping mapping, string apiVersion, string group, string kind, ReadContext context)
    {
        var kinds = ResourceKinds.All.Select(k => k.Kind).ToList();
        var sameName = ResourceKinds.All.FirstOrDefault(k => k.Kind == kind);
        if (sameName is not null)
        {
            context.PushField("apiVersion");
            context.Error(mapping.Get("apiVersion")!, $"{kind} is served as {string.Join(", ", sameName.ApiVersions)}, not {apiVersion}");
            context.Pop();
            return;
        }

        var known = string.Join(", ", kinds);
        context.PushField("kind");
        context.Error(mapping.Get("kind")!, group.EndsWith("istio.io", StringComparison.Ordinal)
            ? $"{kind} ({apiVersion}) is not one of the Istio kinds Mesh.Dsl reads: {known}{ReadContext.DidYouMean(kind, kinds)}"
            : $"{kind} ({apiVersion}) is not an Istio resource; Mesh.Dsl reads {known}{ReadContext.DidYouMean(kind, kinds)}");
        context.Pop();
    }

    private static V1ObjectMeta ReadMetadata(YamlNode node, ReadContext context)
    {
        var metadata = new V1ObjectMeta();
        if (node is not YamlMapping mapping)
        {
            context.ExpectedButGot(node, "a mapping");
            return metadata;
        }

        context.ReportDuplicateKeys(mapping, keysAreFields: true);
        foreach (var (key, value) in mapping.Entries)
        {
            context.PushField(key.Value);
            switch (key.Value)
            {
                case "name":
                    metadata.Name = Codecs.String.Read(value, context);
                    break;
                case "generateName":
                    metadata.GenerateName = Codecs.String.Read(value, context);
                    break;
                case "namespace":
                    metadata.NamespaceProperty = Codecs.String.Read(value, context);
                    break;
                case "labels":
                    metadata.Labels = ReadMap(value, context);
                    break;
                case "annotations":
                    metadata.Annotations = ReadMap(value, context);
                    break;
                default:
                    context.Pop();
                    context.UnknownField(key, "metadata", MetadataFields);
                    continue;
            }

            context.Pop();
        }

        return metadata;
    }

    private static IDictionary<string, string>? ReadMap(YamlNode node, ReadContext context)
        => node is YamlScalar { IsNull: true } ? null : Codecs.StringMap.Read(node, context); // keeps the written order
}
