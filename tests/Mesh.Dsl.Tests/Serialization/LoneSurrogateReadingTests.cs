using System.Text;
using Mesh.Dsl.Serialization;
using Mesh.Dsl.Validation;
using Mesh.Dsl.Validation.Rules;

namespace Mesh.Dsl.Tests.Serialization;

/// <summary>
/// The reader never makes a string with a lone UTF-16 surrogate (half of a character, which no YAML, JSON or UTF-8 file
/// can hold): not from an escape (<c>\ud800</c>, <c>\U0000D800</c>, a high half not followed by its low half), in any
/// place (keys, values, quoted, flow and block scalars; metadata, spec, status, free-form fields), not from the text
/// itself when it comes as a string or a <see cref="TextReader"/>, not from a file's bytes in any encoding. Each is an
/// error at its line and column. That is what lets <see cref="MeshValidator.ValidateFiles(IEnumerable{string}, TextReader?)"/>
/// leave out the text rule for what it read.
/// </summary>
/// <remarks>Facts, not theories: xunit serializes a theory's data as UTF-8, where a lone surrogate cannot survive.</remarks>
public class LoneSurrogateReadingTests
{
    private const string Head = "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: a\n";
    private const string Hosts = "spec:\n  hosts: [a.com]\n";
    private const string Filter = "apiVersion: networking.istio.io/v1alpha3\nkind: EnvoyFilter\nmetadata:\n  name: f\nspec:\n  configPatches:\n  - applyTo: HTTP_FILTER\n    patch:\n      operation: MERGE\n      value:\n";

    private const string Quoted = "invalid YAML: while scanning a quoted scalar, found invalid Unicode surrogates";
    private const string Escape = YamlDocumentParser.LoneSurrogateEscape;

    private static string Raw(char c) => $"invalid text: a lone UTF-16 surrogate (U+{(int)c:X4}), half of a character, which YAML, JSON and UTF-8 cannot hold; give whole characters";

    private static readonly char High = '\uD83D';
    private static readonly char Low = '\uDE00';

    /// <summary>Each text, and the one error the reader gives for it.</summary>
    private static (string Text, string Error)[] Refused() =>
    [
        // Escapes of a surrogate, in every kind of place.
        (Head + "  labels:\n    app: \"x\\ud800y\"\n" + Hosts, "6:10: " + Quoted),
        (Head + "  labels:\n    app: \"x\\U0000D800y\"\n" + Hosts, "6:10: " + Quoted),
        (Head + "  labels:\n    \"k\\udc00\": v\n" + Hosts, "6:5: " + Quoted),
        (Head + "  annotations:\n    note: \"end \\ud83d\"\n" + Hosts, "6:11: " + Quoted),
        (Head + "  annotations:\n    note: \"\\ud800\\\n      \\udc00\"\n" + Hosts, "6:11: " + Quoted),
        (Head + "spec:\n  hosts: [\"a\\ud800.com\"]\n", "6:11: " + Quoted),
        (Head + "spec:\n  hosts:\n  - \"a\\udfff.com\"\n", "7:5: " + Quoted),
        (Head + Hosts + "status:\n  message: \"\\ud800\"\n", "8:12: " + Quoted),
        (Filter + "        name: \"\\ud800\"\n", "11:15: " + Quoted),
        (Filter + "        {\"k\\udc00\": 1}\n", "11:10: " + Quoted),
        ("{\"apiVersion\": \"networking.istio.io/v1\", \"kind\": \"ServiceEntry\", \"metadata\": {\"name\": \"a\\ud800\"}, \"spec\": {\"hosts\": [\"a.com\"]}}\n", "1:87: " + Quoted),
        // A high half whose next escape is not its low half; a low half first.
        (Head + "  labels:\n    app: \"x\\ud83d\\u0041\"\n" + Hosts, "6:8: " + Escape),
        (Head + "  labels:\n    app: \"\\ud800\\ud800\"\n" + Hosts, "6:8: " + Escape),
        (Head + "  labels:\n    app: \"\\udc00\\ud800\"\n" + Hosts, "6:8: " + Escape),
        (Head + "spec:\n  hosts: [\"\\ud83d\\U00000041\"]\n", "6:10: " + Escape),
        // The text itself, as a string or TextReader holds it: plain, quoted, block, flow, key, comment, at the end.
        (Head + "spec:\n  hosts:\n  - a" + High + ".com\n", "7:6: " + Raw(High)),
        (Head + "spec:\n  hosts:\n  - 'a" + Low + ".com'\n", "7:7: " + Raw(Low)),
        (Head + "spec:\n  hosts:\n  - \"a" + Low + ".com\"\n", "7:7: " + Raw(Low)),
        (Head + "spec:\n  hosts: [a" + High + "]\n", "6:12: " + Raw(High)),
        (Head + "  annotations:\n    note: |\n      line " + Low + "\n" + Hosts, "7:12: " + Raw(Low)),
        (Head + "  annotations:\n    note: >\n      folded" + High + "\n" + Hosts, "7:13: " + Raw(High)),
        (Head + "  labels:\n    a" + Low + ": b\n" + Hosts, "6:6: " + Raw(Low)),
        (Head + "  labels: # team" + High + "\n    a: b\n" + Hosts, "5:17: " + Raw(High)),
        (Head + Hosts + "status:\n  note: " + High + High + Low + "\n", "8:9: " + Raw(High)),
        (Head + "spec:\n  hosts: [a.com]\n  exportTo: [x" + High, "7:15: " + Raw(High)),
        (Filter + "        name: " + Low + "\n", "11:15: " + Raw(Low)),
        ("--- # x" + High + "\n" + Head + Hosts, "1:8: " + Raw(High)),
        (Head + Hosts + "---\n" + Head.Replace("name: a", "name: b" + Low, StringComparison.Ordinal) + Hosts, "11:10: " + Raw(Low)),
    ];

    [Fact]
    public void Every_lone_surrogate_in_a_text_is_an_error_at_its_line_and_column()
    {
        var wrong = new List<string>();
        foreach (var (text, error) in Refused())
        {
            var result = MeshYaml.TryRead(new StringReader(text), "f.yaml");
            var got = string.Join(" | ", result.Errors.Select(e => e.ToString()));
            if (got != "f.yaml:" + error || result.Resources.Any(r => LoneSurrogateRule.HasLoneSurrogate(r)))
            {
                wrong.Add($"{Escaped(text)}\n  expected f.yaml:{error}\n  got      {Escaped(got)}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void Whole_characters_are_read_as_escapes_and_as_text()
    {
        var text = Head + "  labels:\n    a: \"\\ud83d\\ude00\"\n    b: \"\\U0001F600\"\n    c: 😀\n    d: \"\\uD83D\\uDE00 \\U0001f600\"\n" + Hosts;

        var labels = MeshYaml.Read(text, "f.yaml").Single().Metadata.Labels;

        Assert.Equal(["😀", "😀", "😀", "😀 😀"], labels.Values);
    }

    [Fact]
    public void A_file_that_encodes_a_lone_surrogate_is_an_error_in_every_encoding()
    {
        var body = Encoding.ASCII.GetBytes(Head + "  labels:\n    app: x");
        var cases = new (string Name, byte[] Bytes, string Error)[]
        {
            // UTF-8 would encode U+D800 as ED A0 80, which is no UTF-8 (nor is CESU-8's pair of them).
            ("utf8", [.. body, 0xED, 0xA0, 0x80, (byte)'\n'], "6:11: invalid UTF-8: the byte 0xED is not part of a valid character; save the file as UTF-8"),
            ("utf16", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Head + "  labels:\n    app: x"), 0x00, 0xD8, (byte)'\n', 0], "6:11: invalid UTF-16: the byte 0x00 is not part of a valid character; save the file as UTF-8"),
            ("utf32", [0xFF, 0xFE, 0, 0, .. new UTF32Encoding(false, false).GetBytes(Head + "  labels:\n    app: x"), 0x00, 0xD8, 0, 0, (byte)'\n', 0, 0, 0], "6:11: invalid UTF-32: the byte 0x00 is not part of a valid character; save the file as UTF-8"),
        };
        var folder = Directory.CreateTempSubdirectory("lone-surrogate-");
        try
        {
            var wrong = new List<string>();
            foreach (var (name, bytes, error) in cases)
            {
                var path = Path.Combine(folder.FullName, name + ".yaml");
                File.WriteAllBytes(path, bytes);
                var got = string.Join(" | ", MeshYaml.TryReadFile(path).Errors.Select(e => e.ToString()));
                if (got != path + ":" + error)
                {
                    wrong.Add($"{name}: expected {error}\n  got {got}");
                }
            }

            Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void ValidateFiles_reports_a_lone_surrogate_of_standard_input_as_a_read_error()
    {
        var text = Head + "spec:\n  hosts:\n  - a" + High + ".com\n";

        var diagnostics = new MeshValidator().ValidateFiles(["-"], new StringReader(text));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.ReadError, "<stdin>", 7, 6, Raw(High)), (diagnostic.Code, diagnostic.File, diagnostic.Line, diagnostic.Column, diagnostic.Message));
    }

    private static string Escaped(string text)
        => string.Concat(text.Select(c => char.IsSurrogate(c) ? $"<U+{(int)c:X4}>" : c == '\n' ? "⏎" : c.ToString()));
}
