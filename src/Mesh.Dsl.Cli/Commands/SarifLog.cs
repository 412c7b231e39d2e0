using System.Reflection;
using System.Text.Json;
using Mesh.Dsl.Serialization;
using Mesh.Dsl.Validation;

namespace Mesh.Dsl.Cli.Commands;

/// <summary>
/// Writes diagnostics as a SARIF 2.1.0 log (OASIS Static Analysis Results Interchange Format), the
/// form code-scanning views such as GitHub's take: one run whose tool is <c>mesh</c> with its version,
/// a rule for every code reported (name, meaning and fix from <see cref="DiagnosticCodes.All"/>), and a
/// result per diagnostic with the file, line and column, and the resource as a logical location.
/// </summary>
internal static class SarifLog
{
    /// <summary>The schema the log names; tests check the output against the same published schema.</summary>
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>Writes the log.</summary>
    /// <param name="diagnostics">The diagnostics, in the order to report them.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(IReadOnlyList<Diagnostic> diagnostics, TextWriter output)
    {
        var codes = diagnostics.Select(d => d.Code).Distinct().Order(StringComparer.Ordinal).ToList();
        var ruleIndex = codes.Select((code, index) => (code, index)).ToDictionary(p => p.code, p => p.index);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, codes);
            json.WriteStartArray("results");
            foreach (var diagnostic in diagnostics)
            {
                WriteResult(json, diagnostic, ruleIndex[diagnostic.Code]);
            }

            json.WriteEndArray();
            json.WriteString("columnKind", "utf16CodeUnits");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        output.Write('\n');
    }

    /// <summary>The tool's version: the informational version without its source-revision suffix.</summary>
    public static string ToolVersion()
    {
        var version = typeof(SarifLog).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(SarifLog).Assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }

    private static void WriteTool(Utf8JsonWriter json, List<string> codes)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "mesh");
        json.WriteString("fullName", "Mesh.Dsl mesh validate");
        json.WriteString("version", ToolVersion());
        json.WriteString("semanticVersion", ToolVersion());
        json.WriteStartArray("rules");
        foreach (var code in codes)
        {
            WriteRule(json, code, DiagnosticCodes.Describe(code));
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter json, string code, DiagnosticCodeInfo? info)
    {
        json.WriteStartObject();
        json.WriteString("id", code);
        if (info is not null)
        {
            json.WriteString("name", info.Title);
            WriteText(json, "shortDescription", info.Title);
            WriteText(json, "fullDescription", info.Meaning);
            json.WriteStartObject("help");
            json.WriteString("text", $"{info.Meaning} Fix: {info.Fix}");
            json.WriteString("markdown", $"{info.Meaning}\n\n**Fix:** {info.Fix}\n\nEvery code is listed in Mesh.Dsl's docs/diagnostics.md.");
            json.WriteEndObject();
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Level(info.Severity));
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteStartArray("tags");
            json.WriteStringValue("istio");
            if (code.StartsWith("MESH3", StringComparison.Ordinal))
            {
                json.WriteStringValue("security");
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Diagnostic diagnostic, int ruleIndex)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", diagnostic.Code);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", Level(diagnostic.Severity));
        var subject = diagnostic.Kind.Length == 0 ? string.Empty : $"{diagnostic.Kind} {(diagnostic.Namespace is { Length: > 0 } ns ? ns + "/" : string.Empty)}{diagnostic.Name}";
        var where = diagnostic.Path.Length == 0 ? subject : $"{subject} {diagnostic.Path}".TrimStart();
        WriteText(json, "message", where.Length == 0 ? diagnostic.Message : $"{where}: {diagnostic.Message}");
        // Standard input has no file to point at; the resource still locates the result.
        var file = diagnostic.File is MeshInputs.StandardInputName ? null : diagnostic.File;
        if (file is null && subject.Length == 0)
        {
            json.WriteEndObject();
            return;
        }

        json.WriteStartArray("locations");
        json.WriteStartObject();
        if (file is not null)
        {
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            var (uri, relative) = Uri(file);
            json.WriteString("uri", uri);
            if (relative)
            {
                json.WriteString("uriBaseId", "%SRCROOT%");
            }

            json.WriteEndObject();
            if (diagnostic.Line is { } line)
            {
                json.WriteStartObject("region");
                json.WriteNumber("startLine", line);
                json.WriteNumber("startColumn", diagnostic.Column ?? 1);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        if (subject.Length > 0)
        {
            json.WriteStartArray("logicalLocations");
            json.WriteStartObject();
            json.WriteString("name", diagnostic.Name ?? string.Empty);
            json.WriteString("fullyQualifiedName", subject);
            json.WriteString("kind", "resource");
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// A file path as a SARIF URI: relative paths (what a CI job passes) stay relative, with forward
    /// slashes and each segment escaped, so code scanning resolves them against the repository root;
    /// absolute paths become <c>file://</c> URIs.
    /// </summary>
    private static (string Uri, bool Relative) Uri(string path)
    {
        if (Path.IsPathFullyQualified(path))
        {
            return (new Uri(path).AbsoluteUri, false);
        }

        var segments = path.Replace('\\', '/').Split('/').Where(s => s is not ("" or ".")).Select(System.Uri.EscapeDataString);
        return (string.Join('/', segments), true);
    }

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    private static void WriteText(Utf8JsonWriter json, string name, string text)
    {
        json.WriteStartObject(name);
        json.WriteString("text", text);
        json.WriteEndObject();
    }
}
