using static Mesh.Dsl.Tests.Validation.NewKinds.NewKindDocuments;
using static Mesh.Dsl.Tests.Validation.ValidationTestHelper;

namespace Mesh.Dsl.Tests.Validation.NewKinds;

/// <summary>The realistic documents of the four kinds (Fixtures/Kinds, in the shape of Istio's docs) validate clean.</summary>
public class NewKindFixturesTests
{
    [Theory]
    [InlineData("WorkloadGroup")]
    [InlineData("Telemetry")]
    [InlineData("WasmPlugin")]
    [InlineData("TrafficExtension")]
    public void Realistic_documents_are_clean(string kind) => AssertClean(Validate(Fixture(kind)));
}
