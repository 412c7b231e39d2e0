namespace Mesh.Dsl.CodeGeneration;

/// <summary>
/// The comment lines of one YAML document, by the field path they stand above, handed out as the code
/// for each field is written. Every line is handed out once, and whatever no field takes goes above the
/// resource's statement, so no comment is lost.
/// </summary>
internal sealed class ResourceComments
{
    private readonly List<(string Path, string Line)> _lines;

    public ResourceComments(IEnumerable<(string Path, string Line)> lines) => _lines = lines.ToList();

    public static ResourceComments None => new([]);

    /// <summary>Takes the lines above <c>spec.{field}</c> and anything inside it.</summary>
    public IReadOnlyList<string> TakeSpecField(string field)
    {
        var prefix = "spec." + field;
        return Take(path => path == prefix || path.StartsWith(prefix + ".", StringComparison.Ordinal) || path.StartsWith(prefix + "[", StringComparison.Ordinal));
    }

    /// <summary>A copy to take lines from while a form of the code is tried; <see cref="Keep"/> makes its takings final.</summary>
    public ResourceComments Trial() => new(_lines);

    /// <summary>Keeps what <paramref name="trial"/> took.</summary>
    public void Keep(ResourceComments trial)
    {
        _lines.Clear();
        _lines.AddRange(trial._lines);
    }

    /// <summary>Takes every line not taken yet, in document order.</summary>
    public IReadOnlyList<string> TakeRest() => Take(_ => true);

    private List<string> Take(Func<string, bool> match)
    {
        var taken = new List<string>();
        _lines.RemoveAll(entry =>
        {
            if (!match(entry.Path))
            {
                return false;
            }

            taken.Add(entry.Line);
            return true;
        });
        return taken;
    }
}
