using System.Collections;

namespace Mesh.Dsl.Model;

/// <summary>
/// The items of a repeated field as the library's own code reads them (the generated <c>...OrEmpty</c> accessors):
/// none, a <see cref="List{T}"/>, or the reader's <see cref="OneItem{T}"/>, without making the public property's list.
/// A struct with a struct enumerator, so a <c>foreach</c> over it allocates nothing whichever it holds (one over an
/// <see cref="IReadOnlyList{T}"/> allocates its enumerator); passed as an <see cref="IReadOnlyList{T}"/>, it is boxed.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="items">The field's value; null for none.</param>
internal readonly struct Items<T>(IReadOnlyList<T>? items) : IReadOnlyList<T>
{
    private readonly IReadOnlyList<T>? _items = items;

    public int Count => _items?.Count ?? 0;

    public T this[int index] => _items is { } items ? items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>A list's items (helpers that take <see cref="Items{T}"/> also take lists).</summary>
    public static implicit operator Items<T>(List<T>? list) => new(list);

    /// <summary>An array's items.</summary>
    public static implicit operator Items<T>(T[]? array) => new(array);

    public Enumerator GetEnumerator() => new(_items);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => (_items ?? []).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<T>)this).GetEnumerator();

    /// <summary>Enumerates by index.</summary>
    public struct Enumerator
    {
        private readonly IReadOnlyList<T>? _items;
        private readonly int _count;
        private int _index;

        internal Enumerator(IReadOnlyList<T>? items)
        {
            _items = items;
            _count = items?.Count ?? 0;
            _index = -1;
        }

        public readonly T Current => _items![_index];

        public bool MoveNext() => ++_index < _count;
    }
}
