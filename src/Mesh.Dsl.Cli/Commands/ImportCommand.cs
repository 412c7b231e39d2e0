using System.CommandLine;
using Mesh.Dsl.CodeGeneration;
using Mesh.Dsl.IO;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Cli.Commands;

/// <summary>
/// <c>mesh import [--out DIR] [--reference PATH/Mesh.Dsl.csproj] PATH...</c>: turns Istio YAML into a
/// C# program built with Mesh.Dsl that writes the same YAML.
/// </summary>
internal sealed class ImportCommand
{
    private const string Description =
        "Turn Istio YAML into C# built with Mesh.Dsl's builders and recipes. Without --out the C# goes to stdout; " +
        "with --out DIR a console project is written (a .csproj, Program.cs, one .cs per file) whose " +
        "`dotnet run -- --out OUT` writes OUT/<path of each file below the folder given>, byte for byte what mesh fmt writes. " +
        "Documents of other kinds are named in a comment and on stderr.";

    private readonly CliConsole _console;
    private readonly FileSystem _fileSystem;
    private bool _failed;

    private ImportCommand(CliConsole console, FileSystem fileSystem)
    {
        _console = console;
        _fileSystem = fileSystem;
    }

    /// <summary>Builds the <c>import</c> command.</summary>
    /// <param name="console">Where the command writes.</param>
    /// <param name="fileSystem">The file system it finds and reads files through.</param>
    /// <returns>The command, to add to the root command.</returns>
    public static Command Create(CliConsole console, FileSystem fileSystem)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "A YAML file, or a folder: every *.yaml and *.yml file below it.",
            Arity = ArgumentArity.OneOrMore,
        };
        var outDirectory = new Option<string>("--out", "-o")
        {
            Description = "Write a console project into DIR instead of the C# to stdout.",
            HelpName = "DIR",
        };
        var reference = new Option<string>("--reference")
        {
            Description = "Reference this Mesh.Dsl.csproj from the project (a ProjectReference) instead of the Mesh.Dsl package of this tool's version.",
            HelpName = "PATH/Mesh.Dsl.csproj",
        };
        var command = new Command("import", Description) { paths, outDirectory, reference };
        command.SetAction(parseResult => new ImportCommand(console, fileSystem).Run(
            parseResult.GetRequiredValue(paths), parseResult.GetValue(outDirectory), parseResult.GetValue(reference)));
        return command;
    }

    private int Run(IEnumerable<string> paths, string? outDirectory, string? reference)
    {
        if (reference is not null && !File.Exists(reference))
        {
            Fail($"--reference {reference}: no such file");
            return ExitCodes.UsageError;
        }

        var search = FileFinder.Find(paths, FileFinder.IsYaml, _fileSystem);
        foreach (var problem in search.Problems)
        {
            _console.Error.WriteLine($"mesh import: {problem}");
            _failed |= problem.IsError;
        }

        var inputs = new List<MeshCodeInput>();
        foreach (var file in search.Files)
        {
            if (Read(file) is { } input)
            {
                inputs.Add(input);
            }
        }

        if (outDirectory is null)
        {
            WriteToStdout(inputs);
        }
        else if (inputs.Count > 0)
        {
            WriteProject(inputs, outDirectory, reference);
        }

        return _failed ? ExitCodes.Failure : ExitCodes.Success;
    }

    private MeshCodeInput? Read(FoundFile file)
    {
        try
        {
            string text;
            try
            {
                using var reader = ManifestFiles.OpenText(file.Path, _fileSystem);
                text = reader.ReadToEnd();
            }
            catch (MeshReadException e)
            {
                // Bytes that are not text: one error with its position.
                foreach (var error in e.Errors)
                {
                    _console.Error.WriteLine(error);
                }

                Fail($"{file.Path}: not imported: {e.Errors.Count} error{(e.Errors.Count == 1 ? "" : "s")}");
                return null;
            }

            var read = ImportedDocuments.Read(text, file.Path);
            if (read.Errors.Count > 0)
            {
                foreach (var error in read.Errors)
                {
                    _console.Error.WriteLine(error);
                }

                Fail($"{file.Path}: not imported: {read.Errors.Count} error{(read.Errors.Count == 1 ? "" : "s")}");
                return null;
            }

            foreach (var other in read.Others)
            {
                _console.Error.WriteLine($"mesh import: {other}: not imported (not an Istio kind Mesh.Dsl models); kept only as a comment");
            }

            var duplicate = read.Resources.GroupBy(r => (r.Kind, r.Metadata?.NamespaceProperty, r.Metadata?.Name)).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                Fail($"{file.Path}: not imported: {duplicate.First()} is there twice, and one IstioMesh holds one resource of a kind, namespace and name");
                return null;
            }

            return new MeshCodeInput(file.RelativePath, read.Resources)
            {
                SourceText = text,
                Notes = read.Others.Select(o => $"Not imported (not an Istio kind Mesh.Dsl models): {o}").ToList(),
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Fail($"{file.Path}: {FileFinder.Reason(e)}");
            return null;
        }
    }

    private void WriteToStdout(List<MeshCodeInput> inputs)
    {
        var classNames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var baseName = ClassName(input.RelativePath);
            var className = baseName;
            for (var n = 2; !classNames.Add(className); n++)
            {
                className = baseName + n;
            }

            if (i > 0)
            {
                _console.Out.Write('\n');
            }

            string code;
            try
            {
                code = MeshCode.Write(input.Resources, new MeshCodeOptions
                {
                    ClassName = className,
                    SourceName = input.RelativePath.Replace('\\', '/'),
                    SourceText = input.SourceText,
                    Notes = input.Notes,
                });
            }
            catch (NotSupportedException e)
            {
                Fail($"{input.RelativePath}: not imported: {e.Message}");
                continue;
            }

            _console.Out.Write($"// {input.RelativePath.Replace('\\', '/')}\n");
            _console.Out.Write(code);
        }
    }

    private void WriteProject(List<MeshCodeInput> inputs, string outDirectory, string? reference)
    {
        var fullOut = Path.GetFullPath(outDirectory);
        var options = new MeshCodeProjectOptions
        {
            ProjectName = ClassName(Path.GetFileName(fullOut.TrimEnd(Path.DirectorySeparatorChar))),
            ProjectReference = reference is null ? null : Path.GetRelativePath(fullOut, Path.GetFullPath(reference)),
        };
        try
        {
            Directory.CreateDirectory(fullOut);
            foreach (var (name, text) in MeshCode.WriteProject(inputs, options))
            {
                File.WriteAllText(Path.Combine(fullOut, name), text, MeshYaml.Utf8);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Fail($"{outDirectory}: {e.Message}");
        }
        catch (NotSupportedException e)
        {
            Fail($"not written: {e.Message}");
        }
    }

    private static string ClassName(string path)
    {
        var name = Path.ChangeExtension(path, null) ?? path;
        var identifier = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ').ToArray());
        var pascal = string.Concat(identifier.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        return pascal.Length == 0 || char.IsAsciiDigit(pascal[0]) ? "Config" + pascal : pascal;
    }

    private void Fail(string message)
    {
        _console.Error.WriteLine($"mesh import: {message}");
        _failed = true;
    }
}
