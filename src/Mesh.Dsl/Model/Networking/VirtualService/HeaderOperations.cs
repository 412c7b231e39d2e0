using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>Headers to set, append and remove (Istio message <c>Headers.HeaderOperations</c>).</summary>
public sealed class HeaderOperations
{
    internal static readonly MessageSchema<HeaderOperations> Schema = new MessageSchema<HeaderOperations>("HeaderOperations", () => new())
        .Field("set", x => x._set!, (x, v) => x.Set = v, Codecs.StringMap)
        .Field("add", x => x._add!, (x, v) => x.Add = v, Codecs.StringMap)
        .Field("remove", x => x._remove!, (x, v) => x.Remove = v, Codecs.StringList);

    private OrderedDictionary<string, string>? _set;

    /// <summary>Headers to overwrite with the given values.</summary>
    public OrderedDictionary<string, string> Set { get => _set ??= new(); set => _set = value; }

    private OrderedDictionary<string, string>? _add;

    /// <summary>Values to append to headers (making comma-separated lists).</summary>
    public OrderedDictionary<string, string> Add { get => _add ??= new(); set => _add = value; }

    private List<string>? _remove;

    /// <summary>Headers to remove.</summary>
    public List<string> Remove { get => _remove ??= new(); set => _remove = value; }
}
