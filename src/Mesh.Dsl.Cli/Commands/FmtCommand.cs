using System.CommandLine;
using Mesh.Dsl.IO;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Cli.Commands;

/// <summary>
/// <c>mesh fmt [--out DIR | --write] PATH...</c>: reads Istio YAML strictly and writes it back in
/// canonical form, to stdout, into a folder, or in place.
/// </summary>
internal sealed class FmtCommand
{
    private const string Description =
        "Rewrite the Istio documents of YAML files in canonical form: Istio's field order, block style, " +
        "comments kept beside the fields they annotate, each document's apiVersion kept; every other document (Deployments, ConfigMaps, ...) stays exactly as it was, in its place. " +
        "Output goes to stdout unless --out or --write is given; files are replaced whole (a temporary file renamed over them); " +
        "a file that fails to load is reported as file:line:col and left alone while the others are still written.";

    private readonly CliConsole _console;
    private readonly FileSystem _fileSystem;
    private readonly string? _outDirectory;
    private readonly bool _inPlace;
    private readonly bool _stripServerFields;
    private FmtOutput? _output;
    private bool _wroteToStdout;

    // The last characters written to stdout: a file whose output ends with a "---" line needs no separator after it.
    private string _stdoutTail = string.Empty;
    private bool _failed;

    private FmtCommand(CliConsole console, FileSystem fileSystem, string? outDirectory, bool inPlace, bool stripServerFields)
    {
        _stripServerFields = stripServerFields;
        _console = console;
        _fileSystem = fileSystem;
        _outDirectory = outDirectory;
        _inPlace = inPlace;
    }

    /// <summary>Builds the <c>fmt</c> command.</summary>
    /// <param name="console">Where the command writes.</param>
    /// <param name="fileSystem">The file system it finds, reads and writes files through.</param>
    /// <returns>The command, to add to the root command.</returns>
    public static Command Create(CliConsole console, FileSystem fileSystem)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "A YAML file, or a folder: every *.yaml and *.yml file below it (*.json and other files are skipped).",
            Arity = ArgumentArity.OneOrMore,
        };
        var outDirectory = new Option<string>("--out", "-o")
        {
            Description = "Write the formatted files into DIR instead of stdout, at their path below the folder PATH given " +
                          "(fmt --out out in/ writes out/a/b.yaml for in/a/b.yaml); a file PATH is written as DIR/<file name>.",
            HelpName = "DIR",
        };
        var write = new Option<bool>("--write", "-w")
        {
            Description = "Rewrite each file in place; a file already in canonical form is not touched.",
        };

        var strip = new Option<bool>("--strip-server-fields")
        {
            Description = "Remove what the API server adds (metadata.uid, resourceVersion, generation, creationTimestamp, " +
                          "deletionTimestamp, managedFields, selfLink, the kubectl last-applied-configuration annotation, status) " +
                          "from every document of the files, Istio's and the others, as kubectl-neat does.",
        };

        var command = new Command("fmt", Description) { paths, outDirectory, write, strip };
        command.Validators.Add(result =>
        {
            if (result.GetResult(outDirectory) is not null && result.GetValue(write))
            {
                result.AddError("--out and --write cannot be used together: --out writes copies into a folder, --write rewrites the files themselves.");
            }
        });
        command.SetAction(parseResult =>
            new FmtCommand(console, fileSystem, parseResult.GetValue(outDirectory), parseResult.GetValue(write), parseResult.GetValue(strip)).Run(parseResult.GetRequiredValue(paths)));
        return command;
    }

    private int Run(IEnumerable<string> paths)
    {
        // Every file is listed before anything is written, so an --out folder inside an input folder is not read back.
        var search = FileFinder.Find(paths, FileFinder.IsYaml, _fileSystem);
        foreach (var problem in search.Problems)
        {
            _console.Error.WriteLine($"mesh fmt: {problem}");
            _failed |= problem.IsError;
        }

        _output = new FmtOutput(_fileSystem, search, _outDirectory);
        foreach (var file in search.Files)
        {
            Format(file);
        }

        return _failed ? ExitCodes.Failure : ExitCodes.Success;
    }

    private void Format(FoundFile file)
    {
        // Only a file named explicitly can get here; rewriting JSON as YAML would change the file's format.
        if (file.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            Fail($"{file.Path}: not formatted: fmt writes YAML; give *.yaml or *.yml files");
            return;
        }

        if (_inPlace && _output!.RefusalToWriteInPlace(file) is { } refusal)
        {
            _console.Error.WriteLine($"mesh fmt: {file.Path}: {refusal}");
            return;
        }

        // Formatted into a temporary file first: nothing of a file with an error is written anywhere, and memory
        // stays small whatever the file's size (the formatter streams).
        var formatted = Path.GetTempFileName();
        try
        {
            if (!FormatInto(file, formatted))
            {
                return;
            }

            if (_outDirectory is not null || _inPlace)
            {
                // A file that holds only comments or "---" comes out as it was, so --write leaves it alone.
                if (_output!.Write(file, formatted) is { } failure)
                {
                    Fail(failure);
                }
            }
            else
            {
                WriteToStdout(formatted);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Fail($"{file.Path}: {FileFinder.Reason(e)}");
        }
        finally
        {
            File.Delete(formatted);
        }
    }

    /// <summary>Formats a file into the file <paramref name="target"/>; reports the errors and returns false when there are any.</summary>
    private bool FormatInto(FoundFile file, string target)
    {
        IReadOnlyList<ReadError> errors;
        try
        {
            using var input = ManifestFiles.OpenText(file.Path, _fileSystem);
            using var output = new StreamWriter(target, append: false, MeshYaml.Utf8, bufferSize: 1 << 16) { NewLine = "\n" };
            errors = MeshYaml.Format(input, output, file.Path, _stripServerFields);
        }
        catch (MeshReadException e)
        {
            errors = e.Errors; // bytes that are not text: one error with its position
        }

        if (errors.Count == 0)
        {
            return true;
        }

        foreach (var error in errors)
        {
            _console.Error.WriteLine(error);
        }

        Fail($"{file.Path}: not formatted: {errors.Count} error{(errors.Count == 1 ? "" : "s")}");
        return false;
    }

    private void WriteToStdout(string formatted)
    {
        using var reader = new StreamReader(formatted, MeshYaml.Utf8);
        var buffer = new char[1 << 16];
        var first = true;
        var last = '\n';
        for (int read; (read = reader.Read(buffer, 0, buffer.Length)) > 0;)
        {
            if (first && _wroteToStdout && !(_stdoutTail == "---\n" || _stdoutTail.EndsWith("\n---\n", StringComparison.Ordinal)))
            {
                _console.Out.Write("---\n");
            }

            first = false;
            _console.Out.Write(buffer, 0, read);
            last = buffer[read - 1];
            var tail = _stdoutTail + new string(buffer, Math.Max(0, read - 5), Math.Min(read, 5));
            _stdoutTail = tail[Math.Max(0, tail.Length - 5)..];
            _wroteToStdout = true;
        }

        if (!first && last != '\n')
        {
            _console.Out.Write('\n');
            _stdoutTail = "\n";
        }
    }

    private void Fail(string message)
    {
        _console.Error.WriteLine($"mesh fmt: {message}");
        _failed = true;
    }
}
