namespace Mesh.Dsl.Validation.Rules;

/// <summary>
/// Items keyed by host, found in O(labels) per lookup: exact names in one dictionary, wildcards
/// (<c>*.example.com</c>) by their suffix in another, so no check scans all resources.
/// </summary>
internal sealed class HostIndex<T>
{
    private readonly Dictionary<string, List<T>> _exact = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<T>> _wildcardBySuffix = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Makes room for <paramref name="hosts"/> exact hosts, so the lookup does not grow step by step.</summary>
    public void EnsureCapacity(int hosts) => _exact.EnsureCapacity(hosts);

    public void Add(string host, T item)
    {
        var (map, key) = host.StartsWith('*') ? (_wildcardBySuffix, host[1..]) : (_exact, host);
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = new List<T>();
        }

        list.Add(item);
    }

    /// <summary>The items with exactly this host string.</summary>
    public IReadOnlyList<T> Exact(string host)
    {
        var (map, key) = host.StartsWith('*') ? (_wildcardBySuffix, host[1..]) : (_exact, host);
        return map.TryGetValue(key, out var list) ? list : [];
    }

    /// <summary>Whether any item's host covers <paramref name="host"/> (as <see cref="Covering"/> but without enumerating).</summary>
    public bool Covers(string host)
    {
        var wildcard = host.StartsWith('*');
        if (!wildcard && _exact.TryGetValue(host, out var exact) && exact.Count > 0)
        {
            return true;
        }

        if (_wildcardBySuffix.Count == 0)
        {
            return false;
        }

        using var items = Covering(host).GetEnumerator();
        return items.MoveNext();
    }

    /// <summary>The items whose host covers <paramref name="host"/>: the same name, or a wildcard it falls under.</summary>
    public IEnumerable<T> Covering(string host)
    {
        if (!host.StartsWith('*') && _exact.TryGetValue(host, out var exact))
        {
            foreach (var item in exact)
            {
                yield return item;
            }
        }

        // Wildcard suffixes of the host: for a.b.com (or *.b.com) these are ".b.com", ".com" and "" ('*').
        var name = host.StartsWith('*') ? host[1..] : host;
        if (host.StartsWith('*') && _wildcardBySuffix.TryGetValue(name, out var same))
        {
            foreach (var item in same)
            {
                yield return item;
            }
        }

        var start = host.StartsWith('*') ? 1 : 0;
        for (var dot = start < name.Length ? name.IndexOf('.', start) : -1; dot >= 0; dot = name.IndexOf('.', dot + 1))
        {
            if (_wildcardBySuffix.TryGetValue(name[dot..], out var wild))
            {
                foreach (var item in wild)
                {
                    yield return item;
                }
            }
        }

        if (_wildcardBySuffix.TryGetValue(string.Empty, out var all) && host != "*")
        {
            foreach (var item in all)
            {
                yield return item;
            }
        }
    }

    /// <summary>The items whose host matches <paramref name="host"/> in either direction (Istio's symmetric <c>Matches</c>).</summary>
    public IEnumerable<T> Matching(string host)
    {
        foreach (var item in Covering(host))
        {
            yield return item;
        }

        if (!host.StartsWith('*'))
        {
            yield break;
        }

        // A wildcard query also matches every more specific name below it; walk the stored keys with that suffix.
        var suffix = host[1..];
        foreach (var (key, list) in _exact)
        {
            if (key.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                foreach (var item in list)
                {
                    yield return item;
                }
            }
        }

        foreach (var (key, list) in _wildcardBySuffix)
        {
            if (key.Length > suffix.Length && key.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                foreach (var item in list)
                {
                    yield return item;
                }
            }
        }
    }
}
