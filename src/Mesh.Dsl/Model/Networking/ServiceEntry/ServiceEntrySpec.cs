using Mesh.Dsl.Schema;

namespace Mesh.Dsl.Model.Networking;

/// <summary>The spec of a <see cref="ServiceEntry"/> (Istio message <c>istio.networking.v1alpha3.ServiceEntry</c>).</summary>
public sealed class ServiceEntrySpec
{
    internal static readonly MessageSchema<ServiceEntrySpec> Schema = new MessageSchema<ServiceEntrySpec>("ServiceEntry", () => new())
        .Field("hosts", x => x._hosts!, (x, v) => x.Hosts = v, Codecs.StringList)
        .Field("addresses", x => x._addresses!, (x, v) => x.Addresses = v, Codecs.StringList)
        .Field("ports", x => x._ports!, (x, v) => x.Ports = v, Codecs.MessageList(() => ServicePort.Schema))
        .Field("location", x => x.Location, (x, v) => x.Location = v, Codecs.Enum<ServiceEntryLocation>())
        .Field("resolution", x => x.Resolution, (x, v) => x.Resolution = v, Codecs.Enum<ServiceEntryResolution>())
        .Field("endpoints", x => x._endpoints!, (x, v) => x.Endpoints = v, Codecs.MessageList(() => WorkloadEntry.Schema))
        .Field("workloadSelector", x => x.WorkloadSelector, (x, v) => x.WorkloadSelector = v, Codecs.Message(() => WorkloadSelector.Schema))
        .Field("exportTo", x => x._exportTo!, (x, v) => x.ExportTo = v, Codecs.StringList)
        .Field("subjectAltNames", x => x._subjectAltNames!, (x, v) => x.SubjectAltNames = v, Codecs.StringList);

    private List<string>? _hosts;

    /// <summary>The hosts of the entry: DNS names, with an optional wildcard prefix (<c>*.cnn.com</c>).</summary>
    public List<string> Hosts { get => _hosts ??= new(); set => _hosts = value; }

    private List<string>? _addresses;

    /// <summary>Virtual IP addresses (or CIDR prefixes) of the service.</summary>
    public List<string> Addresses { get => _addresses ??= new(); set => _addresses = value; }

    /// <summary>Reads <see cref="Addresses"/> without creating it: the list (or an empty one) for read-only checks.</summary>
    internal IReadOnlyList<string> AddressesOrEmpty => _addresses is { } value ? value : Array.Empty<string>();

    private List<ServicePort>? _ports;

    /// <summary>The ports of the service.</summary>
    public List<ServicePort> Ports { get => _ports ??= new(); set => _ports = value; }

    /// <summary>Whether the service is outside the mesh (<c>MESH_EXTERNAL</c>) or part of it.</summary>
    public ServiceEntryLocation? Location { get; set; }

    /// <summary>How the proxy resolves the service's endpoints (<c>NONE</c>, <c>STATIC</c>, <c>DNS</c>, ...).</summary>
    public ServiceEntryResolution? Resolution { get; set; }

    private List<WorkloadEntry>? _endpoints;

    /// <summary>The endpoints of the service; for <c>STATIC</c> resolution, or DNS names for <c>DNS</c>.</summary>
    public List<WorkloadEntry> Endpoints { get => _endpoints ??= new(); set => _endpoints = value; }

    /// <summary>Reads <see cref="Endpoints"/> without creating it: the list (or an empty one) for read-only checks.</summary>
    internal IReadOnlyList<WorkloadEntry> EndpointsOrEmpty => _endpoints is { } value ? value : Array.Empty<WorkloadEntry>();

    /// <summary>Selects WorkloadEntry resources (or pods) as endpoints; exclusive with <see cref="Endpoints"/>.</summary>
    public WorkloadSelector? WorkloadSelector { get; set; }

    private List<string>? _exportTo;

    /// <summary>The namespaces the entry is visible to (<c>.</c> for its own, <c>*</c> for all).</summary>
    public List<string> ExportTo { get => _exportTo ??= new(); set => _exportTo = value; }

    /// <summary>Reads <see cref="ExportTo"/> without creating it: the list (or an empty one) for read-only checks.</summary>
    internal IReadOnlyList<string> ExportToOrEmpty => _exportTo is { } value ? value : Array.Empty<string>();

    private List<string>? _subjectAltNames;

    /// <summary>Subject alternative names the service's certificates may carry.</summary>
    public List<string> SubjectAltNames { get => _subjectAltNames ??= new(); set => _subjectAltNames = value; }
}
