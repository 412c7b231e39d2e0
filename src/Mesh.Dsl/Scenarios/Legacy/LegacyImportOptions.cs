using Mesh.Dsl.Model;

namespace Mesh.Dsl.Scenarios;

/// <summary>
/// Options of the legacy import. <see cref="RecipeOptions.ApiVersion"/> is the version the translated
/// resources are written in (<see cref="ApiVersions.NetworkingV1"/> by default);
/// <see cref="RecipeOptions.Namespace"/> is given to legacy resources that have none (their own namespace is kept).
/// </summary>
public sealed class LegacyImportOptions : RecipeOptions
{
    internal LegacyImportOptions()
    {
    }
}
