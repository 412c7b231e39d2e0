using k8s;
using Mesh.Dsl.Model;

namespace Mesh.Dsl.Serialization;

/// <summary>
/// The one loader: reads a YAML or JSON stream a chunk of documents at a time (<see cref="DocumentSplitter"/>),
/// parses each document with the reader's limits, and routes it by apiVersion and kind. Istio kinds become typed
/// resources, read strictly; Kubernetes objects that validation uses also become KubernetesClient models; every
/// document that is not an Istio kind is kept as it is (<see cref="OtherDocument"/>). Each document is one
/// <see cref="ManifestEntry"/>, handed out in file order as soon as it is read.
/// </summary>
internal sealed class ResourceReader
{
    private static readonly string[] TopLevelFields = ["apiVersion", "kind", "metadata", "spec", "status"];

    private readonly ReadContext _context;
    private readonly ManifestReadOptions _options;
    private readonly Action<ManifestEntry> _onEntry;
    private readonly SourceTexts _texts;
    private readonly string?[] _recentValues = YamlTreeBuilder.NewRecentValues();

    private ResourceReader(ReadContext context, ManifestReadOptions options, Action<ManifestEntry> onEntry, SourceTexts texts)
    {
        _context = context;
        _options = options;
        _onEntry = onEntry;
        _texts = texts;
    }

    /// <summary>
    /// Reads every document of <paramref name="reader"/>, handing each to <paramref name="onEntry"/> in order; errors
    /// go to <paramref name="context"/>. Returns false when the text is a template (Helm, Go) rather than YAML: then
    /// one error says so, and the entries handed out before are not to be used.
    /// </summary>
    public static bool Read(TextReader reader, ReadContext context, ManifestReadOptions options, Action<ManifestEntry> onEntry)
    {
        var resourceReader = new ResourceReader(context, options, onEntry, new SourceTexts(reader, context.File));
        var splitter = new DocumentSplitter(reader, options.ChunkSize);
        while (splitter.Next() is { } chunk)
        {
            resourceReader._texts.Begin(chunk, splitter.SkippedByteOrderMark);
            if (!resourceReader.ReadChunk(chunk))
            {
                return false;
            }

            if (options.KeepTextAsUtf8)
            {
                // Now, while the chunk's string is young and dies cheaply, not after the whole file (by then in the
                // oldest generation, alive beside its copy until a full collection).
                chunk.KeepAsUtf8();
            }
        }

        return true;
    }

    /// <summary>
    /// The fast path reads the chunk's documents one after another; if it declines one (YAML outside its subset, or
    /// an error), YamlDotNet reads that document and each one after it on its own, so that an error in one document
    /// neither hides the others nor stops the read.
    /// </summary>
    private bool ReadChunk(DocumentChunk chunk)
    {
        var groups = chunk.Groups;
        var lineOffset = chunk.FirstLine - 1;
        var next = 0; // the first group not handed out
        ManifestEntry? open = null;
        var errorsBeforeOpen = 0;
        _context.LineOffset = lineOffset;
        var accepted = SimpleYamlParser.TryParse(chunk.Text, (document, start) =>
        {
            while (next < groups.Length - 1 && start.Index >= groups[next].End)
            {
                HandOut(open ?? NewEntry(chunk, groups[next]));
                open = null;
                next++;
            }

            if (open is null)
            {
                errorsBeforeOpen = _context.ErrorCount;
                open = NewEntry(chunk, groups[next]);
            }

            Route(document.Root, open, new DocumentOrigin(ParsedByYamlDotNet: false, default, start.Index, start.Line, lineOffset));
        }, _recentValues);

        if (accepted)
        {
            for (; next < groups.Length; next++)
            {
                HandOut(open ?? NewEntry(chunk, groups[next]));
                open = null;
            }

            return true;
        }

        // What the fast path read of the document it declined is read again.
        if (open is not null)
        {
            _context.ForgetErrorsAfter(errorsBeforeOpen);
        }

        for (; next < groups.Length; next++)
        {
            if (!ReadAlone(chunk, groups[next]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One document read by YamlDotNet; false when it shows the text is a template.</summary>
    private bool ReadAlone(DocumentChunk chunk, DocumentGroup group)
    {
        var entry = NewEntry(chunk, group);
        var text = chunk.TextOf(group);
        _context.LineOffset = group.Line - 1;
        var parsed = YamlDocumentParser.Parse(new StringReader(text));
        if (parsed.Error is not null && TemplateAction(text) is { } action)
        {
            _context.ForgetErrorsAfter(0); // one error for the file: nothing else in it means anything
            _context.Error(action, "this file is a Helm or Go template, not YAML ({{ ... }} cannot be parsed); render it first (helm template, or the tool that fills it in) and check the output");
            return false;
        }

        for (var i = 0; i < parsed.Documents.Count; i++)
        {
            Route(parsed.Documents[i].Root, entry, new DocumentOrigin(ParsedByYamlDotNet: true, group, i, 0, group.Line - 1));
        }

        if (parsed.Error is not null)
        {
            _context.Error(parsed.ErrorPosition, parsed.Error);
            entry.Failed = true;
        }

        HandOut(entry);
        return true;
    }

    /// <summary>Where the first <c>{{</c> of a text stands (its position in the document), or null when there is none.</summary>
    private static SourcePosition? TemplateAction(string text)
    {
        var at = text.IndexOf("{{", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var lineStart = text.AsSpan(0, at).LastIndexOfAny('\n', '\r') + 1;
        var line = 1 + text.AsSpan(0, at).Count('\n');
        return new SourcePosition(line, at - lineStart + 1);
    }

    private static ManifestEntry NewEntry(DocumentChunk chunk, DocumentGroup group) => new(chunk, group);

    private void HandOut(ManifestEntry entry)
    {
        if (entry.Other is null && entry.Resources.Count == 0 && !entry.Failed)
        {
            // Comments alone, an empty document, or a document read with an error that is not kept.
            entry.Other = new OtherDocument(entry.Text, null, null, null, null, _context.File, entry.Line) { HasContent = entry.Group.HasContent };
        }

        _onEntry(entry);
    }

    /// <summary>
    /// Where a document's tree comes from, to parse it again for its resources' <see cref="ResourceSource"/> when a
    /// position is asked for: the fast path's document of the chunk that starts at index <paramref name="Document"/>
    /// and line <paramref name="DocumentLine"/>, or YamlDotNet's document number <paramref name="Document"/> of
    /// <paramref name="Group"/>. The line offset makes the tree's lines the file's.
    /// </summary>
    private readonly record struct DocumentOrigin(bool ParsedByYamlDotNet, DocumentGroup Group, int Document, int DocumentLine, int LineOffset);

    private void Route(YamlNode? root, ManifestEntry entry, DocumentOrigin origin)
    {
        if (root is not { IsNull: false } mapping)
        {
            return; // an empty document ("---" alone, only comments, or null) holds no resource
        }

        if (!mapping.IsMapping)
        {
            _context.ExpectedButGot(mapping, "a Kubernetes resource (a mapping with apiVersion, kind, metadata and spec)");
            entry.Failed = true;
            return;
        }

        if (!MayBeKubernetesObject(mapping))
        {
            // A repository's other YAML (a CI workflow, a Helm Chart.yaml or values file, docker compose): kept as
            // it is, like any document that is not Istio's, instead of an error for a missing kind.
            var declared = mapping.Get("apiVersion") is { IsScalar: true, IsNull: false } version ? version.Value : null;
            entry.Other ??= new OtherDocument(entry.Text, declared, null, null, null, _context.File, entry.Line);
            return;
        }

        if (Identify(mapping) is not { } identity)
        {
            entry.Failed = true;
            return;
        }

        var (apiVersion, kind) = identity;
        if (kind is "List" && apiVersion is "v1")
        {
            RouteList(mapping, entry, origin);
            return;
        }

        switch (RouteObject(mapping, apiVersion, kind, entry, origin))
        {
            case Routing.Kept:
                entry.Other ??= Describe(mapping, apiVersion, kind, entry);
                StripIfAsked(mapping, entry, origin);
                break;
            case Routing.Failed:
                entry.Failed = true;
                break;
        }
    }

    private enum Routing { Istio, Kept, Failed }

    /// <summary>
    /// Whether a mapping is, or is meant to be, a Kubernetes object: it has a <c>kind</c>, <c>metadata</c> or
    /// <c>spec</c>, so a missing apiVersion or kind is an error. One with none of them (at most an
    /// <c>apiVersion</c>, as a Helm Chart.yaml has) is some other tool's file.
    /// </summary>
    private static bool MayBeKubernetesObject(YamlNode mapping)
        => mapping.Get("kind") is not null || mapping.Get("metadata") is not null || mapping.Get("spec") is not null;

    /// <summary>A document's apiVersion and kind, or null after reporting what is missing or wrong.</summary>
    private (string ApiVersion, string Kind)? Identify(YamlNode mapping)
    {
        if (mapping.Get("apiVersion") is not { } apiVersionNode || mapping.Get("kind") is not { } kindNode)
        {
            var missing = mapping.Get("apiVersion") is not null ? "kind" : mapping.Get("kind") is null ? "apiVersion and kind" : "apiVersion";
            _context.Error(mapping, $"missing {missing}: every Kubernetes resource names its apiVersion and kind");
            return null;
        }

        // Both are checked, so that both errors are reported.
        if (!IsIdentifier(apiVersionNode, "apiVersion") | !IsIdentifier(kindNode, "kind"))
        {
            return null;
        }

        return (apiVersionNode.Value, kindNode.Value);
    }

    private OtherDocument Describe(YamlNode mapping, string apiVersion, string kind, ManifestEntry entry)
    {
        string? ns = null, name = null;
        if (mapping.Get("metadata") is { IsMapping: true } metadata)
        {
            ns = metadata.Get("namespace") is { IsScalar: true, IsNull: false } nsNode ? nsNode.Value : null;
            name = metadata.Get("name") is { IsScalar: true, IsNull: false } nameNode ? nameNode.Value : null;
        }

        return new OtherDocument(entry.Text, apiVersion, kind, ns, name, _context.File, entry.Line);
    }

    private Routing RouteObject(YamlNode mapping, string apiVersion, string kind, ManifestEntry entry, DocumentOrigin origin)
    {
        var slash = apiVersion.IndexOf('/');
        var group = slash < 0 ? ReadOnlySpan<char>.Empty : apiVersion.AsSpan(0, slash);
        if (ResourceKinds.Find(group, kind) is { } definition)
        {
            return ReadIstio(mapping, definition, apiVersion, entry, origin) ? Routing.Istio : Routing.Failed;
        }

        if (apiVersion == IstioApiGroups.LegacyApiVersion)
        {
            ReportKind(mapping, $"{kind} ({apiVersion}) is Istio 0.x configuration, which Istio no longer serves; translate it with mesh.Legacy().Import");
            return Routing.Failed;
        }

        var modelledName = ResourceKinds.All.FirstOrDefault(k => k.Kind == kind);
        if (modelledName is not null && (group.IsEmpty || IstioApiGroups.IsConfigurationGroup(group)))
        {
            _context.PushField("apiVersion");
            _context.Error(mapping.Get("apiVersion")!.Value, $"{kind} is served as {string.Join(", ", modelledName.ApiVersions)}, not {apiVersion}");
            _context.Pop();
            return Routing.Failed;
        }

        if (IstioApiGroups.IsConfigurationGroup(group))
        {
            if (IstioApiGroups.IsIstioKind(group, kind))
            {
                return Routing.Kept; // one of Istio's kinds that Mesh.Dsl does not model yet
            }

            var groupName = group.ToString();
            var ofGroup = string.Join(", ", IstioApiGroups.KindNames.Where(k => IstioApiGroups.IsIstioKind(groupName, k)));
            ReportKind(mapping, $"{kind} ({apiVersion}) is not a kind Istio defines in {groupName}: {ofGroup}{ReadContext.DidYouMean(kind, IstioApiGroups.KindNames)}");
            return Routing.Failed;
        }

        if (_options.ReadKubernetesObjects && KubernetesObjectReader.IsUsed(apiVersion, kind))
        {
            if (KubernetesObjectReader.Read(mapping, kind, _context) is not { } kubernetesObject)
            {
                return Routing.Failed;
            }

            (entry.KubernetesObjects ??= []).Add(kubernetesObject);
        }

        return Routing.Kept;
    }

    private void ReportKind(YamlNode mapping, string message)
    {
        _context.PushField("kind");
        _context.Error(mapping.Get("kind")!.Value, message);
        _context.Pop();
    }

    /// <summary>A Kubernetes <c>List</c>: its items are routed one by one; with an item that is not Istio's, the List is kept as it is.</summary>
    private void RouteList(YamlNode list, ManifestEntry entry, DocumentOrigin origin)
    {
        entry.IsList = true;
        var kept = false;
        var failed = false;
        foreach (var (key, value) in list.Entries)
        {
            if (key.Text is "apiVersion" or "kind" or "metadata")
            {
                continue;
            }

            if (key.Text is not "items")
            {
                _context.UnknownField(key, "List", ["apiVersion", "kind", "metadata", "items"]);
                failed = true;
                continue;
            }

            _context.PushField("items");
            if (value.IsSequence)
            {
                var i = 0;
                foreach (var item in value.Items)
                {
                    _context.PushIndex(i++);
                    if (!item.IsMapping)
                    {
                        _context.ExpectedButGot(item, "a Kubernetes resource (a mapping with apiVersion, kind, metadata and spec)");
                        failed = true;
                    }
                    else if (Identify(item) is not { } identity)
                    {
                        failed = true;
                    }
                    else
                    {
                        var route = RouteObject(item, identity.ApiVersion, identity.Kind, entry, origin);
                        kept |= route == Routing.Kept;
                        failed |= route == Routing.Failed;
                    }

                    _context.Pop();
                }
            }
            else if (!value.IsNull)
            {
                _context.ExpectedButGot(value, "a list");
                failed = true;
            }

            _context.Pop();
        }

        if (failed)
        {
            entry.Failed = true;
        }
        else if (kept)
        {
            entry.Other = Describe(list, "v1", "List", entry);
            StripIfAsked(list, entry, origin);
        }
    }

    private void StripIfAsked(YamlNode root, ManifestEntry entry, DocumentOrigin origin)
    {
        if (_options.StripServerFields)
        {
            entry.KeptText = ServerFields.StripText(entry.Text, root, entry.Line - origin.LineOffset);
        }
    }

    /// <summary>Checks apiVersion or kind: a non-empty string, else an error at the value.</summary>
    private bool IsIdentifier(YamlNode node, string key)
    {
        if (node.IsScalar && !node.IsNull && node.Text.Length > 0)
        {
            return true;
        }

        _context.PushField(key);
        _context.ExpectedButGot(node, key == "kind" ? "a kind such as ServiceEntry" : "an API version such as networking.istio.io/v1");
        _context.Pop();
        return false;
    }

    private bool ReadIstio(YamlNode mapping, ResourceKind definition, string apiVersion, ManifestEntry entry, DocumentOrigin origin)
    {
        var context = _context;
        var errorsBefore = context.ErrorCount;
        context.ReportDuplicateKeys(mapping, keysAreFields: true);
        var servedVersion = definition.FindApiVersion(apiVersion);
        if (servedVersion is null)
        {
            context.PushField("apiVersion");
            context.Error(mapping.Get("apiVersion")!.Value, $"Istio does not serve {definition.Kind} as {apiVersion}; use one of {string.Join(", ", definition.ApiVersions)}");
            context.Pop();
            return false;
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
                    ObjectMetaFields.Read(resource, value, context);
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
                    if (value.IsMapping)
                    {
                        resource.Status = (System.Text.Json.Nodes.JsonObject)FreeFormValues.Read(value, context)!;
                    }
                    else if (!value.IsNull)
                    {
                        context.ExpectedButGot(value, "a mapping");
                    }

                    context.Pop();
                    break;
                default:
                    context.UnknownField(key, definition.Kind, TopLevelFields);
                    break;
            }
        }

        if (context.ErrorCount != errorsBefore)
        {
            return false;
        }

        var text = origin.ParsedByYamlDotNet ? _texts.Group(origin.Group) : _texts.Chunk();
        resource.Source = new ResourceSource(text, mapping, origin.Document, origin.DocumentLine);
        entry.Resources.Add(resource);
        return true;
    }
}

/// <summary>How <see cref="ResourceReader"/> reads.</summary>
internal sealed record ManifestReadOptions
{
    /// <summary>Whether documents validation uses become KubernetesClient models (and are checked against their schema).</summary>
    public bool ReadKubernetesObjects { get; init; } = true;

    /// <summary>Whether the text of kept documents is also given without its server fields (<see cref="ManifestEntry.KeptText"/>).</summary>
    public bool StripServerFields { get; init; }

    /// <summary>
    /// Whether the documents' text, which <see cref="ManifestEntry"/> keeps for writing documents back, is held as
    /// UTF-8 once its chunk is read (for a reader that keeps the entries; see <see cref="DocumentChunk.KeepAsUtf8"/>).
    /// </summary>
    public bool KeepTextAsUtf8 { get; init; }

    /// <summary>How much text is parsed in one go.</summary>
    public int ChunkSize { get; init; } = DocumentSplitter.DefaultChunkSize;
}

/// <summary>
/// One document of a file as the loader read it: its text (comments above it and its <c>---</c> line included), the
/// Istio resources it holds, and, for a document that is not Istio's, what it is.
/// </summary>
internal sealed class ManifestEntry(DocumentChunk chunk, DocumentGroup group)
{
    public DocumentGroup Group { get; } = group;

    /// <summary>The chunk the document's text is in, shared with the other documents of it.</summary>
    public DocumentChunk Chunk { get; } = chunk;

    /// <summary>The file's line the document's text starts at.</summary>
    public int Line => Group.Line;

    /// <summary>The document's exact text.</summary>
    public string Text => field ??= Chunk.TextOf(Group);

    /// <summary>Whether it is a Kubernetes <c>List</c> (<c>apiVersion: v1, kind: List</c>), whose items are its resources.</summary>
    public bool IsList { get; set; }

    /// <summary>The Istio resources read from it, in order: one, or a List's items.</summary>
    public List<IstioResource> Resources { get; } = new(1); // most documents are one resource; a List grows

    /// <summary>Set when the document is kept as it is: not an Istio kind, comments alone, or a List with other kinds.</summary>
    public OtherDocument? Other { get; set; }

    /// <summary>The text to write for a kept document when it differs from <see cref="Text"/> (its server fields stripped).</summary>
    public string? KeptText { get; set; }

    /// <summary>The Kubernetes objects validation uses that the document holds.</summary>
    public List<IKubernetesObject>? KubernetesObjects { get; set; }

    /// <summary>True when part of it could not be read: its errors are in the read's context.</summary>
    public bool Failed { get; set; }
}
