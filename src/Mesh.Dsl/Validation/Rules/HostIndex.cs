using System.Runtime.InteropServices;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>
/// Items keyed by host, found in O(labels) per lookup: exact names in one dictionary, wildcards
/// (<c>*.example.com</c>) by their suffix in another, so no check scans all resources. Lookups
/// allocate nothing: the items of a host are a <see cref="Bucket"/> value and <see cref="Covering"/>
/// enumerates with a struct, looking suffixes up as spans of the host.
/// </summary>
internal sealed class HostIndex<T>
    where T : class
{
    private readonly Dictionary<string, Bucket> _exact = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Bucket> _wildcardBySuffix = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Bucket>.AlternateLookup<ReadOnlySpan<char>> _wildcardBySpan;

    public HostIndex() => _wildcardBySpan = _wildcardBySuffix.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Makes room for <paramref name="hosts"/> exact hosts, so the lookup does not grow step by step.</summary>
    public void EnsureCapacity(int hosts) => _exact.EnsureCapacity(hosts);

    public void Add(string host, T item)
    {
        var (map, key) = host.StartsWith('*') ? (_wildcardBySuffix, host[1..]) : (_exact, host);
        CollectionsMarshal.GetValueRefOrAddDefault(map, key, out _).Add(item);
    }

    /// <summary>The items with exactly this host string.</summary>
    public Bucket Exact(string host)
        => host.StartsWith('*') ? Wildcard(host.AsSpan(1)) : _exact.GetValueOrDefault(host);

    /// <summary>Whether any item's host covers <paramref name="host"/> (the first item of <see cref="Covering"/>).</summary>
    public bool Covers(string host) => Covering(host).MoveNext();

    /// <summary>
    /// The items whose host covers <paramref name="host"/>: the same name, then the wildcards it falls under
    /// from the most specific to <c>*</c>. For <c>foreach</c>.
    /// </summary>
    public CoveringEnumerator Covering(string host) => new(this, host);

    private Bucket Wildcard(ReadOnlySpan<char> suffix) => _wildcardBySpan.TryGetValue(suffix, out var bucket) ? bucket : default;

    /// <summary>
    /// The items of one host, in the order added: the item itself (most hosts have one), or a list of them. One
    /// reference, so each host costs its dictionary entry 24 bytes (a large mesh indexes hundreds of thousands).
    /// </summary>
    public struct Bucket
    {
        private object? _items;

        public readonly int Count => _items switch
        {
            null => 0,
            Several several => several.Count,
            _ => 1,
        };

        public readonly T this[int index] => _items is Several several ? several[index] : index == 0 ? (T)_items! : throw new ArgumentOutOfRangeException(nameof(index));

        public void Add(T item)
        {
            switch (_items)
            {
                case null:
                    _items = item;
                    break;
                case Several several:
                    several.Add(item);
                    break;
                default:
                    _items = new Several { (T)_items, item };
                    break;
            }
        }
    }

    /// <summary>The items of a host that has more than one: a type of its own, so it is never taken for an item.</summary>
    private sealed class Several : List<T>;

    /// <summary>Enumerates the buckets of <see cref="Covering"/> in turn: the host's own, each wildcard suffix, then <c>*</c>.</summary>
    public struct CoveringEnumerator(HostIndex<T> index, string host)
    {
        private Bucket _bucket;
        private int _item;
        private int _stage;

        // Where the next wildcard suffix starts in the host: for a.b.com (or *.b.com) at ".b.com", then ".com".
        private int _dot;

        public T Current { get; private set; } = null!;

        public readonly CoveringEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            while (_item >= _bucket.Count)
            {
                if (!NextBucket())
                {
                    return false;
                }
            }

            Current = _bucket[_item++];
            return true;
        }

        private bool NextBucket()
        {
            _item = 0;
            var wildcard = host.StartsWith('*');
            switch (_stage)
            {
                case 0:
                    // The same host: an exact name, or a wildcard's own suffix.
                    _bucket = wildcard ? index.Wildcard(host.AsSpan(1)) : index._exact.GetValueOrDefault(host);
                    var start = wildcard ? 2 : 0;
                    _dot = start < host.Length ? host.IndexOf('.', start) : -1;
                    _stage = index._wildcardBySuffix.Count == 0 ? 3 : 1;
                    return true;
                case 1 when _dot >= 0:
                    // The wildcards the host falls under, from the most specific.
                    _bucket = index.Wildcard(host.AsSpan(_dot));
                    _dot = host.IndexOf('.', _dot + 1);
                    return true;
                case 1:
                    // '*' (stored under the empty suffix) covers every host but itself, which the first stage found.
                    _stage = 3;
                    _bucket = host == "*" ? default : index.Wildcard(default);
                    return true;
                default:
                    return false;
            }
        }
    }
}
