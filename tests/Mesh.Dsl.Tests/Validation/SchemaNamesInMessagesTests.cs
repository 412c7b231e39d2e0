using System.Reflection;
using System.Text.RegularExpressions;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Schema;
using Mesh.Dsl.Serialization;
using Mesh.Dsl.Validation;
using Mesh.Dsl.Validation.Rules;
using static Mesh.Dsl.Tests.Validation.ValidationTestHelper;

namespace Mesh.Dsl.Tests.Validation;

/// <summary>Enum names in messages are the writer's, and each finding has its own catalogue code.</summary>
public sealed partial class SchemaNamesInMessagesTests
{
    [Fact]
    public void An_invalid_enum_value_lists_the_names_the_writer_writes()
    {
        var yaml = Resource("Gateway", "selector: {istio: ingressgateway}\nservers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: ['a.com'], tls: {mode: SIMPLE, credentialName: c, minProtocolVersion: TLSV1_2}}]");
        var gateway = (Gateway)MeshYaml.Read(yaml, "test.yaml")[0];
        gateway.Spec.Servers[0].Tls!.MinProtocolVersion = (TlsProtocolVersion)42;

        var diagnostic = Single(new MeshValidator().Validate([gateway]), DiagnosticCodes.InvalidEnumValue);

        // Every name the message offers is one the reader accepts, written as the writer writes it.
        Assert.Equal("42 is not a valid value; use one of TLS_AUTO, TLSV1_0, TLSV1_1, TLSV1_2, TLSV1_3.", diagnostic.Message);
        gateway.Spec.Servers[0].Tls!.MinProtocolVersion = TlsProtocolVersion.Tls1_2;
        Assert.Contains("minProtocolVersion: TLSV1_2", MeshYaml.Serialize([gateway]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_mode_named_in_a_message_is_spelled_as_Istio_spells_it()
    {
        var diagnostics = Validate(Resource("Gateway", "selector: {istio: ingressgateway}\nservers: [{port: {number: 443, name: https, protocol: HTTPS}, hosts: ['a.com'], tls: {mode: OPTIONAL_MUTUAL, serverCertificate: /c.pem, privateKey: /k.pem}}]"));
        var diagnostic = Single(diagnostics, DiagnosticCodes.MissingField);
        Assert.StartsWith("OPTIONAL_MUTUAL TLS requires caCertificates", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_256_hosts_is_TooManyHosts_not_MissingField()
    {
        var hosts = string.Join(", ", Enumerable.Range(0, 257).Select(i => $"h{i}.example.com"));
        var diagnostics = Validate(Resource("ServiceEntry", $"hosts: [{hosts}]\nports: [{{number: 443, name: https, protocol: HTTPS}}]\nresolution: DNS"));

        var diagnostic = Single(diagnostics, DiagnosticCodes.TooManyHosts);
        Assert.Equal(("MESH1038", DiagnosticSeverity.Error, "spec.hosts"), (diagnostic.Code, diagnostic.Severity, diagnostic.Path));
        AssertNone(diagnostics, DiagnosticCodes.MissingField);
        Assert.Equal(["SE-01"], DiagnosticCodes.Describe(DiagnosticCodes.TooManyHosts)!.Rules);
    }

    [Fact]
    public void Every_enum_like_name_in_the_rules_text_is_one_the_model_knows()
    {
        // The names of every enum of the model, as the codecs read and write them; protocols and gRPC status names are
        // strings in Istio's API, so the rules' own tables of them count too.
        var names = new HashSet<string>(StringComparer.Ordinal);
        var enumNames = typeof(Codecs).GetMethod(nameof(Codecs.EnumNamesOf))!;
        foreach (var type in typeof(ServiceEntry).Assembly.GetTypes().Where(t => t.IsEnum && t.Namespace?.StartsWith("Mesh.Dsl.Model", StringComparison.Ordinal) == true))
        {
            names.UnionWith((IReadOnlyCollection<string>)enumNames.MakeGenericMethod(type).Invoke(null, null)!);
        }

        var grpc = (HashSet<string>)typeof(VirtualServiceRules).GetField("GrpcStatusNames", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
        Assert.Contains("TLSV1_2", names);
        var folder = Path.Combine(TestPaths.RepositoryRoot, "src", "Mesh.Dsl", "Validation", "Rules");
        var unknown = new List<string>();
        foreach (var file in Directory.GetFiles(folder, "*.cs"))
        {
            foreach (Match literal in StringLiteral().Matches(File.ReadAllText(file)))
            {
                foreach (Match token in EnumLikeToken().Matches(literal.Value))
                {
                    if (!names.Contains(token.Value) && !IstioSyntax.IsProtocol(token.Value) && !grpc.Contains(token.Value))
                    {
                        unknown.Add($"{Path.GetFileName(file)}: {token.Value}");
                    }
                }
            }
        }

        Assert.True(unknown.Count == 0, "names no enum of the model has (write them with CommonRules.EnumName):\n" + string.Join("\n", unknown));
    }

    [GeneratedRegex(@"""(?:[^""\\\n]|\\.)*""")]
    private static partial Regex StringLiteral();

    // Upper-case words joined by underscores (MESH_EXTERNAL, TLSV1_2, and the TLS1_2 this test was written for):
    // what tells an enum name from an ordinary upper-case word.
    [GeneratedRegex(@"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b")]
    private static partial Regex EnumLikeToken();
}
