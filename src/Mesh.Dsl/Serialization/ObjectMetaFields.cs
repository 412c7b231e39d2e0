using System.Globalization;
using k8s.Models;
using Mesh.Dsl.Model;
using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Serialization;

/// <summary>
/// Reads and writes every field of a resource's <c>metadata</c> (Kubernetes' ObjectMeta), the ones the API server
/// sets included, so that <c>kubectl get -o yaml</c> output reads and writes back with all its values. Written in
/// one fixed order: what people write first (name, generateName, namespace, labels, annotations), then what the
/// server adds, in the order <c>kubectl</c> shows it.
/// </summary>
internal static class ObjectMetaFields
{
    /// <summary>Every field, in the order written.</summary>
    public static readonly string[] Names =
    [
        "name", "generateName", "namespace", "labels", "annotations", "uid", "resourceVersion", "generation",
        "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "finalizers", "ownerReferences",
        "managedFields", "selfLink",
    ];

    private static readonly V1ObjectMeta Empty = new();

    private static readonly string[] OwnerReferenceFields = ["apiVersion", "kind", "name", "uid", "controller", "blockOwnerDeletion"];
    private static readonly string[] ManagedFieldsEntryFields = ["manager", "operation", "apiVersion", "time", "fieldsType", "fieldsV1", "subresource"];

    // Where a resource's metadata is read first: when it turns out to hold only name, namespace, labels and
    // annotations, those move to the resource (IstioResource keeps them without an ObjectMeta) and this one is read
    // into again for the next resource, so a large read makes no ObjectMeta at all.
    [ThreadStatic]
    private static V1ObjectMeta? t_scratch;

    /// <summary>Reads a resource's metadata into it, as <see cref="Read(V1ObjectMeta, YamlNode, ReadContext)"/> does.</summary>
    public static void Read(IstioResource resource, YamlNode node, ReadContext context)
    {
        var metadata = t_scratch ?? new V1ObjectMeta();
        t_scratch = null; // not shared should reading re-enter on this thread
        Read(metadata, node, context);
        if (metadata.GenerateName is null && !HasServerFields(metadata) && metadata.Finalizers is null && metadata.OwnerReferences is null)
        {
            resource.MetadataName = metadata.Name;
            resource.MetadataNamespace = metadata.NamespaceProperty;
            resource.MetadataLabels = metadata.Labels;
            resource.MetadataAnnotations = metadata.Annotations;
            (metadata.Name, metadata.NamespaceProperty, metadata.Labels, metadata.Annotations) = (null, null, null, null);
            t_scratch = metadata;
        }
        else
        {
            resource.Metadata = metadata;
        }
    }

    public static void Read(V1ObjectMeta metadata, YamlNode node, ReadContext context)
    {
        if (!node.IsMapping)
        {
            context.ExpectedButGot(node, "a mapping");
            return;
        }

        context.ReportDuplicateKeys(node, keysAreFields: true);
        foreach (var (key, value) in node.Entries)
        {
            var name = key.Text;
            var known = true;
            context.PushField(key.Value);
            switch (name)
            {
                case "name": metadata.Name = Codecs.String.Read(value, context); break;
                case "generateName": metadata.GenerateName = Codecs.String.Read(value, context); break;
                case "namespace": metadata.NamespaceProperty = Codecs.String.Read(value, context); break;
                case "labels": metadata.Labels = value.IsNull ? null : Codecs.StringMap.Read(value, context); break;
                case "annotations": metadata.Annotations = value.IsNull ? null : Codecs.StringMap.Read(value, context); break;
                case "uid": metadata.Uid = Codecs.String.Read(value, context); break;
                case "resourceVersion": metadata.ResourceVersion = Codecs.String.Read(value, context); break;
                case "generation": metadata.Generation = Codecs.Int64.Read(value, context); break;
                case "creationTimestamp": metadata.CreationTimestamp = ReadTime(value, context); break;
                case "deletionTimestamp": metadata.DeletionTimestamp = ReadTime(value, context); break;
                case "deletionGracePeriodSeconds": metadata.DeletionGracePeriodSeconds = Codecs.Int64.Read(value, context); break;
                case "finalizers": metadata.Finalizers = value.IsNull ? null : [.. Codecs.StringList.Read(value, context)]; break;
                case "ownerReferences": metadata.OwnerReferences = ReadList(value, context, ReadOwnerReference); break;
                case "managedFields": metadata.ManagedFields = ReadList(value, context, ReadManagedFieldsEntry); break;
                case "selfLink": metadata.SelfLink = Codecs.String.Read(value, context); break;
                default: known = false; break;
            }

            context.Pop();
            if (!known)
            {
                context.UnknownField(key, "metadata", Names);
            }
        }
    }

    /// <summary>Writes a resource's metadata without making its <see cref="IstioResource.Metadata"/> when it has only the four fields kept apart.</summary>
    public static void Write(StructuredWriter writer, IstioResource resource)
    {
        if (resource.FullMetadata is { } metadata)
        {
            Write(writer, metadata);
            return;
        }

        var (name, @namespace, labels, annotations) = (resource.MetadataName, resource.MetadataNamespace, resource.MetadataLabels, resource.MetadataAnnotations);
        if (name is null && @namespace is null && labels is not { Count: > 0 } && annotations is not { Count: > 0 })
        {
            writer.EmptyMapping();
            return;
        }

        writer.BeginMapping();
        WriteString(writer, "name", name);
        WriteString(writer, "namespace", @namespace);
        WriteMap(writer, "labels", labels);
        WriteMap(writer, "annotations", annotations);
        writer.EndMapping();
    }

    public static void Write(StructuredWriter writer, V1ObjectMeta metadata)
    {
        if (!HasAnyField(metadata))
        {
            writer.EmptyMapping();
            return;
        }

        writer.BeginMapping();
        WriteString(writer, "name", metadata.Name);
        WriteString(writer, "generateName", metadata.GenerateName);
        WriteString(writer, "namespace", metadata.NamespaceProperty);
        WriteMap(writer, "labels", metadata.Labels);
        WriteMap(writer, "annotations", metadata.Annotations);
        WriteString(writer, "uid", metadata.Uid);
        WriteString(writer, "resourceVersion", metadata.ResourceVersion);
        WriteInteger(writer, "generation", metadata.Generation);
        WriteTime(writer, "creationTimestamp", metadata.CreationTimestamp);
        WriteTime(writer, "deletionTimestamp", metadata.DeletionTimestamp);
        WriteInteger(writer, "deletionGracePeriodSeconds", metadata.DeletionGracePeriodSeconds);
        if (metadata.Finalizers is { Count: > 0 } finalizers)
        {
            writer.FieldKey("finalizers");
            writer.BeginSequence();
            foreach (var finalizer in finalizers)
            {
                writer.String(finalizer);
            }

            writer.EndSequence();
        }

        if (metadata.OwnerReferences is { Count: > 0 } owners)
        {
            writer.FieldKey("ownerReferences");
            writer.BeginSequence();
            foreach (var owner in owners)
            {
                WriteOwnerReference(writer, owner);
            }

            writer.EndSequence();
        }

        if (metadata.ManagedFields is { Count: > 0 } managedFields)
        {
            writer.FieldKey("managedFields");
            writer.BeginSequence();
            foreach (var entry in managedFields)
            {
                WriteManagedFieldsEntry(writer, entry);
            }

            writer.EndSequence();
        }

        WriteString(writer, "selfLink", metadata.SelfLink);
        writer.EndMapping();
    }

    private static bool HasAnyField(V1ObjectMeta m)
        => m.Name is not null || m.GenerateName is not null || m.NamespaceProperty is not null || m.Labels is { Count: > 0 }
            || m.Annotations is { Count: > 0 } || HasServerFields(m) || m.Finalizers is { Count: > 0 } || m.OwnerReferences is { Count: > 0 };

    /// <summary>Whether any field the API server sets is there (what <see cref="ServerFields"/> strips).</summary>
    public static bool HasServerFields(V1ObjectMeta m)
        => m.Uid is not null || m.ResourceVersion is not null || m.Generation is not null || m.CreationTimestamp is not null
            || m.DeletionTimestamp is not null || m.DeletionGracePeriodSeconds is not null || m.ManagedFields is { Count: > 0 } || m.SelfLink is not null;

    /// <summary>Whether the fields after name, generateName, namespace, labels and annotations are the same.</summary>
    /// <remarks>A null ObjectMeta is one without any of them (a resource whose metadata is only the four fields kept apart).</remarks>
    public static bool OtherFieldsEqual(V1ObjectMeta? x, V1ObjectMeta? y)
    {
        x ??= Empty;
        y ??= Empty;

        return x.Uid == y.Uid && x.ResourceVersion == y.ResourceVersion && x.Generation == y.Generation
            && x.CreationTimestamp == y.CreationTimestamp && x.DeletionTimestamp == y.DeletionTimestamp
            && x.DeletionGracePeriodSeconds == y.DeletionGracePeriodSeconds && x.SelfLink == y.SelfLink
            && (x.Finalizers ?? []).SequenceEqual(y.Finalizers ?? [])
            && SameList(x.OwnerReferences, y.OwnerReferences, (a, b) => a.ApiVersion == b.ApiVersion && a.Kind == b.Kind && a.Name == b.Name
                && a.Uid == b.Uid && a.Controller == b.Controller && a.BlockOwnerDeletion == b.BlockOwnerDeletion)
            && SameList(x.ManagedFields, y.ManagedFields, (a, b) => a.Manager == b.Manager && a.Operation == b.Operation && a.ApiVersion == b.ApiVersion
                && a.Time == b.Time && a.FieldsType == b.FieldsType && a.Subresource == b.Subresource
                && FreeFormValues.AreEqual(FreeFormValues.From(a.FieldsV1), FreeFormValues.From(b.FieldsV1)));
    }

    private static bool SameList<T>(IList<T>? x, IList<T>? y, Func<T, T, bool> same)
    {
        var (left, right) = (x ?? [], y ?? []);
        return left.Count == right.Count && left.Zip(right).All(pair => same(pair.First, pair.Second));
    }

    private static List<T>? ReadList<T>(YamlNode node, ReadContext context, Func<YamlNode, ReadContext, T?> readItem)
        where T : class
    {
        if (node.IsNull)
        {
            return null;
        }

        if (!node.IsSequence)
        {
            context.ExpectedButGot(node, "a list");
            return null;
        }

        var list = new List<T>();
        var i = 0;
        foreach (var item in node.Items)
        {
            context.PushIndex(i++);
            if (readItem(item, context) is { } value)
            {
                list.Add(value);
            }

            context.Pop();
        }

        return list;
    }

    private static V1OwnerReference? ReadOwnerReference(YamlNode node, ReadContext context)
    {
        if (!IsMapping(node, context))
        {
            return null;
        }

        var owner = new V1OwnerReference();
        foreach (var (key, value) in node.Entries)
        {
            var known = true;
            context.PushField(key.Value);
            switch (key.Text)
            {
                case "apiVersion": owner.ApiVersion = Codecs.String.Read(value, context); break;
                case "kind": owner.Kind = Codecs.String.Read(value, context); break;
                case "name": owner.Name = Codecs.String.Read(value, context); break;
                case "uid": owner.Uid = Codecs.String.Read(value, context); break;
                case "controller": owner.Controller = Codecs.Bool.Read(value, context); break;
                case "blockOwnerDeletion": owner.BlockOwnerDeletion = Codecs.Bool.Read(value, context); break;
                default: known = false; break;
            }

            context.Pop();
            if (!known)
            {
                context.UnknownField(key, "ownerReferences", OwnerReferenceFields);
            }
        }

        return owner;
    }

    private static V1ManagedFieldsEntry? ReadManagedFieldsEntry(YamlNode node, ReadContext context)
    {
        if (!IsMapping(node, context))
        {
            return null;
        }

        var entry = new V1ManagedFieldsEntry();
        foreach (var (key, value) in node.Entries)
        {
            var known = true;
            context.PushField(key.Value);
            switch (key.Text)
            {
                case "manager": entry.Manager = Codecs.String.Read(value, context); break;
                case "operation": entry.Operation = Codecs.String.Read(value, context); break;
                case "apiVersion": entry.ApiVersion = Codecs.String.Read(value, context); break;
                case "time": entry.Time = ReadTime(value, context); break;
                case "fieldsType": entry.FieldsType = Codecs.String.Read(value, context); break;
                case "fieldsV1": entry.FieldsV1 = FreeFormValues.Read(value, context); break;
                case "subresource": entry.Subresource = Codecs.String.Read(value, context); break;
                default: known = false; break;
            }

            context.Pop();
            if (!known)
            {
                context.UnknownField(key, "managedFields", ManagedFieldsEntryFields);
            }
        }

        return entry;
    }

    private static bool IsMapping(YamlNode node, ReadContext context)
    {
        if (node.IsMapping)
        {
            context.ReportDuplicateKeys(node, keysAreFields: true);
            return true;
        }

        context.ExpectedButGot(node, "a mapping");
        return false;
    }

    /// <summary>An RFC 3339 time as the API server writes it (<c>2024-05-01T10:00:00Z</c>), as a UTC <see cref="DateTime"/>.</summary>
    private static DateTime? ReadTime(YamlNode node, ReadContext context)
    {
        if (node.IsNull)
        {
            return null; // kubectl create --dry-run writes creationTimestamp: null
        }

        if (node.IsScalar && DateTimeOffset.TryParseExact(node.Value, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time.UtcDateTime;
        }

        context.ExpectedButGot(node, "a time such as 2024-05-01T10:00:00Z");
        return null;
    }

    /// <summary>Formats a time as the API server does: UTC, <c>Z</c>, fractions of a second only when there are any.</summary>
    public static string FormatTime(DateTime time)
    {
        var utc = time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time;
        return utc.ToString(utc.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
    }

    private static void WriteOwnerReference(StructuredWriter writer, V1OwnerReference owner)
    {
        writer.BeginMapping();
        WriteString(writer, "apiVersion", owner.ApiVersion);
        WriteString(writer, "kind", owner.Kind);
        WriteString(writer, "name", owner.Name);
        WriteString(writer, "uid", owner.Uid);
        WriteBoolean(writer, "controller", owner.Controller);
        WriteBoolean(writer, "blockOwnerDeletion", owner.BlockOwnerDeletion);
        writer.EndMapping();
    }

    private static void WriteManagedFieldsEntry(StructuredWriter writer, V1ManagedFieldsEntry entry)
    {
        var fields = FreeFormValues.From(entry.FieldsV1);
        if (entry.Manager is null && entry.Operation is null && entry.ApiVersion is null && entry.Time is null && entry.FieldsType is null
            && !FreeFormValues.IsSet(fields) && entry.Subresource is null)
        {
            writer.EmptyMapping();
            return;
        }

        writer.BeginMapping();
        WriteString(writer, "apiVersion", entry.ApiVersion);
        WriteString(writer, "fieldsType", entry.FieldsType);
        if (FreeFormValues.IsSet(fields))
        {
            writer.FieldKey("fieldsV1");
            FreeFormValues.Write(writer, fields!);
        }

        WriteString(writer, "manager", entry.Manager);
        WriteString(writer, "operation", entry.Operation);
        WriteString(writer, "subresource", entry.Subresource);
        WriteTime(writer, "time", entry.Time);
        writer.EndMapping();
    }

    private static void WriteString(StructuredWriter writer, string key, string? value)
    {
        if (value is not null)
        {
            writer.FieldKey(key);
            writer.String(value);
        }
    }

    private static void WriteInteger(StructuredWriter writer, string key, long? value)
    {
        if (value is { } number)
        {
            writer.FieldKey(key);
            writer.Integer(number);
        }
    }

    private static void WriteBoolean(StructuredWriter writer, string key, bool? value)
    {
        if (value is { } flag)
        {
            writer.FieldKey(key);
            writer.Boolean(flag);
        }
    }

    private static void WriteTime(StructuredWriter writer, string key, DateTime? value)
    {
        if (value is { } time)
        {
            writer.FieldKey(key);
            writer.String(FormatTime(time));
        }
    }

    private static void WriteMap(StructuredWriter writer, string key, IDictionary<string, string>? map)
    {
        if (map is not { Count: > 0 })
        {
            return;
        }

        writer.FieldKey(key);
        writer.BeginMapping();
        foreach (var (k, v) in map)
        {
            writer.Key(k);
            writer.String(v);
        }

        writer.EndMapping();
    }
}
