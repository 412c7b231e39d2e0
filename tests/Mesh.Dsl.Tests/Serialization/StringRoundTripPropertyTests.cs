using System.Text;
using k8s.Models;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Tests.Serialization;

/// <summary>
/// The writer never writes YAML or JSON it cannot read back: random strings, built from the pieces YAML treats
/// specially, go out as keys, map values and list items and come back the same; a string no file can hold (a lone
/// surrogate) is refused with a message.
/// </summary>
public class StringRoundTripPropertyTests
{
    private static readonly string[] Pieces =
    [
        "a", "Z", "9", "0", ".", "-", "_", "/", " ", "  ", "#", " #", ":", ": ", "?", "? ", "- ", ",", "[", "]", "{", "}",
        "&", "*", "!", "|", ">", "%", "@", "`", "'", "\"", "\\", "\n", "\n\n", "\r", "\r\n", "\t", "\0", "\u0001", "\u001f",
        "\u007f", "\u0085", "\u00a0", "\u2028", "\u2029", "\ufeff", "é", "中", "😀", "\U0001F600", "yes", "no", "on", "null",
        "~", "true", "0x1F", "0o17", "017", "1e3", ".inf", "1:30", "---", "...", "<<", "=", "*.cnn.com", "0.0.0.0:80",
    ];

    private static string RandomString(Random random)
    {
        var builder = new StringBuilder();
        var count = random.Next(10) == 0 ? random.Next(200, 400) : random.Next(0, 8);
        for (var i = 0; i < count; i++)
        {
            builder.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return builder.ToString();
    }

    private static VirtualService Resource(string key, string value, string item)
    {
        var resource = new VirtualService
        {
            Metadata = new V1ObjectMeta
            {
                Name = "rt",
                Labels = new Dictionary<string, string> { [key] = value },
                Annotations = new Dictionary<string, string> { ["note"] = item },
            },
        };
        resource.Spec.Hosts.Add(item);
        resource.Spec.Hosts.Add(value);
        var match = new HttpMatchRequest();
        match.Headers[key] = StringMatch.Exactly(value);
        resource.Spec.Http.Add(new HttpRoute { Match = [match] });
        return resource;
    }

    private static string Describe(string text) => ReadContext.Quote(text);

    [Fact]
    public void Random_strings_round_trip_through_yaml_and_json_as_keys_values_and_items()
    {
        var random = new Random(20261207);
        for (var run = 0; run < 2000; run++)
        {
            var (key, value, item) = (RandomString(random), RandomString(random), RandomString(random));
            var resource = Resource(key, value, item);

            var yaml = MeshYaml.Serialize(resource);
            var read = MeshYaml.TryRead(new StringReader(yaml));
            Assert.True(read.Succeeded, $"run {run}: {Describe(key)} / {Describe(value)} / {Describe(item)}: {string.Join("; ", read.Errors)}\n{yaml}");
            var back = (VirtualService)Assert.Single(read.Resources);
            Assert.True(
                back.Metadata.Labels[key] == value && back.Metadata.Annotations["note"] == item
                && back.Spec.Hosts.SequenceEqual([item, value]) && back.Spec.Http[0].Match[0].Headers[key].Exact == value,
                $"run {run}: {Describe(key)} / {Describe(value)} / {Describe(item)} came back changed\n{yaml}");
            Assert.Equal(yaml, MeshYaml.Serialize(back));

            var json = MeshJson.Serialize([resource]);
            Assert.Equal(yaml, MeshYaml.Serialize(MeshYaml.Read(json)));
        }
    }

    [Fact]
    public void A_key_longer_than_yamls_1024_character_limit_is_written_as_an_explicit_key_and_read_back()
    {
        var longKey = new string('k', 1500);
        var quotedLongKey = string.Concat(Enumerable.Repeat("yes: ", 250)); // 1,250 characters, quoted when written
        var resource = Resource(longKey, "v", "a.example.com");
        resource.Spec.Http[0].Match[0].Headers[quotedLongKey] = StringMatch.StartingWith("/api");

        var yaml = MeshYaml.Serialize(resource);

        Assert.True(yaml.Contains($"  labels:\n    ? {longKey}\n    : v\n", StringComparison.Ordinal), yaml);
        Assert.Contains($"    - headers:\n        ? {longKey}\n        :\n          exact: v\n", yaml, StringComparison.Ordinal);
        var back = (VirtualService)Assert.Single(MeshYaml.Read(yaml));
        Assert.Equal("v", back.Metadata.Labels[longKey]);
        Assert.Equal("/api", back.Spec.Http[0].Match[0].Headers[quotedLongKey].Prefix);
        Assert.Equal(yaml, MeshYaml.Serialize(back));
    }

    [Fact]
    public void A_key_of_exactly_the_limit_stays_an_implicit_key()
    {
        var key = new string('k', 1024);

        var yaml = MeshYaml.Serialize(Resource(key, "v", "a.example.com"));

        Assert.Contains($"  labels:\n    {key}: v\n", yaml, StringComparison.Ordinal);
        Assert.Equal("v", ((VirtualService)Assert.Single(MeshYaml.Read(yaml))).Metadata.Labels[key]);
    }

    [Fact]
    public void A_long_key_written_as_an_explicit_key_is_formatted_with_its_comments_and_validates_clean()
    {
        // Reading, formatting (whose comment pass parses with YamlDotNet) and validation agree with the writer.
        var key = new string('k', 1500);
        var text = $"# head\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: a\n  annotations:\n    ? {key}\n    : v  # the long one\n" +
            "spec:\n  hosts: [a.example.com]  # host\n  resolution: DNS\n  ports: [{number: 443, name: https, protocol: HTTPS}]\n";

        var formatted = Comments.DocumentFormatterTests.Format(text, "long.yaml");

        Assert.Equal(
            $"# head\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: a\n  annotations:\n    ? {key}\n    : v # the long one\n" +
            "spec:\n  hosts: # host\n  - a.example.com\n  ports:\n  - number: 443\n    name: https\n    protocol: HTTPS\n  resolution: DNS\n",
            formatted);
        Assert.Empty(new Mesh.Dsl.Validation.MeshValidator().Validate(MeshYaml.Read(formatted, "long.yaml")));
    }

    private static (string Text, string Expected)[] LoneSurrogates() =>
    [
        ("a" + (char)0xD800 + "b", "cannot write \"a\\ud800b\": it holds a lone UTF-16 surrogate (U+D800 at index 1), half of a character, which YAML, JSON and UTF-8 cannot hold; fix the value"),
        (((char)0xDC00).ToString(), "cannot write \"\\udc00\": it holds a lone UTF-16 surrogate (U+DC00 at index 0), half of a character, which YAML, JSON and UTF-8 cannot hold; fix the value"),
        ("ok 😀 " + (char)0xD83D, "cannot write \"ok 😀 \\ud83d\": it holds a lone UTF-16 surrogate (U+D83D at index 6), half of a character, which YAML, JSON and UTF-8 cannot hold; fix the value"),
    ];

    [Fact]
    public void A_lone_surrogate_is_refused_by_both_writers_as_key_or_value()
    {
        // Not a theory: xunit serializes a theory's data as UTF-8, where a lone surrogate cannot survive.
        foreach (var (text, expected) in LoneSurrogates())
        {
            Assert.Equal(expected, Assert.Throws<ArgumentException>(() => MeshYaml.Serialize(Resource("k", text, "a.example.com"))).Message);
            Assert.Equal(expected, Assert.Throws<ArgumentException>(() => MeshYaml.Serialize(Resource(text, "v", "a.example.com"))).Message);
            Assert.Equal(expected, Assert.Throws<ArgumentException>(() => MeshJson.Serialize([Resource("k", text, "a.example.com")])).Message);
        }
    }
}
