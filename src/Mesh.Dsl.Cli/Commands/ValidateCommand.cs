using System.CommandLine;
using System.Text.Json;
using Mesh.Dsl.IO;
using Mesh.Dsl.Validation;

namespace Mesh.Dsl.Cli.Commands;

/// <summary>
/// <c>mesh validate [--format text|json] PATH...</c>: loads every file as one mesh, runs the field
/// rules, the cross-resource checks and the security advice, and prints the diagnostics.
/// </summary>
internal static class ValidateCommand
{
    private const string Description =
        "Check Istio YAML the way Istio would: field rules (CRD, CEL, istiod webhook), cross-resource checks " +
        "(istioctl analyze) and security advice. All files are loaded as ONE mesh; a file that fails to load is " +
        "reported as an error and the others are still checked. Exit code 1 when any error is found, else 0.";

    /// <summary>Builds the <c>validate</c> command.</summary>
    /// <param name="console">Where diagnostics (stdout) and failures (stderr) go.</param>
    /// <param name="fileSystem">The file system it finds and reads files through.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliConsole console, FileSystem fileSystem)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "A YAML or JSON file, or a folder: every *.yaml, *.yml and *.json file below it.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "text (file:line:col: severity CODE Kind namespace/name path: message) or json (an array of objects).",
            DefaultValueFactory = _ => "text",
            HelpName = "text|json",
        };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command("validate", Description) { paths, format };
        command.SetAction(parseResult => Run(parseResult.GetRequiredValue(paths), parseResult.GetValue(format) ?? "text", console.Out, fileSystem));
        return command;
    }

    /// <summary>Validates the files and writes the diagnostics.</summary>
    /// <param name="paths">Files or folders.</param>
    /// <param name="format"><c>text</c> or <c>json</c>.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="fileSystem">The file system to find and read the files through.</param>
    /// <returns>1 when any diagnostic is an error, else 0.</returns>
    public static int Run(IEnumerable<string> paths, string format, TextWriter output, FileSystem fileSystem)
    {
        var diagnostics = new MeshValidator { ReadKubernetesObjects = true }.ValidateFiles(paths, fileSystem);
        if (format == "json")
        {
            WriteJson(diagnostics, output);
        }
        else
        {
            foreach (var diagnostic in diagnostics)
            {
                output.Write(diagnostic.ToString());
                output.Write('\n');
            }
        }

        return diagnostics.Any(d => d.IsError) ? ExitCodes.Failure : ExitCodes.Success;
    }

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
