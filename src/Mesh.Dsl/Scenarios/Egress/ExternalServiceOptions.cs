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
    /// The ports; by default HTTP on 80 (<c>http-port</c>) and HTTPS on 443 (<c>https-port</c>), the two
    /// ports a web service is reached on.
    /// </summary>
    public List<ExternalPort> Ports { get; set; } = [ExternalPort.Http(), ExternalPort.Https()];

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
