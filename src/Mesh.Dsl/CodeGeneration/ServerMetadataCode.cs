using k8s.Models;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.CodeGeneration;

/// <summary>
/// Typed C# for the ObjectMeta fields after name, generateName, namespace, labels and annotations: what the API
/// server adds (uid, resourceVersion, generation, timestamps, managedFields, selfLink) and finalizers and
/// ownerReferences. <c>kubectl get -o yaml</c> output and istioctl's test data hold them, and <c>mesh fmt</c> keeps
/// them, so a program made by <c>mesh import</c> must write them too.
/// </summary>
internal static class ServerMetadataCode
{
    /// <summary>Adds an initializer entry (<c>Uid = "..."</c>, ...) to <paramref name="items"/> for each such field that is set.</summary>
    /// <param name="items">The entries of the <c>V1ObjectMeta</c> initializer.</param>
    /// <param name="metadata">The metadata.</param>
    /// <param name="names">Where the namespaces the code uses are recorded.</param>
    public static void Add(List<Code> items, V1ObjectMeta metadata, TypeNames names)
    {
        AddString(items, "Uid", metadata.Uid);
        AddString(items, "ResourceVersion", metadata.ResourceVersion);
        AddInteger(items, "Generation", metadata.Generation);
        AddTime(items, "CreationTimestamp", metadata.CreationTimestamp, names);
        AddTime(items, "DeletionTimestamp", metadata.DeletionTimestamp, names);
        AddInteger(items, "DeletionGracePeriodSeconds", metadata.DeletionGracePeriodSeconds);
        if (metadata.Finalizers is { Count: > 0 } finalizers)
        {
            names.Use("System.Collections.Generic");
            items.Add(new PrefixedCode("Finalizers = ", ListCode.ObjectInitializer("new List<string>", finalizers.Select(f => Code.Text(CSharpLiterals.String(f))).ToList())));
        }

        if (metadata.OwnerReferences is { Count: > 0 } owners)
        {
            names.Use("System.Collections.Generic");
            names.Use("k8s.Models");
            items.Add(new PrefixedCode("OwnerReferences = ", ListCode.ObjectInitializer("new List<V1OwnerReference>", owners.Select(Owner).ToList())));
        }

        if (metadata.ManagedFields is { Count: > 0 } entries)
        {
            names.Use("System.Collections.Generic");
            names.Use("k8s.Models");
            items.Add(new PrefixedCode("ManagedFields = ", ListCode.ObjectInitializer("new List<V1ManagedFieldsEntry>", entries.Select(e => ManagedFields(e, names)).ToList())));
        }

        AddString(items, "SelfLink", metadata.SelfLink);
    }

    private static Code Owner(V1OwnerReference owner)
    {
        var items = new List<Code>();
        AddString(items, "ApiVersion", owner.ApiVersion);
        AddString(items, "Kind", owner.Kind);
        AddString(items, "Name", owner.Name);
        AddString(items, "Uid", owner.Uid);
        AddBoolean(items, "Controller", owner.Controller);
        AddBoolean(items, "BlockOwnerDeletion", owner.BlockOwnerDeletion);
        return ListCode.ObjectInitializer("new()", items);
    }

    private static Code ManagedFields(V1ManagedFieldsEntry entry, TypeNames names)
    {
        var items = new List<Code>();
        AddString(items, "Manager", entry.Manager);
        AddString(items, "Operation", entry.Operation);
        AddString(items, "ApiVersion", entry.ApiVersion);
        AddTime(items, "Time", entry.Time, names);
        AddString(items, "FieldsType", entry.FieldsType);
        if (FreeFormValues.From(entry.FieldsV1) is { } fields)
        {
            items.Add(new PrefixedCode("FieldsV1 = ", JsonNodeCode.Of(fields, names)));
        }

        AddString(items, "Subresource", entry.Subresource);
        return ListCode.ObjectInitializer("new()", items);
    }

    private static void AddString(List<Code> items, string property, string? value)
    {
        if (value is not null)
        {
            items.Add(new PrefixedCode(property + " = ", Code.Text(CSharpLiterals.String(value))));
        }
    }

    private static void AddInteger(List<Code> items, string property, long? value)
    {
        if (value is { } number)
        {
            items.Add(new PrefixedCode(property + " = ", Code.Text(CSharpLiterals.Integer(number))));
        }
    }

    private static void AddBoolean(List<Code> items, string property, bool? value)
    {
        if (value is { } flag)
        {
            items.Add(new PrefixedCode(property + " = ", Code.Text(flag ? "true" : "false")));
        }
    }

    // new DateTime(2025, 3, 4, 5, 6, 7, DateTimeKind.Utc), and .AddTicks(...) for a fraction of a second: the reader
    // holds these times as UTC, and the writer writes the fraction only when there is one.
    private static void AddTime(List<Code> items, string property, DateTime? value, TypeNames names)
    {
        if (value is not { } time)
        {
            return;
        }

        names.Use("System");
        var utc = time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time;
        var text = $"new DateTime({utc.Year}, {utc.Month}, {utc.Day}, {utc.Hour}, {utc.Minute}, {utc.Second}, DateTimeKind.Utc)";
        var fraction = utc.Ticks % TimeSpan.TicksPerSecond;
        items.Add(new PrefixedCode(property + " = ", Code.Text(fraction == 0 ? text : $"{text}.AddTicks({CSharpLiterals.Integer(fraction)})")));
    }
}
