namespace Mesh.Dsl.Tests.Model;

/// <summary>A fact that is skipped, saying why, when Istio's CRD bundle is not beside the repository.</summary>
internal sealed class CrdBundleFactAttribute : FactAttribute
{
    public CrdBundleFactAttribute()
    {
        if (!File.Exists(TestPaths.CrdBundle))
        {
            Skip = CrdBundle.MissingMessage;
        }
    }
}
