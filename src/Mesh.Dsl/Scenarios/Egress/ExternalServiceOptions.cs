using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Scenarios;

/// <summary>Options of <see cref="EgressScenarios.ExternalService(string, Action{ExternalServiceOptions})"/>.</summary>
public sealed class ExternalServiceOptions : RecipeOptions
{
    /// <summary>The ServiceEntry's name; null (the default) names it after the first host (<c>edition.cnn.com</c> → <c>edition-cnn-com</c>).</summary>
    public string? Name { get; set; }

    /// <summary>
    /// The ports; left empty (the default), the service gets HTTP on 80 (<c>http-port</c>) and HTTPS on
    /// 443 (<c>https-port</c>), the two ports a web service is reached on.
    /// </summary>
    public List<ExternalPort> Ports { get; set; } = new();

    /// <summary>
    /// How endpoints are resolved; null (the default) chooses <see cref="ServiceEntryResolution.None"/> when
    /// a host is a wildcard (there is no single name to resolve) and <see cref="ServiceEntryResolution.Dns"/>
    /// otherwise.
    /// </summary>
    public ServiceEntryResolution? Resolution { get; set; }

    /// <summary>
    /// The location written into the ServiceEntry; null (the default) leaves the field out, which Istio
    /// reads as <see cref="ServiceEntryLocation.MeshExternal"/>.
    /// </summary>
    public ServiceEntryLocation? Location { get; set; }
}
