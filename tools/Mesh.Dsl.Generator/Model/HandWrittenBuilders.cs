using System.Text.RegularExpressions;

namespace Mesh.Dsl.Generator.Model;

/// <summary>
/// What the hand-written builders (src/Mesh.Dsl/Builders, outside Generated) already have: which builder class
/// serves which message, and the member names each builder and its base classes declare. Generated plain setters
/// fill in the fields those builders do not reach, under names they do not use, so the conveniences stay on top.
/// </summary>
internal sealed partial class HandWrittenBuilders
{
    private readonly Dictionary<string, (string Base, string[] TypeArguments)> _classes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _members = new(StringComparer.Ordinal);

    public HandWrittenBuilders(string buildersFolder, string generatedFolder)
    {
        var generated = Path.GetFullPath(generatedFolder) + Path.DirectorySeparatorChar;
        foreach (var file in Directory.EnumerateFiles(buildersFolder, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (Path.GetFullPath(file).StartsWith(generated, StringComparison.Ordinal))
            {
                continue;
            }

            var text = File.ReadAllText(file);
            foreach (Match declaration in ClassDeclaration().Matches(text))
            {
                var name = declaration.Groups["name"].Value;
                var arguments = declaration.Groups["args"].Success
                    ? declaration.Groups["args"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    : [];
                _classes[name] = (declaration.Groups["base"].Value, arguments);
                _members[name] = Member().Matches(text).Select(m => m.Groups["member"].Value).ToHashSet(StringComparer.Ordinal);
            }
        }
    }

    public bool Exists(string className) => _classes.ContainsKey(className);

    public bool IsResourceBuilder(string className) => _classes.TryGetValue(className, out var declaration) && declaration.Base == "ResourceBuilder";

    /// <summary>The hand-written builder class of a message (by its C# name), or null.</summary>
    public string? BuilderOf(string messageName)
    {
        foreach (var (name, (baseName, arguments)) in _classes)
        {
            var target = baseName == "ResourceBuilder" ? arguments.ElementAtOrDefault(2) : arguments.ElementAtOrDefault(1);
            if (target == messageName && arguments.FirstOrDefault() == name)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>True when the builder or one of its hand-written base classes declares a member of that name.</summary>
    public bool Declares(string builder, string member)
    {
        for (var current = builder; current is not null && _classes.TryGetValue(current, out var declaration); current = declaration.Base)
        {
            if (_members[current].Contains(member))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"(?:public|internal) (?:sealed |abstract |static )?(?:partial )?class (?<name>\w+)(?:<[^>]*>)?(?: : (?<base>\w+)(?:<(?<args>[^>{]*)>)?)?", RegexOptions.CultureInvariant)]
    private static partial Regex ClassDeclaration();

    [GeneratedRegex(@"(?:public|protected|private protected) (?:static )?(?:abstract |virtual |override )?[\w<>.,?\[\] ]+? (?<member>\w+)(?:<[^>()]*>)?\s*(?:\(|\{|=>)", RegexOptions.CultureInvariant)]
    private static partial Regex Member();
}
