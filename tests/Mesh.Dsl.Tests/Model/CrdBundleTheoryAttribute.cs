namespace Mesh.Dsl.Tests.Model;

/// <summary>A theory that is skipped, saying why, when Istio's CRD bundle is not beside the repository.</summary>
internal sealed class CrdBundleTheoryAttribute : TheoryAttribute
{
    public CrdBundleTheoryAttribute()
    {
        if (!File.Exists(TestPaths.CrdBundle))
        {
            Skip = CrdBundle.MissingMessage;
        }
    }
}
