namespace Mesh.Dsl.Schema;

/// <summary>
/// Gives the wire spelling of an enum member when it is not the member name in UPPER_SNAKE_CASE
/// (<c>Tls1_2</c> is written <c>TLSV1_2</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Field)]
internal sealed class IstioNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
