using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Scenarios;

/// <summary>What <see cref="EgressScenarios.ExternalService(string, Action{ExternalServiceOptions})"/> added.</summary>
/// <param name="ServiceEntry">The ServiceEntry that admits the external hosts to the mesh's registry.</param>
public sealed record ExternalServiceAccess(ServiceEntry ServiceEntry);
