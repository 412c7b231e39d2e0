using System.CommandLine;
using System.Text.Json;
using Mesh.Dsl.IO;
using Mesh.Dsl.Validation;

namespace Mesh.Dsl.Cli.Commands;

/// <summary>
/// <c>mesh validate [--format text|json|sarif] [--suppress CODE=Kind name.namespace]... [--fail-on LEVEL] PATH...</c>:
/// loads every file as one mesh, runs the field rules, the cross-resource checks and the security advice,
/// and prints the diagnostics that no suppression silences.
/// </summary>
internal static class ValidateCommand
{
    private const string Description =
        "Check Istio YAML the way Istio would: field rules (CRD, CEL, istiod webhook), cross-resource checks " +
        "(istioctl analyze) and security advice. All files are loaded as ONE mesh; a file that fails to load is " +
        "reported as an error and the others are still checked. A resource annotated " +
        "galley.istio.io/analyze-suppress: \"CODE,CODE\" (or \"*\") is not reported for those codes. " +
        "Exit codes: 0 nothing at or above the --fail-on level, 1 something is, 2 wrong command line.";

    /// <summary>Builds the <c>validate</c> command.</summary>
    /// <param name="console">Where diagnostics (stdout) and failures (stderr) go, and what <c>-</c> reads.</param>
    /// <param name="fileSystem">The file system it finds and reads files through.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliConsole console, FileSystem fileSystem)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "A YAML or JSON file, a folder (every *.yaml, *.yml and *.json file below it), or - for standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "text (file:line:col: severity CODE Kind namespace/name path: message), json (an array of objects) " +
                          "or sarif (SARIF 2.1.0, for code-scanning views such as GitHub's).",
            DefaultValueFactory = _ => "text",
            HelpName = "text|json|sarif",
        };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var suppress = new Option<string[]>("--suppress", "-S")
        {
            Description = "Do not report a code on the resources that match, as istioctl analyze --suppress: " +
                          "CODE=Kind name.namespace, * matching any characters (e.g. \"IST0107=Pod *.testing\"). Repeatable.",
            HelpName = "CODE=Kind name.namespace",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var failOn = new Option<string>("--fail-on")
        {
            Description = "The lowest severity that makes the exit code 1: error (default), warning or info.",
            DefaultValueFactory = _ => "error",
            HelpName = "error|warning|info",
        };
        failOn.AcceptOnlyFromAmong("error", "warning", "info");

        var command = new Command("validate", Description) { paths, format, suppress, failOn };
        command.Validators.Add(result =>
        {
            foreach (var text in result.GetValue(suppress) ?? [])
            {
                if (!DiagnosticSuppression.TryParse(text, out _, out var error))
                {
                    result.AddError($"--suppress: {error}");
                }
            }
        });
        command.SetAction(parseResult =>
        {
            var suppressions = (parseResult.GetValue(suppress) ?? []).Select(DiagnosticSuppression.Parse).ToList();
            foreach (var unknown in suppressions.Where(s => DiagnosticCodes.Describe(s.Code) is null))
            {
                // As istioctl: a code no diagnostic has is worth a warning, not a failure.
                console.Error.WriteLine($"mesh validate: warning: --suppress {unknown.Code}: no diagnostic has this code, so it suppresses nothing");
            }

            var options = new ValidateOptions(parseResult.GetValue(format) ?? "text", suppressions, ParseSeverity(parseResult.GetValue(failOn) ?? "error"));
            return Run(parseResult.GetRequiredValue(paths), options, console, fileSystem);
        });
        return command;
    }

    /// <summary>Validates the files and writes the diagnostics.</summary>
    /// <param name="paths">Files, folders, or <c>-</c>.</param>
    /// <param name="options">Format, suppressions and failure level.</param>
    /// <param name="console">Where to write, and what <c>-</c> reads.</param>
    /// <param name="fileSystem">The file system to find and read the files through.</param>
    /// <returns>1 when any diagnostic left is at least as severe as <see cref="ValidateOptions.FailOn"/>, else 0.</returns>
    public static int Run(IEnumerable<string> paths, ValidateOptions options, CliConsole console, FileSystem fileSystem)
    {
        var validator = new MeshValidator { ReadKubernetesObjects = true, Suppressions = options.Suppressions, AfterReading = MemoryAfterReading.Release };
        var diagnostics = validator.ValidateFiles(paths, fileSystem, console.In);
        switch (options.Format)
        {
            case "json":
                WriteJson(diagnostics, console.Out);
                break;
            case "sarif":
                SarifLog.Write(diagnostics, console.Out);
                break;
            default:
                foreach (var diagnostic in diagnostics)
                {
                    console.Out.Write(diagnostic.ToString());
                    console.Out.Write('\n');
                }

                break;
        }

        // Error < Warning < Info: a diagnostic fails the run when it is at least as severe as the level.
        return diagnostics.Any(d => d.Severity <= options.FailOn) ? ExitCodes.Failure : ExitCodes.Success;
    }

    private static DiagnosticSeverity ParseSeverity(string level) => level switch
    {
        "warning" => DiagnosticSeverity.Warning,
        "info" => DiagnosticSeverity.Info,
        _ => DiagnosticSeverity.Error,
    };

    private static void WriteJson(IReadOnlyList<Diagnostic> diagnostics, TextWriter output)
    {
        // Passed on a diagnostic at a time: written whole and then copied, thousands of diagnostics made
        // several copies of a text of megabytes. Each flush ends after a whole token, so each piece decodes alone.
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            json.WriteStartArray();
            foreach (var d in diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("severity", Diagnostic.SeverityName(d.Severity));
                json.WriteString("code", d.Code);
                json.WriteString("kind", d.Kind);
                WriteNullable(json, "namespace", d.Namespace);
                WriteNullable(json, "name", d.Name);
                json.WriteString("path", d.Path);
                json.WriteString("message", d.Message);
                WriteNullable(json, "file", d.File);
                WriteNullable(json, "line", d.Line);
                WriteNullable(json, "column", d.Column);
                json.WriteEndObject();
                CopyOut(json, buffer, output);
            }

            json.WriteEndArray();
            CopyOut(json, buffer, output);
        }

        output.Write('\n');
    }

    private static void CopyOut(Utf8JsonWriter json, MemoryStream buffer, TextWriter output)
    {
        json.Flush();
        output.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        buffer.SetLength(0);
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
