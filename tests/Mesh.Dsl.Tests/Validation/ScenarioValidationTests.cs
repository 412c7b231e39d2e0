using Mesh.Dsl.Validation;

namespace Mesh.Dsl.Tests.Validation;

public class ScenarioValidationTests
{
    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(TestPaths.Scenarios, "*.yaml").Order(StringComparer.Ordinal))
        {
            if (!file.EndsWith(".input.yaml", StringComparison.Ordinal))
            {
                data.Add(Path.GetFileName(file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Seed_scenario_has_no_errors(string file)
    {
        var diagnostics = new MeshValidator().ValidateFiles([Path.Combine(TestPaths.Scenarios, file)]);
        Assert.True(!diagnostics.Any(d => d.IsError), string.Join("\n", diagnostics));
    }
}
