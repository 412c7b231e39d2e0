using System.CommandLine;
using System.Text.Json;
using Mesh.Dsl.Diff;
using Mesh.Dsl.IO;
using Mesh.Dsl.Model;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Cli.Commands;

/// <summary>
/// <c>mesh diff [--format text|json] OLD NEW</c>: compares two renderings (files, folders or <c>-</c>)
/// resource by resource and field by field with <see cref="MeshDiff"/>.
/// </summary>
internal static class DiffCommand
{
    private const string Description =
        "Compare two renderings of Istio configuration by meaning: resources are matched by kind, namespace and name; " +
        "field order, formatting, comments, document order and the API version of the same kind do not count. " +
        "Lists the resources added, removed and changed, and for each change the field path with its old and new value. " +
        "Exit codes: 0 the same, 1 different, 2 input that cannot be read or a wrong command line.";

    private const string Red = "\u001b[31m";
    private const string Green = "\u001b[32m";
    private const string Yellow = "\u001b[33m";
    private const string Reset = "\u001b[0m";

    /// <summary>Builds the <c>diff</c> command.</summary>
    /// <param name="console">Where the changes (stdout) and read errors (stderr) go, and what <c>-</c> reads.</param>
    /// <param name="fileSystem">The file system it finds and reads files through.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliConsole console, FileSystem fileSystem)
    {
        var oldPath = new Argument<string>("OLD") { Description = "The old rendering: a YAML or JSON file, a folder (every *.yaml, *.yml and *.json below it), or - for standard input." };
        var newPath = new Argument<string>("NEW") { Description = "The new rendering, in the same forms." };
        var format = new Option<string>("--format", "-f")
        {
            Description = "text (one line per resource, one indented line per field) or json " +
                          "(an array of {change, kind, namespace, name, path, old, new}; path, old and new are null for added and removed resources).",
            DefaultValueFactory = _ => "text",
            HelpName = "text|json",
        };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command("diff", Description) { oldPath, newPath, format };
        command.Validators.Add(result =>
        {
            if (result.GetValue(oldPath) == MeshInputs.StandardInputPath && result.GetValue(newPath) == MeshInputs.StandardInputPath)
            {
                result.AddError("OLD and NEW cannot both be - : standard input holds one rendering.");
            }
        });
        command.SetAction(parseResult => Run(parseResult.GetRequiredValue(oldPath), parseResult.GetRequiredValue(newPath), parseResult.GetValue(format) ?? "text", console, fileSystem));
        return command;
    }

    private static int Run(string oldPath, string newPath, string format, CliConsole console, FileSystem fileSystem)
    {
        var old = Load(oldPath, console, fileSystem);
        var @new = Load(newPath, console, fileSystem);
        if (old is null || @new is null)
        {
            return ExitCodes.UsageError;
        }

        var changes = MeshDiff.Compare(old, @new);
        if (format == "json")
        {
            WriteJson(changes, console.Out);
        }
        else
        {
            WriteText(changes, console.Out, console.Colour);
        }

        return changes.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    /// <summary>
    /// The Istio resources of a path through the library's loader (other documents, such as Deployments, are
    /// read and set aside: diff compares Istio resources), or null, with the errors on stderr, when any file
    /// cannot be read.
    /// </summary>
    private static List<IstioResource>? Load(string path, CliConsole console, FileSystem fileSystem)
    {
        var resources = new List<IstioResource>();
        var failed = false;
        void Report(string message)
        {
            console.Error.WriteLine(message);
            failed = true;
        }

        if (path == MeshInputs.StandardInputPath)
        {
            if (console.In is null)
            {
                Report("mesh diff: -: there is no standard input to read");
                return null;
            }

            var result = MeshYaml.TryRead(console.In, MeshInputs.StandardInputName);
            foreach (var error in result.Errors)
            {
                Report(error.ToString());
            }

            return failed ? null : [.. result.Resources];
        }

        var search = FileFinder.Find([path], FileFinder.IsYamlOrJson, fileSystem);
        foreach (var problem in search.Problems.Where(p => p.IsError))
        {
            Report($"mesh diff: {problem.Path}: {problem.Message}");
        }

        foreach (var file in search.Files.Select(f => f.Path))
        {
            try
            {
                var result = MeshYaml.TryReadFile(file, new ManifestReadOptions(), fileSystem);
                foreach (var error in result.Errors)
                {
                    Report(error.ToString());
                }

                resources.AddRange(result.Resources);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Report($"mesh diff: {file}: {FileFinder.Reason(e)}");
            }
        }

        return failed ? null : resources;
    }

    private static void WriteText(IReadOnlyList<ResourceChange> changes, TextWriter output, bool colour)
    {
        foreach (var change in changes)
        {
            var (mark, paint) = change.Change switch
            {
                ResourceChangeKind.Added => ("+", Green),
                ResourceChangeKind.Removed => ("-", Red),
                _ => ("~", Yellow),
            };
            output.Write(colour ? $"{paint}{mark} {change.Resource}{Reset}\n" : $"{mark} {change.Resource}\n");
            foreach (var field in change.Fields)
            {
                var old = field.Old ?? "(unset)";
                var @new = field.New ?? "(unset)";
                output.Write(colour ? $"    {field.Path}: {Red}{old}{Reset} -> {Green}{@new}{Reset}\n" : $"    {field.Path}: {old} -> {@new}\n");
            }
        }

        if (changes.Count > 0)
        {
            int Count(ResourceChangeKind kind) => changes.Count(c => c.Change == kind);
            output.Write($"{Count(ResourceChangeKind.Changed)} changed, {Count(ResourceChangeKind.Added)} added, {Count(ResourceChangeKind.Removed)} removed\n");
        }
    }

    private static void WriteJson(IReadOnlyList<ResourceChange> changes, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            json.WriteStartArray();
            foreach (var change in changes)
            {
                if (change.Fields.Count == 0)
                {
                    WriteRow(json, change, null);
                }

                foreach (var field in change.Fields)
                {
                    WriteRow(json, change, field);
                }
            }

            json.WriteEndArray();
        }

        output.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        output.Write('\n');
    }

    private static void WriteRow(Utf8JsonWriter json, ResourceChange change, FieldChange? field)
    {
        json.WriteStartObject();
        json.WriteString("change", change.Change.ToString().ToLowerInvariant());
        json.WriteString("kind", change.Kind);
        json.WriteString("namespace", change.Namespace);
        json.WriteString("name", change.Name);
        json.WriteString("path", field?.Path);
        json.WriteString("old", field?.Old);
        json.WriteString("new", field?.New);
        json.WriteEndObject();
    }
}
