using Mesh.Dsl.Model.Security;

namespace Mesh.Dsl.Scenarios;

/// <summary>What <see cref="IngressScenarios.RequireJwt(string, string, Action{JwtRequirementOptions})"/> added.</summary>
/// <param name="RequestAuthentication">The RequestAuthentication that checks tokens of the issuer against its key set.</param>
/// <param name="AuthorizationPolicy">The DENY AuthorizationPolicy that rejects requests without one of the required request principals.</param>
public sealed record JwtRequirement(RequestAuthentication RequestAuthentication, AuthorizationPolicy AuthorizationPolicy);
