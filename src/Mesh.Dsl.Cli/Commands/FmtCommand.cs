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
        "each document's apiVersion kept; every other document (Deployments, ConfigMaps, ...) stays exactly as it was, in its place. " +
        "Output goes to stdout unless --out or --write is given; files are replaced whole (a temporary file renamed over them); " +
        "a file that fails to load is reported as file:line:col and left alone while the others are still written.";

    private static readonly StringComparer PathComparer =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    private readonly CliConsole _console;
    private readonly string? _outDirectory;
    private readonly bool _inPlace;
    private readonly bool _stripServerFields;
    private readonly Dictionary<string, InputFile> _sourceByTarget = new(PathComparer);
    private bool _wroteToStdout;
    private bool _failed;

    private FmtCommand(CliConsole console, string? outDirectory, bool inPlace, bool stripServerFields)
    {
        _console = console;
        _outDirectory = outDirectory;
        _inPlace = inPlace;
        _stripServerFields = stripServerFields;
    }

    /// <summary>Builds the <c>fmt</c> command.</summary>
    /// <param name="console">Where the command writes.</param>
    /// <returns>The command, to add to the root command.</returns>
    public static Command Create(CliConsole console)
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
            new FmtCommand(console, parseResult.GetValue(outDirectory), parseResult.GetValue(write), parseResult.GetValue(strip)).Run(parseResult.GetRequiredValue(paths)));
        return command;
    }

    private int Run(IEnumerable<string> paths)
    {
        // Every file is listed before anything is written, so an --out folder inside an input folder is not read back.
        var files = new List<InputFile>();
        foreach (var path in paths)
        {
            var found = InputFile.ExpandYaml(path);
            if (found is null)
            {
                Fail($"{path}: no such file or directory");
            }
            else
            {
                files.AddRange(found);
            }
        }

        foreach (var file in files)
        {
            Format(file);
        }

        return _failed ? ExitCodes.Failure : ExitCodes.Success;
    }

    private void Format(InputFile file)
    {
        // Only a file named explicitly can get here; rewriting JSON as YAML would change the file's format.
        if (file.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            Fail($"{file.Path}: not formatted: fmt writes YAML; give *.yaml or *.yml files");
            return;
        }

        try
        {
            if (_outDirectory is not null)
            {
                WriteFile(file, Path.Combine(_outDirectory, file.RelativePath));
            }
            else if (_inPlace)
            {
                WriteFile(file, file.Path);
            }
            else
            {
                WriteToStdout(file);
            }
        }
        catch (NotFormattedException)
        {
            // reported where it was found
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Fail($"{file.Path}: {e.Message}");
        }
    }

    /// <summary>Formats a file into <paramref name="output"/>; reports the errors and throws <see cref="NotFormattedException"/> when there are any.</summary>
    private void FormatInto(InputFile file, Stream output)
    {
        IReadOnlyList<ReadError> errors;
        using (var input = ManifestFiles.OpenText(file.Path))
        using (var writer = new StreamWriter(output, MeshYaml.Utf8, bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\n" })
        {
            errors = MeshYaml.Format(input, writer, file.Path, _stripServerFields);
        }

        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                _console.Error.WriteLine(error);
            }

            Fail($"{file.Path}: not formatted: {errors.Count} error{(errors.Count == 1 ? "" : "s")}");
            throw new NotFormattedException();
        }
    }

    /// <summary>Thrown out of a write whose file had errors, so that nothing is written.</summary>
    private sealed class NotFormattedException : Exception;

    private void WriteToStdout(InputFile file)
    {
        // Formatted into a temporary file first: nothing of a file with an error reaches stdout, and memory stays small.
        var temporary = Path.GetTempFileName();
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Truncate, FileAccess.ReadWrite))
            {
                FormatInto(file, stream);
            }

            using var reader = new StreamReader(temporary, MeshYaml.Utf8);
            var buffer = new char[1 << 16];
            var first = true;
            var last = '\n';
            for (int read; (read = reader.Read(buffer, 0, buffer.Length)) > 0;)
            {
                if (first && _wroteToStdout)
                {
                    _console.Out.Write("---\n");
                }

                first = false;
                _console.Out.Write(buffer, 0, read);
                last = buffer[read - 1];
                _wroteToStdout = true;
            }

            if (!first && last != '\n')
            {
                _console.Out.Write('\n');
            }
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private void WriteFile(InputFile file, string target)
    {
        var fullTarget = Path.GetFullPath(target);
        if (_sourceByTarget.TryGetValue(fullTarget, out var earlier))
        {
            // The same file reached twice (a folder and a file in it) is formatted once.
            if (!PathComparer.Equals(Path.GetFullPath(earlier.Path), Path.GetFullPath(file.Path)))
            {
                Fail($"{file.Path}: not written: {target} already holds the output of {earlier.Path}");
            }

            return;
        }

        _sourceByTarget.Add(fullTarget, file);
        AtomicFile.Write(fullTarget, stream => FormatInto(file, stream));
    }

    private void Fail(string message)
    {
        _console.Error.WriteLine($"mesh fmt: {message}");
        _failed = true;
    }
}
