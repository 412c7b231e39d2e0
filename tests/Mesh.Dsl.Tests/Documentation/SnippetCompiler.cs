using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Mesh.Dsl.Tests.Documentation;

/// <summary>
/// Compiles a code block as a consumer's console program would be compiled: top-level statements, the
/// .NET SDK's implicit usings, nullable on, against the framework and Mesh.Dsl with its dependencies only
/// (not the test project's packages).
/// </summary>
internal static class SnippetCompiler
{
    /// <summary>The usings a project with <c>&lt;ImplicitUsings&gt;enable&lt;/ImplicitUsings&gt;</c> gets.</summary>
    public const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    private static readonly Lazy<IReadOnlyList<string>> LibraryClosure = new(FindLibraryClosure);

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
    {
        var runtime = RuntimeEnvironment.GetRuntimeDirectory();
        var framework = Directory.GetFiles(runtime, "*.dll").Where(IsManagedAssembly);
        return framework.Concat(LibraryClosure.Value).Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToList();
    });

    /// <summary>The files of Mesh.Dsl and the packages it depends on, as the test run loaded them.</summary>
    public static IReadOnlyList<string> LibraryFiles => LibraryClosure.Value;

    /// <summary>Compiles the code; returns the errors (empty on success) and, on success, the assembly's bytes.</summary>
    public static (IReadOnlyList<string> Errors, byte[]? Assembly) Compile(string code, string name)
    {
        var options = new CSharpParseOptions(LanguageVersion.Preview);
        var compilation = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText(ImplicitUsings, options, "ImplicitUsings.cs"), CSharpSyntaxTree.ParseText(code, options, "README.md")],
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        return (errors, result.Success ? stream.ToArray() : null);
    }

    private static IReadOnlyList<string> FindLibraryClosure()
    {
        var runtime = Path.GetFullPath(RuntimeEnvironment.GetRuntimeDirectory());
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([typeof(IstioMesh).Assembly]);
        while (pending.TryPop(out var assembly))
        {
            if (assembly.Location.Length == 0 || Path.GetFullPath(assembly.Location).StartsWith(runtime, StringComparison.Ordinal) || !found.Add(assembly.Location))
            {
                continue;
            }

            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                pending.Push(Assembly.Load(reference));
            }
        }

        return [.. found];
    }

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
