using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>Headers to set, append and remove (Istio message <c>Headers.HeaderOperations</c>).</summary>
public sealed class HeaderOperations
{
    internal static readonly MessageSchema<HeaderOperations> Schema = new MessageSchema<HeaderOperations>("HeaderOperations", () => new())
        .Field("set", x => x.Set, (x, v) => x.Set = v, Codecs.StringMap)
        .Field("add", x => x.Add, (x, v) => x.Add = v, Codecs.StringMap)
        .Field("remove", x => x.Remove, (x, v) => x.Remove = v, Codecs.StringList);

    /// <summary>Headers to overwrite with the given values.</summary>
    public OrderedDictionary<string, string> Set { get; set; } = new();

    /// <summary>Values to append to headers (making comma-separated lists).</summary>
    public OrderedDictionary<string, string> Add { get; set; } = new();

    /// <summary>Headers to remove.</summary>
    public List<string> Remove { get; set; } = new();
}
