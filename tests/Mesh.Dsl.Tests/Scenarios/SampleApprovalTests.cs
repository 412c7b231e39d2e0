using ApprovalTests;
using ApprovalTests.Namers;
using ApprovalTests.Reporters;
using Mesh.Dsl.Model;
using Mesh.Dsl.Samples;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Tests.Scenarios;

/// <summary>The YAML of every sample, approved by eye, byte for byte.</summary>
[UseReporter(typeof(QuietReporter))]
public class SampleApprovalTests
{
    public static TheoryData<string> SampleIds()
    {
        var data = new TheoryData<string>();
        foreach (var sample in SampleCatalogue.All)
        {
            data.Add(sample.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SampleIds))]
    public void Sample_yaml_matches_the_approved_file(string id)
    {
        using (ApprovalResults.ForScenario(id))
        {
            Approvals.VerifyWithExtension(SampleCatalogue.Find(id)!.ToYaml(), ".yaml");
        }
    }

    [Theory]
    [MemberData(nameof(SampleIds))]
    public void Approved_file_reads_back_to_the_sample_resources(string id)
    {
        var path = Path.Combine(
            TestPaths.RepositoryRoot, "tests", "Mesh.Dsl.Tests", "Scenarios",
            $"{nameof(SampleApprovalTests)}.{nameof(Sample_yaml_matches_the_approved_file)}.ForScenario.{id}.approved.yaml");
        var approved = MeshYaml.ReadFile(path);
        var built = SampleCatalogue.Find(id)!.CreateMesh().Resources;

        Assert.Equal(built.Count, approved.Count);
        Assert.All(built.Zip(approved), pair => Assert.True(ResourceComparer.Instance.Equals(pair.First, pair.Second), pair.First.ToString()));
    }
}
