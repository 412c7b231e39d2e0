using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Scenarios;

/// <summary>What a TLS origination recipe added, to change any field afterwards.</summary>
/// <param name="ServiceEntry">The ServiceEntry for the external host.</param>
/// <param name="DestinationRule">The DestinationRule whose client TLS settings originate TLS.</param>
/// <param name="VirtualService">The VirtualService that moves port 80 to the TLS port, for the styles that need one; otherwise null.</param>
public sealed record TlsOrigination(ServiceEntry ServiceEntry, DestinationRule DestinationRule, VirtualService? VirtualService);
