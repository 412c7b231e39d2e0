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
    public void Tls_origination_with_ca_certificates_is_not_flagged_as_unverified()
    {
        var unverified = new IstioMesh();
        unverified.Egress().OriginateTls("edition.cnn.com");
        var verified = new IstioMesh();
        verified.Egress().OriginateTls("edition.cnn.com", o => o.Verification.CaCertificates = "/etc/ssl/certs/ca-certificates.crt");

        Assert.Contains(unverified.Validate(), d => d.Code == "IST0129");
        Assert.DoesNotContain(verified.Validate(), d => d.Code == "IST0129");
    }
}
