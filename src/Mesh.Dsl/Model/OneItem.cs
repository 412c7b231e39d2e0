using System.Collections;

namespace Mesh.Dsl.Model;

/// <summary>A read-only list of exactly one item: what the reader keeps for a repeated field read with one item (see <see cref="ListStorage"/>).</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="item">The item.</param>
internal sealed class OneItem<T>(T item) : IReadOnlyList<T>
{
    public int Count => 1;

    public T this[int index] => index == 0 ? item : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<T> GetEnumerator()
    {
        yield return item;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
