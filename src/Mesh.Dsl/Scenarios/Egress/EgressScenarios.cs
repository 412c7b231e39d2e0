using Mesh.Dsl.Builders;
using Mesh.Dsl.Model.Networking;

namespace Mesh.Dsl.Scenarios;

/// <summary>
/// Recipes for traffic that leaves the mesh. Each adds a consistent set of resources to the mesh in
/// one call and returns them, so a program can still change any field afterwards.
/// </summary>
public sealed class EgressScenarios
{
    private readonly IstioMesh _mesh;

    internal EgressScenarios(IstioMesh mesh) => _mesh = mesh;

    /// <summary>
    /// Lets workloads reach an external host: a ServiceEntry with HTTP on 80 and HTTPS on 443 (unless
    /// other ports are given), resolution <c>NONE</c> for a wildcard host and <c>DNS</c> otherwise.
    /// </summary>
    /// <param name="host">The host, such as <c>edition.cnn.com</c> or <c>*.cnn.com</c>.</param>
    /// <param name="configure">Changes name, ports, resolution, location, namespace or API version.</param>
    /// <returns>The ServiceEntry added.</returns>
    public ExternalServiceAccess ExternalService(string host, Action<ExternalServiceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        return ExternalService([host], configure);
    }

    /// <summary>Lets workloads reach several external hosts through one ServiceEntry (see <see cref="ExternalService(string, Action{ExternalServiceOptions})"/>).</summary>
    /// <param name="hosts">The hosts; the first one names the entry unless a name is given.</param>
    /// <param name="configure">Changes name, ports, resolution, location, namespace or API version.</param>
    /// <returns>The ServiceEntry added.</returns>
    public ExternalServiceAccess ExternalService(IEnumerable<string> hosts, Action<ExternalServiceOptions>? configure = null)
    {
        var hostList = Hosts(hosts);
        var options = new ExternalServiceOptions();
        configure?.Invoke(options);
        var entry = ServiceEntry(options.Name ?? HostNames.Slug(hostList[0]), hostList, options.Ports, options.Resolution, options.Location, options);
        RecipeBatch.AddAll(_mesh, entry);
        return new ExternalServiceAccess(entry);
    }

    private static List<string> Hosts(IEnumerable<string> hosts)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        var list = hosts.Select(h => Guard.Host(h, nameof(hosts))).ToList();
        return list.Count > 0 ? list : throw new ArgumentException("Give at least one host.", nameof(hosts));
    }

    /// <summary>The ServiceEntry every egress recipe starts from.</summary>
    private static ServiceEntry ServiceEntry(string name, IReadOnlyList<string> hosts, IReadOnlyCollection<ExternalPort> ports, ServiceEntryResolution? resolution, ServiceEntryLocation? location, RecipeOptions options)
    {
        var builder = new ServiceEntryBuilder(name).Hosts([.. hosts]);
        foreach (var port in ports.Count > 0 ? ports : [ExternalPort.Http(), ExternalPort.Https()])
        {
            port.AddTo(builder);
        }

        if (location is { } where)
        {
            builder.Location(where);
        }

        builder.Resolution(resolution ?? (hosts.Any(h => h.StartsWith('*')) ? ServiceEntryResolution.None : ServiceEntryResolution.Dns));
        return options.ApplyTo(builder.Build());
    }
}
