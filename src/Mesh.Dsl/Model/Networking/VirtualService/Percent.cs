using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>A percentage from 0.0 to 100.0 (Istio message <c>Percent</c>).</summary>
public sealed class Percent
{
    internal static readonly MessageSchema<Percent> Schema = new MessageSchema<Percent>("Percent", () => new())
        .Field("value", x => x.Value, (x, v) => x.Value = v, Codecs.Double);

    /// <summary>The percentage, 0.0 to 100.0 (<c>0.1</c> is one request in a thousand).</summary>
    public double? Value { get; set; }
}
