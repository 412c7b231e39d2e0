using Mesh.Dsl.Model;

namespace Mesh.Dsl.Scenarios;

/// <summary>What a legacy import added, and what it could not translate.</summary>
/// <param name="Resources">Today's resources, in the order they were added to the mesh.</param>
/// <param name="Warnings">One warning for each thing not translated (or translated with a change to know of), in file order.</param>
public sealed record LegacyImport(IReadOnlyList<IstioResource> Resources, IReadOnlyList<LegacyImportWarning> Warnings);
