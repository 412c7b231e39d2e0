using ApprovalTests;
using ApprovalTests.Namers;
using ApprovalTests.Reporters;
using Mesh.Dsl.CodeGeneration;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Tests.CodeGeneration;

/// <summary>The code <c>mesh import</c> writes for two seed scenarios, approved by eye for style.</summary>
[UseReporter(typeof(QuietReporter))]
public class ImportApprovalTests
{
    [Theory]
    [InlineData("egress-gateway-tls-origination")]
    [InlineData("ingress-sidecar-tls-termination")]
    public void Imported_scenario_code_matches_the_approved_file(string scenario)
    {
        var path = Path.Combine(TestPaths.Scenarios, scenario + ".yaml");
        var text = File.ReadAllText(path);
        var code = MeshCode.Write(MeshYaml.Read(text, path), new MeshCodeOptions
        {
            Namespace = "ShopConfiguration",
            ClassName = "Scenario",
            SourceName = scenario + ".yaml",
            SourceText = text,
        });

        using (ApprovalResults.ForScenario(scenario))
        {
            Approvals.VerifyWithExtension(code, ".cs");
        }
    }
}
