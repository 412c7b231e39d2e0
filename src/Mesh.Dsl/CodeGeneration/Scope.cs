namespace Mesh.Dsl.CodeGeneration;

/// <summary>The names in use where code is generated: lambda parameters and variables never shadow one another.</summary>
internal sealed class Scope
{
    private readonly HashSet<string> _names;

    public Scope(IEnumerable<string> names) => _names = new HashSet<string>(names, StringComparer.Ordinal);

    private Scope(HashSet<string> names) => _names = new HashSet<string>(names, StringComparer.Ordinal);

    /// <summary>A name based on <paramref name="wanted"/> that is not in use, now taken in this scope.</summary>
    public string Take(string wanted)
    {
        var name = wanted;
        for (var i = 2; !_names.Add(name); i++)
        {
            name = wanted + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }

    /// <summary>A nested scope: names taken in it are not seen here.</summary>
    public Scope Nested() => new(_names);
}
