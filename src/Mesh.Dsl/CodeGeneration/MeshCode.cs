using System.Reflection;
using System.Security;
using System.Text;
using Mesh.Dsl.Model;

namespace Mesh.Dsl.CodeGeneration;

/// <summary>
/// Writes C# that builds given Istio resources with Mesh.Dsl: builders and their shorthands, typed
/// references between the resources, recipes where one makes exactly the resources it replaces, and
/// the YAML's comments as C# comments. The program writes, byte for byte, the canonical YAML of the
/// resources (what <c>mesh fmt</c> writes). Used by <c>mesh import</c>.
/// </summary>
public static class MeshCode
{
    /// <summary>The version of this library, which a generated project references by default.</summary>
    public static string LibraryVersion { get; } =
        typeof(MeshCode).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(MeshCode).Assembly.GetName().Version!.ToString(3);

    /// <summary>
    /// Writes one C# file: a static class with <c>public static void AddTo(IstioMesh mesh)</c>, which
    /// adds <paramref name="resources"/> to the mesh in order.
    /// </summary>
    /// <param name="resources">The resources, in the order they are to be added (and written).</param>
    /// <param name="options">Names and the source's comments; defaults when null.</param>
    /// <returns>The C# text, with <c>\n</c> line endings.</returns>
    /// <exception cref="ArgumentException">Two resources have the same kind, namespace and name: one <see cref="IstioMesh"/> cannot hold both.</exception>
    /// <exception cref="NotSupportedException">A field holds a value of a type the code writer has no C# form for.</exception>
    [System.Diagnostics.CodeAnalysis.RequiresUnreferencedCode("MeshCode reflects over Mesh.Dsl's builders and model to choose the calls it writes.")]
    [System.Diagnostics.CodeAnalysis.RequiresDynamicCode("MeshCode reflects over Mesh.Dsl's builders and model to choose the calls it writes.")]
    public static string Write(IEnumerable<IstioResource> resources, MeshCodeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(resources);
        options ??= new MeshCodeOptions();
        var list = resources.ToList();
        var duplicate = list.GroupBy(r => (r.Kind, r.MetadataNamespace, r.MetadataName)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"{duplicate.First()} is there twice: one IstioMesh holds one resource of a kind, namespace and name.", nameof(resources));
        }

        var names = new TypeNames();
        var values = new ValueCode(names);
        var scope = new Scope(["mesh"]);
        var targets = new ReferenceTargets(scope);
        var resourceCode = new ResourceCode(values, targets, scope);
        var comments = CommentsByResource(list, options.SourceText);
        var statements = new List<(IstioResource? Resource, Code Code)>();
        foreach (var note in options.Notes)
        {
            statements.Add((null, new AtomCode(CommentedCode.Line(note))));
        }

        foreach (var (recipe, covered) in RecipeCalls.Find(list, values, scope))
        {
            if (recipe is not null)
            {
                var lines = covered.SelectMany(r => comments[r].TakeRest()).ToList();
                statements.Add((null, new CommentedCode(lines, recipe)));
                continue;
            }

            var resource = covered[0];
            statements.Add((resource, resourceCode.Statement(resource, comments[resource])));
            targets.Add(resource);
        }

        // Rendered twice: the first pass finds which resources the code refers to, which then get a variable.
        targets.Recording = true;
        Render(options, names, targets, statements);
        targets.Recording = false;
        return Render(options, names, targets, statements);
    }

    /// <summary>
    /// Writes a console project that builds <paramref name="inputs"/> and writes each input's YAML:
    /// <c>dotnet run -- --out DIR</c> writes <c>DIR/{RelativePath}</c>, the layout of <c>mesh fmt --out</c>.
    /// </summary>
    /// <param name="inputs">The files imported, one C# file each.</param>
    /// <param name="options">The project's name and how it references Mesh.Dsl.</param>
    /// <returns>The files of the project: relative path and text.</returns>
    /// <exception cref="NotSupportedException">An input holds a value with no C# form; the message names the input.</exception>
    [System.Diagnostics.CodeAnalysis.RequiresUnreferencedCode("MeshCode reflects over Mesh.Dsl's builders and model to choose the calls it writes.")]
    [System.Diagnostics.CodeAnalysis.RequiresDynamicCode("MeshCode reflects over Mesh.Dsl's builders and model to choose the calls it writes.")]
    public static IReadOnlyList<KeyValuePair<string, string>> WriteProject(IReadOnlyList<MeshCodeInput> inputs, MeshCodeProjectOptions options)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(options);
        var rootNamespace = CSharpLiterals.PascalIdentifier(options.ProjectName).TrimStart('_');
        var classNames = new Scope(["Program", "MeshConfiguration", rootNamespace]);
        var files = new List<KeyValuePair<string, string>>
        {
            new(rootNamespace + ".csproj", ProjectFile(rootNamespace, options)),
        };

        var program = new StringBuilder();
        program.Append("using System;\nusing System.IO;\nusing System.Linq;\nusing Mesh.Dsl;\nusing Mesh.Dsl.Serialization;\nusing ")
            .Append(rootNamespace).Append(";\n\n")
            .Append("// Writes each imported file's resources as canonical YAML to DIR/<the file's path below the folder imported>,\n")
            .Append("// the layout of `mesh fmt --out DIR`.\n")
            .Append("if (args is not [\"--out\", var outDirectory])\n{\n    Console.Error.WriteLine(\"usage: dotnet run -- --out DIR\");\n    return 2;\n}\n\n")
            .Append("var mesh = new IstioMesh();\n");
        var keys = new HashSet<(string, string?, string?)>();
        foreach (var input in inputs)
        {
            var className = classNames.Take(CSharpLiterals.PascalIdentifier(Path.ChangeExtension(input.RelativePath, null)));
            string code;
            try
            {
                code = Write(input.Resources, new MeshCodeOptions
                {
                    Namespace = rootNamespace,
                    ClassName = className,
                    SourceName = input.RelativePath.Replace('\\', '/'),
                    SourceText = input.SourceText,
                    Notes = input.Notes,
                });
            }
            catch (NotSupportedException e)
            {
                throw new NotSupportedException($"{input.RelativePath}: {e.Message}", e);
            }

            files.Add(new(className + ".cs", code));

            // One mesh holds one resource of a kind, namespace and name: files that repeat one (overlays per environment) start a new mesh.
            var fileKeys = input.Resources.Select(r => (r.Kind, r.MetadataNamespace, r.MetadataName)).ToList();
            if (fileKeys.Any(keys.Contains))
            {
                program.Append("mesh = new IstioMesh();\n");
                keys.Clear();
            }

            keys.UnionWith(fileKeys);
            program.Append("Write(").Append(className).Append(".AddTo, ").Append(CSharpLiterals.String(input.RelativePath.Replace('\\', '/'))).Append(");\n");
        }

        program.Append("return 0;\n\n")
            .Append("void Write(Action<IstioMesh> add, string relativePath)\n{\n")
            .Append("    var first = mesh.Resources.Count;\n")
            .Append("    add(mesh);\n")
            .Append("    var path = Path.GetFullPath(Path.Combine(outDirectory, relativePath));\n")
            .Append("    Directory.CreateDirectory(Path.GetDirectoryName(path)!);\n")
            .Append("    using var stream = File.Create(path);\n")
            .Append("    MeshYaml.Write(stream, mesh.Resources.Skip(first));\n")
            .Append("}\n");
        files.Add(new("Program.cs", program.ToString()));
        return files;
    }

    private static string ProjectFile(string name, MeshCodeProjectOptions options)
    {
        var reference = options.ProjectReference is { } path
            ? $"    <ProjectReference Include=\"{SecurityElement.Escape(path)}\" />\n"
            : $"    <PackageReference Include=\"Mesh.Dsl\" Version=\"{SecurityElement.Escape(options.PackageVersion)}\" />\n";
        return "<Project Sdk=\"Microsoft.NET.Sdk\">\n" +
               "  <PropertyGroup>\n" +
               "    <OutputType>Exe</OutputType>\n" +
               "    <TargetFramework>net10.0</TargetFramework>\n" +
               $"    <RootNamespace>{name}</RootNamespace>\n" +
               "    <Nullable>enable</Nullable>\n" +
               "    <ImplicitUsings>disable</ImplicitUsings>\n" +
               "    <!-- Written into another repository, the project keeps its own package versions. -->\n" +
               "    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>\n" +
               "  </PropertyGroup>\n" +
               "  <ItemGroup>\n" +
               reference +
               "  </ItemGroup>\n" +
               "</Project>\n";
    }

    private static Dictionary<IstioResource, ResourceComments> CommentsByResource(List<IstioResource> resources, string? text)
    {
        var result = new Dictionary<IstioResource, ResourceComments>(ReferenceEqualityComparer.Instance);
        var documents = text is null ? [] : YamlComments.Read(text);
        var byLine = new Dictionary<int, List<(string, string)>>();
        foreach (var (line, lines) in documents)
        {
            byLine.TryAdd(line, lines);
        }

        foreach (var resource in resources)
        {
            var lines = resource.Source is { } source && byLine.Remove(source.Position.Line, out var found) ? found : [];
            result[resource] = new ResourceComments(lines);
        }

        // Comments of documents that are no resource here (another kind) are not lost: they go to the last resource.
        if (resources.Count > 0)
        {
            var rest = byLine.OrderBy(e => e.Key).SelectMany(e => e.Value).ToList();
            if (rest.Count > 0)
            {
                result[resources[^1]] = new ResourceComments(result[resources[^1]].TakeRest().Select(l => (string.Empty, l)).Concat(rest));
            }
        }

        return result;
    }

    private static string Render(MeshCodeOptions options, TypeNames names, ReferenceTargets targets, List<(IstioResource? Resource, Code Code)> statements)
    {
        var body = new StringBuilder();
        foreach (var (resource, code) in statements)
        {
            body.Append("        ");
            var variable = resource is null ? null : targets.DeclaredVariable(resource);
            var statement = code;
            if (variable is not null)
            {
                // Comments go above the declaration, not between "var x =" and the call.
                statement = code is CommentedCode commented
                    ? new CommentedCode(commented.Comments, new PrefixedCode("var " + variable + " = ", commented.Inner))
                    : new PrefixedCode("var " + variable + " = ", code);
            }

            var isComment = resource is null && code is AtomCode;
            statement.Render(body, 8, 8);
            body.Append(isComment ? "\n" : ";\n");
        }

        var output = new StringBuilder();
        foreach (var ns in names.Namespaces)
        {
            output.Append("using ").Append(ns).Append(";\n");
        }

        var source = options.SourceName is null ? "the imported resources" : "<c>" + SecurityElement.Escape(options.SourceName) + "</c>";
        output.Append('\n')
            .Append("namespace ").Append(options.Namespace).Append(";\n\n")
            .Append("/// <summary>The Istio resources of ").Append(source).Append(", built with Mesh.Dsl.</summary>\n")
            .Append("internal static class ").Append(options.ClassName).Append("\n{\n")
            .Append("    /// <summary>Adds the resources of ").Append(source).Append(" to <paramref name=\"mesh\"/>, in the file's order.</summary>\n")
            .Append("    /// <param name=\"mesh\">The mesh to add to.</param>\n")
            .Append("    public static void AddTo(IstioMesh mesh)\n    {\n")
            .Append(body)
            .Append("    }\n}\n");
        return output.ToString();
    }
}
