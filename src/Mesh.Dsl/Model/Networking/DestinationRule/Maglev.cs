using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>The Maglev hash algorithm of a consistent hash (Istio message <c>ConsistentHashLB.MagLev</c>).</summary>
public sealed class Maglev
{
    internal static readonly MessageSchema<Maglev> Schema = new MessageSchema<Maglev>("MagLev", () => new())
        .Field("tableSize", x => x.TableSize, (x, v) => x.TableSize = v, Codecs.Int64);

    /// <summary>The lookup table size: a prime below 5000011; default 65537. Larger tables move less traffic when hosts change.</summary>
    public long? TableSize { get; set; }
}
