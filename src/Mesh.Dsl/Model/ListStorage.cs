namespace Mesh.Dsl.Model;

/// <summary>
/// How the model keeps a repeated field: null (never set), a <see cref="List{T}"/> (set by a program, or read with
/// several items), or a <see cref="OneItem{T}"/> (read with one item). Most lists of a real configuration hold one
/// item (one host, one match, one route destination), and a one-item <see cref="List{T}"/> is two objects, 64 bytes;
/// a <see cref="OneItem{T}"/> is one of 24. The public property still gives a <see cref="List{T}"/>: reading it turns
/// the one item into one, once. The library's own code reads through the generated <c>...OrEmpty</c> accessors, which
/// never do.
/// </summary>
internal static class ListStorage
{
    /// <summary>The field as the <see cref="List{T}"/> the public property gives: made (empty, or from the one item) and kept on first use.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="field">The field.</param>
    /// <returns>The list, the same one on every call until the field is set again.</returns>
    public static List<T> Get<T>(ref IReadOnlyList<T>? field)
    {
        while (true)
        {
            var current = field;
            if (current is List<T> list)
            {
                return list;
            }

            var made = current is null ? new List<T>() : new List<T>(current);

            // Two threads reading the property at once keep one list between them.
            if (ReferenceEquals(Interlocked.CompareExchange(ref field, made, current), current))
            {
                return made;
            }
        }
    }

    /// <summary>What System.Text.Json writes and reads for the field: null when unset or empty (Istio's JSON leaves them out).</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="field">The field.</param>
    /// <returns>The items as a list, or null.</returns>
    public static List<T>? ForJson<T>(IReadOnlyList<T>? field)
        => field switch
        {
            null or { Count: 0 } => null,
            List<T> list => list,
            _ => new List<T>(field),
        };
}
