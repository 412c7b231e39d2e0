using System.CommandLine;
using Mesh.Dsl.IO;
using Mesh.Dsl.Model;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Cli.Commands;

/// <summary>
/// <c>mesh fmt [--out DIR | --write] PATH...</c>: reads Istio YAML strictly and writes it back in
/// canonical form, to stdout, into a folder, or in place.
/// </summary>
internal sealed class FmtCommand
{
    private const string Description =
        "Rewrite Istio YAML files in canonical form: Istio's field order, block style, comments dropped, " +
        "each document's apiVersion kept. Output goes to stdout unless --out or --write is given; " +
        "a file that fails to load is reported as file:line:col and left alone while the others are still written.";

    private readonly CliConsole _console;
    private readonly FileSystem _fileSystem;
    private readonly string? _outDirectory;
    private readonly bool _inPlace;
    private FmtOutput? _output;
    private bool _wroteToStdout;
    private bool _failed;

    private FmtCommand(CliConsole console, FileSystem fileSystem, string? outDirectory, bool inPlace)
    {
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

        var command = new Command("fmt", Description) { paths, outDirectory, write };
        command.Validators.Add(result =>
        {
            if (result.GetResult(outDirectory) is not null && result.GetValue(write))
            {
                result.AddError("--out and --write cannot be used together: --out writes copies into a folder, --write rewrites the files themselves.");
            }
        });
        command.SetAction(parseResult =>
            new FmtCommand(console, fileSystem, parseResult.GetValue(outDirectory), parseResult.GetValue(write)).Run(parseResult.GetRequiredValue(paths)));
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

        try
        {
            var result = MeshYaml.TryReadFile(file.Path, _fileSystem);
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors)
                {
                    _console.Error.WriteLine(error);
                }

                Fail($"{file.Path}: not formatted: {result.Errors.Count} error{(result.Errors.Count == 1 ? "" : "s")}");
            }
            else if (result.Resources.Count == 0)
            {
                // Only comments or "---": nothing to format, and writing nothing would empty the file.
                if (_outDirectory is not null)
                {
                    WriteFile(file, _output!.ReadAsItIs(file));
                }
            }
            else if (_outDirectory is not null || _inPlace)
            {
                using var buffer = new MemoryStream();
                MeshYaml.Write(buffer, result.Resources);
                WriteFile(file, buffer.ToArray());
            }
            else
            {
                WriteToStdout(result.Resources);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Fail($"{file.Path}: {FileFinder.Reason(e)}");
        }
    }

    private void WriteFile(FoundFile file, byte[] bytes)
    {
        if (_output!.Write(file, bytes) is { } failure)
        {
            Fail(failure);
        }
    }

    private void WriteToStdout(IReadOnlyList<IstioResource> resources)
    {
        if (resources.Count == 0)
        {
            return;
        }

        if (_wroteToStdout)
        {
            _console.Out.Write("---\n");
        }

        MeshYaml.Write(_console.Out, resources);
        _wroteToStdout = true;
    }

    private void Fail(string message)
    {
        _console.Error.WriteLine($"mesh fmt: {message}");
        _failed = true;
    }
}
