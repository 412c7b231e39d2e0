using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Scenarios;

/// <summary>Options of <see cref="EgressScenarios.ExternalService(IEnumerable{string}, Action{ExternalServiceOptions})"/>; each starts at the default it documents.</summary>
public sealed class ExternalServiceOptions : RecipeOptions
{
    internal ExternalServiceOptions(IReadOnlyList<string> hosts)
    {
        Name = HostNames.Slug(hosts[0]);
        Resolution = ExternalServiceEntry.DefaultResolution(hosts);
    }

    /// <summary>The ServiceEntry's name; by default the first host with dots as dashes (<c>edition.cnn.com</c> → <c>edition-cnn-com</c>).</summary>
    public string Name { get; set; }

    /// <summary>
    /// The ports; by default HTTPS on 443 (<c>https-port</c>) only. Adding plain HTTP
    /// (<see cref="ExternalPort.Http"/>, as the seed documents do) lets requests leave the mesh unencrypted,
    /// which validation warns about (MESH3001, naming this option); <see cref="EgressScenarios.OriginateTls(string, Action{TlsOriginationOptions})"/>
    /// keeps port 80 for the app and encrypts it.
    /// </summary>
    public List<ExternalPort> Ports { get; set; } = [ExternalPort.Https()];

    /// <summary>
    /// How endpoints are resolved: by default <see cref="ServiceEntryResolution.None"/> when a host is a
    /// wildcard (there is no single name to resolve) and <see cref="ServiceEntryResolution.Dns"/> otherwise.
    /// </summary>
    public ServiceEntryResolution Resolution { get; set; }

    /// <summary>
    /// The location written into the ServiceEntry; null (the default) leaves the field out, which Istio
    /// reads as <see cref="ServiceEntryLocation.MeshExternal"/>.
    /// </summary>
    public ServiceEntryLocation? Location { get; set; }
}
