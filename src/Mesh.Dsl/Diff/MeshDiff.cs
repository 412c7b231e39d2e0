using System.Text;
using Mesh.Dsl.Model;

namespace Mesh.Dsl.Diff;

/// <summary>
/// Compares two renderings of a mesh by meaning, not by text: resources are matched by kind, namespace
/// and name, and compared field by field through the model's field tables, so field order, formatting,
/// comments, quoting, document order and the spelling of the API version (v1, v1beta1, v1alpha3 of
/// one kind are the same resource) make no difference, while list order does (it does in Istio). For a
/// config repository's tests: "this change only touched the reviews route".
/// </summary>
public static class MeshDiff
{
    /// <summary>Lists the resources added, removed and changed from <paramref name="oldResources"/> to <paramref name="newResources"/>.</summary>
    /// <param name="oldResources">The old rendering, e.g. read with <c>MeshYaml.ReadFile</c>.</param>
    /// <param name="newResources">The new rendering, e.g. <see cref="IstioMesh.Resources"/>.</param>
    /// <returns>The changes, ordered by kind, namespace and name; empty when both mean the same. When one side lists a resource twice, the later one counts, as it would in a cluster.</returns>
    public static IReadOnlyList<ResourceChange> Compare(IEnumerable<IstioResource> oldResources, IEnumerable<IstioResource> newResources)
    {
        ArgumentNullException.ThrowIfNull(oldResources);
        ArgumentNullException.ThrowIfNull(newResources);
        var olds = ByIdentity(oldResources, nameof(oldResources));
        var news = ByIdentity(newResources, nameof(newResources));
        var changes = new List<ResourceChange>();
        foreach (var (identity, old) in olds)
        {
            if (!news.TryGetValue(identity, out var @new))
            {
                changes.Add(new ResourceChange(ResourceChangeKind.Removed, old.Kind, old.MetadataNamespace, old.MetadataName, []) { Old = old });
                continue;
            }

            var fields = Compare(old, @new);
            if (fields.Count > 0)
            {
                changes.Add(new ResourceChange(ResourceChangeKind.Changed, @new.Kind, @new.MetadataNamespace, @new.MetadataName, fields) { Old = old, New = @new });
            }
        }

        foreach (var (identity, @new) in news)
        {
            if (!olds.ContainsKey(identity))
            {
                changes.Add(new ResourceChange(ResourceChangeKind.Added, @new.Kind, @new.MetadataNamespace, @new.MetadataName, []) { New = @new });
            }
        }

        changes.Sort((a, b) => CompareIdentity(a, b));
        return changes;
    }

    /// <summary>Lists the fields that differ between two versions of one resource (its identity is not checked).</summary>
    /// <param name="oldResource">The old version.</param>
    /// <param name="newResource">The new version.</param>
    /// <returns>The fields that differ, in field order; empty when both mean the same.</returns>
    /// <exception cref="ArgumentException">When the two are of different kinds.</exception>
    public static IReadOnlyList<FieldChange> Compare(IstioResource oldResource, IstioResource newResource)
    {
        ArgumentNullException.ThrowIfNull(oldResource);
        ArgumentNullException.ThrowIfNull(newResource);
        if (oldResource.Definition != newResource.Definition)
        {
            throw new ArgumentException($"A {oldResource.Kind} cannot be compared with a {newResource.Kind}.", nameof(newResource));
        }

        var old = ValueTreeWriter.Build(oldResource);
        var @new = ValueTreeWriter.Build(newResource);

        // Every served version of a kind is the same resource to the API server: the version is not a change.
        old.Entries.RemoveAll(e => e.Key == "apiVersion");
        @new.Entries.RemoveAll(e => e.Key == "apiVersion");
        var changes = new List<FieldChange>();
        CompareNodes(old, @new, new StringBuilder(), changes);
        return changes;
    }

    private static Dictionary<(ResourceKind Kind, string Namespace, string? Name), IstioResource> ByIdentity(IEnumerable<IstioResource> resources, string parameter)
    {
        var result = new Dictionary<(ResourceKind, string, string?), IstioResource>();
        foreach (var resource in resources)
        {
            ArgumentNullException.ThrowIfNull(resource, parameter);
            result[(resource.Definition, resource.MetadataNamespace ?? string.Empty, resource.MetadataName)] = resource;
        }

        return result;
    }

    private static int CompareIdentity(ResourceChange a, ResourceChange b)
    {
        var byKind = string.CompareOrdinal(a.Kind, b.Kind);
        if (byKind != 0)
        {
            return byKind;
        }

        var byNamespace = string.CompareOrdinal(a.Namespace ?? string.Empty, b.Namespace ?? string.Empty);
        return byNamespace != 0 ? byNamespace : string.CompareOrdinal(a.Name, b.Name);
    }

    private static void CompareNodes(ValueNode? old, ValueNode? @new, StringBuilder path, List<FieldChange> changes)
    {
        if (old is null || @new is null || old.Kind != @new.Kind || old.Kind == ValueNodeKind.Scalar)
        {
            if (old is null || @new is null || !old.SameAs(@new))
            {
                changes.Add(new FieldChange(path.ToString(), old?.ToString(), @new?.ToString()));
            }

            return;
        }

        if (old.Kind == ValueNodeKind.Mapping)
        {
            CompareMappings(old, @new, path, changes);
        }
        else
        {
            CompareSequences(old, @new, path, changes);
        }
    }

    /// <summary>Keys in the new order (the canonical field order for messages), then the keys that are gone.</summary>
    private static void CompareMappings(ValueNode old, ValueNode @new, StringBuilder path, List<FieldChange> changes)
    {
        foreach (var (key, value) in @new.Entries)
        {
            var length = AppendKey(path, key);
            CompareNodes(old.Get(key), value, path, changes);
            path.Length = length;
        }

        foreach (var (key, value) in old.Entries)
        {
            if (@new.Get(key) is null)
            {
                var length = AppendKey(path, key);
                CompareNodes(value, null, path, changes);
                path.Length = length;
            }
        }
    }

    /// <summary>
    /// Elements that are the same on both sides are matched first (a longest common subsequence), so a
    /// route inserted at the top shows as one addition rather than every later route changed; between
    /// matched elements, old and new ones are paired in order and compared field by field, and the rest
    /// are added or removed.
    /// </summary>
    private static void CompareSequences(ValueNode old, ValueNode @new, StringBuilder path, List<FieldChange> changes)
    {
        var matches = CommonElements(old.Items, @new.Items);
        var (i, j) = (0, 0);
        foreach (var (matchOld, matchNew) in matches.Append((old.Items.Count, @new.Items.Count)))
        {
            while (i < matchOld && j < matchNew)
            {
                CompareElement(old.Items[i++], @new.Items[j], j++, path, changes);
            }

            for (; i < matchOld; i++)
            {
                CompareElement(old.Items[i], null, i, path, changes);
            }

            for (; j < matchNew; j++)
            {
                CompareElement(null, @new.Items[j], j, path, changes);
            }

            (i, j) = (matchOld + 1, matchNew + 1);
        }
    }

    private static void CompareElement(ValueNode? old, ValueNode? @new, int index, StringBuilder path, List<FieldChange> changes)
    {
        var length = path.Length;
        path.Append('[').Append(index).Append(']');
        CompareNodes(old, @new, path, changes);
        path.Length = length;
    }

    /// <summary>The index pairs of a longest common subsequence of equal elements, in order.</summary>
    private static List<(int Old, int New)> CommonElements(List<ValueNode> old, List<ValueNode> @new)
    {
        var (n, m) = (old.Count, @new.Count);
        var pairs = new List<(int, int)>();

        // A table of n*m lengths: lists in Istio resources are short, but a pathological pair is not worth a
        // quadratic table; it is then compared position by position.
        if ((long)n * m > 4_000_000)
        {
            return pairs;
        }

        var lengths = new int[n + 1, m + 1];
        for (var a = n - 1; a >= 0; a--)
        {
            for (var b = m - 1; b >= 0; b--)
            {
                lengths[a, b] = old[a].SameAs(@new[b]) ? lengths[a + 1, b + 1] + 1 : Math.Max(lengths[a + 1, b], lengths[a, b + 1]);
            }
        }

        var (x, y) = (0, 0);
        while (x < n && y < m)
        {
            if (old[x].SameAs(@new[y]))
            {
                pairs.Add((x++, y++));
            }
            else if (lengths[x + 1, y] >= lengths[x, y + 1])
            {
                x++;
            }
            else
            {
                y++;
            }
        }

        return pairs;
    }

    private static int AppendKey(StringBuilder path, string key)
    {
        var length = path.Length;
        if (IsIdentifier(key))
        {
            if (path.Length > 0)
            {
                path.Append('.');
            }

            path.Append(key);
        }
        else
        {
            path.Append("[\"").Append(key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\"]");
        }

        return length;
    }

    private static bool IsIdentifier(string key)
        => key.Length > 0 && (char.IsAsciiLetter(key[0]) || key[0] == '_') && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
