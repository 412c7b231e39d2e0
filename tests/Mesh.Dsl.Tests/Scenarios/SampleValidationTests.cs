using Mesh.Dsl.Samples;
using Mesh.Dsl.Scenarios;
using Mesh.Dsl.Validation;

namespace Mesh.Dsl.Tests.Scenarios;

/// <summary>What the recipes add is consistent: the validator finds no error in any sample.</summary>
public class SampleValidationTests
{
    public static TheoryData<string> SampleIds() => SampleApprovalTests.SampleIds();

    [Theory]
    [MemberData(nameof(SampleIds))]
    public void Sample_has_no_validation_errors(string id)
    {
        var errors = SampleCatalogue.Find(id)!.CreateMesh().Validate().Where(d => d.IsError);

        Assert.Empty(errors);
    }

    [Fact]
    public void Tls_origination_is_verified_by_default_and_flagged_once_verification_is_turned_off()
    {
        var unverified = new IstioMesh();
        unverified.Egress().OriginateTls("edition.cnn.com", o => o.Verification = ServerVerification.None);
        var verified = new IstioMesh();
        verified.Egress().OriginateTls("edition.cnn.com");

        Assert.Contains(unverified.Validate(), d => d.Code == "IST0129");
        Assert.DoesNotContain(verified.Validate(), d => d.Code == "IST0129");
    }
}
