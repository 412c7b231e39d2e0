using System.CommandLine;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Cli.Commands;

/// <summary>
/// <c>mesh fmt [--out DIR | --write] PATH...</c>: reads Istio YAML strictly and writes it back in
/// canonical form, to stdout, into a folder, or in place.
/// </summary>
internal sealed class FmtCommand
{
    private const string Description =
        "Rewrite Istio YAML files in canonical form: Istio's field order, block style, comments kept beside their fields, " +
        "each document's apiVersion kept. Output goes to stdout unless --out or --write is given; " +
        "a file that fails to load is reported as file:line:col and left alone while the others are still written.";

    private static readonly StringComparer PathComparer =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    private readonly CliConsole _console;
    private readonly string? _outDirectory;
    private readonly bool _inPlace;
    private readonly Dictionary<string, InputFile> _sourceByTarget = new(PathComparer);
    private bool _wroteToStdout;
    private bool _failed;

    private FmtCommand(CliConsole console, string? outDirectory, bool inPlace)
    {
        _console = console;
        _outDirectory = outDirectory;
        _inPlace = inPlace;
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

        var command = new Command("fmt", Description) { paths, outDirectory, write };
        command.Validators.Add(result =>
        {
            if (result.GetResult(outDirectory) is not null && result.GetValue(write))
            {
                result.AddError("--out and --write cannot be used together: --out writes copies into a folder, --write rewrites the files themselves.");
            }
        });
        command.SetAction(parseResult =>
            new FmtCommand(console, parseResult.GetValue(outDirectory), parseResult.GetValue(write)).Run(parseResult.GetRequiredValue(paths)));
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
            // Formatting keeps the file's comments, each beside the field it annotates.
            if (_outDirectory is not null)
            {
                WriteFile(file, Path.Combine(_outDirectory, file.RelativePath), MeshYaml.FormatFile(file.Path));
            }
            else if (_inPlace)
            {
                WriteFile(file, file.Path, MeshYaml.FormatFile(file.Path));
            }
            else
            {
                // Streamed: a file's output is not held in memory. The "---" before it is written only if there is output.
                var output = new SeparatedWriter(_console.Out, _wroteToStdout ? "---\n" : null);
                MeshYaml.FormatFile(file.Path, output);
                _wroteToStdout |= output.Wrote;
            }
        }
        catch (MeshReadException e)
        {
            foreach (var error in e.Errors)
            {
                _console.Error.WriteLine(error);
            }

            Fail($"{file.Path}: not formatted: {e.Errors.Count} error{(e.Errors.Count == 1 ? "" : "s")}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Fail($"{file.Path}: {e.Message}");
        }
    }

    private void WriteFile(InputFile file, string target, string formatted)
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
        var bytes = MeshYaml.Utf8.GetBytes(formatted);
        if (File.Exists(fullTarget) && File.ReadAllBytes(fullTarget).AsSpan().SequenceEqual(bytes))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(fullTarget)!);
        File.WriteAllBytes(fullTarget, bytes);
    }

    private void Fail(string message)
    {
        _console.Error.WriteLine($"mesh fmt: {message}");
        _failed = true;
    }

    /// <summary>Writes <c>prefix</c> before the first text written to it, and nothing when nothing is.</summary>
    private sealed class SeparatedWriter(TextWriter inner, string? prefix) : TextWriter
    {
        public bool Wrote { get; private set; }

        public override System.Text.Encoding Encoding => inner.Encoding;

        public override void Write(char value)
        {
            Start();
            inner.Write(value);
        }

        public override void Write(string? value)
        {
            Start();
            inner.Write(value);
        }

        public override void Write(ReadOnlySpan<char> buffer)
        {
            Start();
            inner.Write(buffer);
        }

        public override void Write(char[] buffer, int index, int count)
        {
            Start();
            inner.Write(buffer, index, count);
        }

        private void Start()
        {
            if (!Wrote)
            {
                Wrote = true;
                if (prefix is not null)
                {
                    inner.Write(prefix);
                }
            }
        }
    }
}
