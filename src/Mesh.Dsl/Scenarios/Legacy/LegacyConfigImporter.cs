using System.Net;
using Mesh.Dsl.Builders;
using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Serialization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlNode = YamlDotNet.RepresentationModel.YamlNode;

namespace Mesh.Dsl.Scenarios;

/// <summary>
/// Translates Istio 0.x <c>config.istio.io/v1alpha2</c> RouteRules and EgressRules into today's
/// VirtualService, DestinationRule and ServiceEntry. RouteRules for the same destination are merged
/// into one VirtualService by precedence (today a host has one VirtualService); the subsets their
/// route labels name go into one DestinationRule, each named after its label values.
/// </summary>
internal sealed class LegacyConfigImporter
{
    private const string LegacyApiVersion = "config.istio.io/v1alpha2";

    private static readonly Dictionary<string, string> EgressProtocols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["http"] = Protocols.Http,
        ["https"] = Protocols.Https,
        ["grpc"] = Protocols.Grpc,
        ["http2"] = Protocols.Http2,
        ["tcp"] = Protocols.Tcp,
        ["mongo"] = Protocols.Mongo,
    };

    private readonly string? _file;
    private readonly LegacyImportOptions _options;
    private readonly List<LegacyImportWarning> _warnings = new();

    public LegacyConfigImporter(string? file, LegacyImportOptions options)
    {
        _file = file;
        _options = options;
    }

    public LegacyImport Import(string yaml)
    {
        var documents = Parse(yaml);
        var routeGroups = documents
            .Where(d => d.Kind == "RouteRule")
            .GroupBy(d => (d.Namespace, Host: RouteHost(d)))
            .ToDictionary(g => g.First(), g => g.ToList());

        var resources = new List<IstioResource>();
        foreach (var document in documents)
        {
            if (document.Kind == "EgressRule")
            {
                resources.AddRange(TranslateEgressRule(document));
            }
            else if (routeGroups.TryGetValue(document, out var group))
            {
                resources.AddRange(TranslateRouteRules(group));
            }
        }

        var warnings = _warnings.OrderBy(w => w.Line).ThenBy(w => w.Column).ToList();
        return new LegacyImport(resources, warnings);
    }

    private List<LegacyDocument> Parse(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new MeshReadException([new ReadError(_file, (int)ex.Start.Line, (int)ex.Start.Column, string.Empty, ex.Message)]);
        }

        var documents = new List<LegacyDocument>();
        foreach (var root in stream.Documents.Select(d => d.RootNode))
        {
            if (root is YamlScalarNode { Value: null or "" })
            {
                continue;
            }

            if (root is not YamlMappingNode mapping)
            {
                Warn(root, "document", string.Empty, "is not a mapping; skipped.");
                continue;
            }

            var kind = Scalar(mapping, "kind") ?? "(no kind)";
            var metadata = Child(mapping, "metadata") as YamlMappingNode;
            var name = metadata is null ? null : Scalar(metadata, "name");
            var ns = (metadata is null ? null : Scalar(metadata, "namespace")) ?? _options.Namespace;
            var display = $"{kind} {(ns is null ? string.Empty : ns + "/")}{name}";
            var apiVersion = Scalar(mapping, "apiVersion");
            if (apiVersion != LegacyApiVersion)
            {
                Warn(KeyOf(mapping, "apiVersion") ?? mapping, display, "apiVersion", $"is {apiVersion ?? "missing"}, not {LegacyApiVersion}; skipped (read today's resources with MeshYaml.Read).");
                continue;
            }

            if (kind is not ("RouteRule" or "EgressRule"))
            {
                Warn(KeyOf(mapping, "kind") ?? mapping, display, "kind", KindAdvice(kind));
                continue;
            }

            if (name is null || Child(mapping, "spec") is not YamlMappingNode spec)
            {
                Warn(mapping, display, name is null ? "metadata.name" : "spec", "is missing; skipped.");
                continue;
            }

            documents.Add(new LegacyDocument(kind, name, ns, StringPairs(metadata, "labels"), StringPairs(metadata, "annotations"), spec, mapping));
        }

        return documents;
    }

    private static string KindAdvice(string kind) => kind switch
    {
        "DestinationPolicy" => "DestinationPolicy is not translated; write its load balancing, circuit breaker and TLS settings into a DestinationRule's trafficPolicy.",
        "IngressRule" or "Ingress" => "is not translated; expose the service with a Gateway and a VirtualService (mesh.Ingress().Gateway(...)).",
        _ => $"{kind} is not translated (only RouteRule and EgressRule are); skipped.",
    };

    private IEnumerable<IstioResource> TranslateEgressRule(LegacyDocument rule)
    {
        foreach (var field in rule.Spec.Children.Keys.OfType<YamlScalarNode>().Where(k => k.Value is not ("destination" or "ports" or "useEgressProxy")))
        {
            Warn(field, rule.Display, "spec." + field.Value, "is not an EgressRule field Mesh.Dsl translates; dropped.");
        }

        var destination = Child(rule.Spec, "destination") as YamlMappingNode;
        var service = destination is null ? null : Scalar(destination, "service") ?? Scalar(destination, "name");
        if (service is null)
        {
            Warn(KeyOf(rule.Spec, "destination") ?? rule.Node, rule.Display, "spec.destination.service", "is missing; the EgressRule is skipped.");
            yield break;
        }

        var entry = new ServiceEntryBuilder(rule.Name);
        var isAddress = IsAddressRange(service);
        if (isAddress)
        {
            entry.Hosts(rule.Name).Addresses(service);
            Warn(KeyOf(destination!, "service") ?? destination!, rule.Display, "spec.destination.service", $"names an address range; the ServiceEntry gets it as an address and the rule's name \"{rule.Name}\" as its host.");
        }
        else
        {
            entry.Hosts(service);
        }

        var ports = Child(rule.Spec, "ports") as YamlSequenceNode;
        foreach (var (port, index) in (ports?.Children ?? []).Select((p, i) => (p, i)))
        {
            var path = $"spec.ports[{index}]";
            var map = port as YamlMappingNode;
            var number = map is not null && int.TryParse(Scalar(map, "port"), out var n) ? n : (int?)null;
            var protocol = map is null ? null : Scalar(map, "protocol");
            if (number is not { } value || value is < 1 or > 65535)
            {
                Warn((map is null ? null : KeyOf(map, "port")) ?? port, rule.Display, path + ".port", "is not a port number from 1 to 65535; the port is skipped.");
            }
            else if (protocol is null || !EgressProtocols.TryGetValue(protocol, out var istioProtocol))
            {
                Warn(KeyOf(map!, "protocol") ?? port, rule.Display, path + ".protocol", $"\"{protocol}\" is not one of http, https, grpc, http2, tcp, mongo; the port is skipped.");
            }
            else
            {
                entry.Port(value, $"{protocol.ToLowerInvariant()}-{value}", istioProtocol);
            }
        }

        if (entry.Target.Ports.Count == 0)
        {
            Warn(KeyOf(rule.Spec, "ports") ?? rule.Node, rule.Display, "spec.ports", "gives no port that can be translated; the ServiceEntry has none and Istio will reject it until one is added.");
        }

        if (Child(rule.Spec, "useEgressProxy") is YamlScalarNode { Value: "true" })
        {
            Warn(KeyOf(rule.Spec, "useEgressProxy")!, rule.Display, "spec.useEgressProxy", "is not translated; route the host through the egress gateway with mesh.Egress().RouteThroughGateway(...).");
        }

        entry.Location(ServiceEntryLocation.MeshExternal)
            .Resolution(isAddress || service.Contains('*', StringComparison.Ordinal) ? ServiceEntryResolution.None : ServiceEntryResolution.Dns);
        yield return Finish(entry.Build(), rule);
    }

    private static bool IsAddressRange(string service)
    {
        var address = service.Split('/')[0];
        return IPAddress.TryParse(address, out _);
    }

    private static string RouteHost(LegacyDocument rule)
    {
        var destination = Child(rule.Spec, "destination") as YamlMappingNode;
        return destination is null ? rule.Name : ServiceHost(destination, rule.Namespace) ?? rule.Name;
    }

    /// <summary>An IstioService (name, namespace, domain, service) as a host: short when in the rule's namespace.</summary>
    private static string? ServiceHost(YamlMappingNode service, string? ruleNamespace)
    {
        if (Scalar(service, "service") is { } fqdn)
        {
            return fqdn;
        }

        var name = Scalar(service, "name");
        var ns = Scalar(service, "namespace");
        var domain = Scalar(service, "domain");
        if (name is null)
        {
            return null;
        }

        return (ns is null || ns == ruleNamespace) && domain is null ? name : $"{name}.{ns ?? ruleNamespace ?? "default"}.svc.{domain ?? "cluster.local"}";
    }

    private IEnumerable<IstioResource> TranslateRouteRules(List<LegacyDocument> rules)
    {
        var first = rules[0];
        var host = RouteHost(first);
        var virtualService = new VirtualServiceBuilder(first.Name).Hosts(host);
        var subsets = new List<(string Name, IReadOnlyList<KeyValuePair<string, string>> Labels)>();

        foreach (var rule in rules.OrderByDescending(Precedence))
        {
            if (rule != first)
            {
                Warn(rule.Node, rule.Display, string.Empty, $"is merged into VirtualService {first.Name} with the other rules for {host}, ordered by precedence (a host has one VirtualService).");
            }

            if (Child(rule.Spec, "destination") is not YamlMappingNode)
            {
                Warn(rule.Node, rule.Display, "spec.destination", $"is missing; the rule's name \"{host}\" is taken as the host it routes.");
            }

            virtualService.Http(route => TranslateRoute(rule, host, route, subsets));
        }

        yield return Finish(virtualService.Build(), first);

        if (subsets.Count > 0)
        {
            var destinationRule = new DestinationRuleBuilder(first.Name).Host(host);
            foreach (var (name, labels) in subsets)
            {
                destinationRule.Subset(name, s =>
                {
                    foreach (var (key, value) in labels)
                    {
                        s.Label(key, value);
                    }
                });
            }

            yield return Finish(destinationRule.Build(), first);
        }
    }

    private static int Precedence(LegacyDocument rule)
        => int.TryParse(Scalar(rule.Spec, "precedence"), out var precedence) ? precedence : 0;

    private void TranslateRoute(LegacyDocument rule, string host, HttpRouteBuilder route, List<(string Name, IReadOnlyList<KeyValuePair<string, string>> Labels)> subsets)
    {
        foreach (var (keyNode, value) in rule.Spec.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? string.Empty;
            var path = "spec." + key;
            switch (key)
            {
                case "destination":
                    if (value is YamlMappingNode destination && KeyOf(destination, "labels") is { } labels)
                    {
                        Warn(labels, rule.Display, path + ".labels", "is not translated: a VirtualService applies to every instance of its host; move the labels into the routes.");
                    }

                    break;
                case "precedence":
                    break;
                case "match":
                    TranslateMatch(rule, keyNode, value, path, route);
                    break;
                case "route":
                    TranslateDestinations(rule, host, value, path, route, subsets);
                    break;
                case "redirect" when value is YamlMappingNode redirect:
                    route.Redirect(r => UriAndAuthority(redirect, uri => r.Uri(uri), authority => r.Authority(authority)));
                    break;
                case "rewrite" when value is YamlMappingNode rewrite:
                    route.Rewrite(r => UriAndAuthority(rewrite, uri => r.Uri(uri), authority => r.Authority(authority)));
                    break;
                case "httpReqTimeout":
                    TranslateTimeout(rule, keyNode, value, path, route);
                    break;
                case "httpReqRetries":
                    TranslateRetries(rule, keyNode, value, path, route);
                    break;
                case "websocketUpgrade" when value is YamlScalarNode { Value: "true" }:
                    break;
                case "httpFault" or "l4Fault" or "mirror" or "corsPolicy" or "appendHeaders" or "websocketUpgrade":
                    Warn(keyNode, rule.Display, path, $"is not translated; add the equivalent to the VirtualService's http route by hand ({TodayField(key)}).");
                    break;
                default:
                    Warn(keyNode, rule.Display, path, "is not a RouteRule field Mesh.Dsl translates; dropped.");
                    break;
            }
        }

        if (Child(rule.Spec, "route") is null && Child(rule.Spec, "redirect") is null)
        {
            route.RouteTo(host);
        }
    }

    /// <summary>Reads the uri and authority of a legacy redirect or rewrite, which carry over unchanged.</summary>
    private static void UriAndAuthority(YamlMappingNode map, Action<string> uri, Action<string> authority)
    {
        if (Scalar(map, "uri") is { } uriValue)
        {
            uri(uriValue);
        }

        if (Scalar(map, "authority") is { } authorityValue)
        {
            authority(authorityValue);
        }
    }

    private static string TodayField(string legacyField) => legacyField switch
    {
        "httpFault" => "fault",
        "l4Fault" => "no equivalent today",
        "mirror" => "mirror, with a DestinationRule subset for its labels",
        "corsPolicy" => "corsPolicy",
        "appendHeaders" => "headers.request.add",
        _ => "WebSocket upgrades are allowed by default today",
    };

    private void TranslateMatch(LegacyDocument rule, YamlNode key, YamlNode value, string path, HttpRouteBuilder route)
    {
        if (value is not YamlMappingNode match)
        {
            Warn(key, rule.Display, path, "is not a mapping; dropped.");
            return;
        }

        route.Match(m =>
        {
            foreach (var (keyNode, condition) in match.Children)
            {
                var key = ((YamlScalarNode)keyNode).Value;
                if (key == "request" && condition is YamlMappingNode request && Child(request, "headers") is YamlMappingNode headers)
                {
                    foreach (var (headerNode, headerMatch) in headers.Children)
                    {
                        var header = ((YamlScalarNode)headerNode).Value ?? string.Empty;
                        if (StringMatchOf(rule, headerNode, headerMatch, $"{path}.request.headers.{header}") is not { } stringMatch)
                        {
                            continue;
                        }

                        _ = header switch
                        {
                            "uri" => m.Uri(stringMatch),
                            "scheme" => m.Scheme(stringMatch),
                            "method" => m.Method(stringMatch),
                            "authority" => m.Authority(stringMatch),
                            _ => m.Header(header.ToLowerInvariant(), stringMatch),
                        };
                    }
                }
                else if (key == "source" && condition is YamlMappingNode source)
                {
                    foreach (var (label, labelValue) in StringPairs(source, "labels"))
                    {
                        m.SourceLabel(label, labelValue);
                    }

                    if (KeyOf(source, "name") is { } sourceName)
                    {
                        Warn(sourceName, rule.Display, path + ".source.name", "is not translated: today's matches select sources by labels (sourceLabels); add the source workloads' labels.");
                    }
                }
                else
                {
                    Warn(keyNode, rule.Display, $"{path}.{key}", "is not translated (only request.headers and source labels are); dropped.");
                }
            }
        });
    }

    private StringMatch? StringMatchOf(LegacyDocument rule, YamlNode key, YamlNode node, string path)
    {
        if (node is YamlMappingNode { Children.Count: 1 } map && map.Children.First() is var (kindNode, valueNode) && valueNode is YamlScalarNode { Value: { } text })
        {
            switch (((YamlScalarNode)kindNode).Value)
            {
                case "exact":
                    return StringMatch.Exactly(text);
                case "prefix":
                    return StringMatch.StartingWith(text);
                case "regex":
                    return StringMatch.MatchingRegex(text);
            }
        }

        Warn(key, rule.Display, path, "is not one of exact, prefix or regex with a string; dropped.");
        return null;
    }

    private void TranslateDestinations(LegacyDocument rule, string host, YamlNode value, string path, HttpRouteBuilder route, List<(string Name, IReadOnlyList<KeyValuePair<string, string>> Labels)> subsets)
    {
        var destinations = value as YamlSequenceNode;
        foreach (var (node, index) in (destinations?.Children ?? []).Select((n, i) => (n, i)))
        {
            if (node is not YamlMappingNode destination)
            {
                Warn(node, rule.Display, $"{path}[{index}]", "is not a mapping; dropped.");
                continue;
            }

            var target = Child(destination, "destination") is YamlMappingNode other ? ServiceHost(other, rule.Namespace) ?? host : host;
            var labels = StringPairs(destination, "labels");
            var subset = labels.Count == 0 ? null : SubsetFor(labels, subsets);
            if (target != host && subset is not null)
            {
                Warn(KeyOf(destination, "labels")!, rule.Display, $"{path}[{index}].labels", $"select instances of {target}, another host: define subset \"{subset}\" in a DestinationRule for {target} by hand.");
            }

            int? weight = int.TryParse(Scalar(destination, "weight"), out var w) ? w : null;
            route.RouteTo(target, subset: subset, weight: weight);
        }
    }

    /// <summary>The subset for a label set: named after the label values (<c>v2</c>), numbered if another label set took the name.</summary>
    private static string SubsetFor(IReadOnlyList<KeyValuePair<string, string>> labels, List<(string Name, IReadOnlyList<KeyValuePair<string, string>> Labels)> subsets)
    {
        var existing = subsets.FirstOrDefault(s => s.Labels.OrderBy(p => p.Key, StringComparer.Ordinal).SequenceEqual(labels.OrderBy(p => p.Key, StringComparer.Ordinal)));
        if (existing.Name is not null)
        {
            return existing.Name;
        }

        var baseName = HostNames.Slug(string.Join("-", labels.Select(l => l.Value)));
        var name = baseName;
        for (var i = 2; subsets.Any(s => s.Name == name); i++)
        {
            name = $"{baseName}-{i}";
        }

        subsets.Add((name, labels));
        return name;
    }

    private void TranslateTimeout(LegacyDocument rule, YamlNode key, YamlNode value, string path, HttpRouteBuilder route)
    {
        var simple = value is YamlMappingNode map ? Child(map, "simpleTimeout") as YamlMappingNode : null;
        if (simple is not null && Scalar(simple, "timeout") is { } text && Durations.TryParse(text, out var timeout))
        {
            route.Timeout(timeout);
            WarnOverrideHeader(rule, simple, path + ".simpleTimeout");
        }
        else
        {
            Warn(key, rule.Display, path, "is not a simpleTimeout with a duration; dropped.");
        }
    }

    private void TranslateRetries(LegacyDocument rule, YamlNode key, YamlNode value, string path, HttpRouteBuilder route)
    {
        var simple = value is YamlMappingNode map ? Child(map, "simpleRetry") as YamlMappingNode : null;
        if (simple is not null && int.TryParse(Scalar(simple, "attempts"), out var attempts))
        {
            TimeSpan? perTry = Scalar(simple, "perTryTimeout") is { } text && Durations.TryParse(text, out var parsed) ? parsed : null;
            route.Retries(attempts, perTry);
            WarnOverrideHeader(rule, simple, path + ".simpleRetry");
        }
        else
        {
            Warn(key, rule.Display, path, "is not a simpleRetry with attempts; dropped.");
        }
    }

    private void WarnOverrideHeader(LegacyDocument rule, YamlMappingNode simple, string path)
    {
        if (KeyOf(simple, "overrideHeaderName") is { } header)
        {
            Warn(header, rule.Display, path + ".overrideHeaderName", "is not translated: today's proxies read the x-envoy-* headers without configuration.");
        }
    }

    private T Finish<T>(T resource, LegacyDocument source) where T : IstioResource
    {
        foreach (var (key, value) in source.Labels)
        {
            (resource.MetadataLabels ??= new OrderedDictionary<string, string>())[key] = value;
        }

        foreach (var (key, value) in source.Annotations)
        {
            (resource.MetadataAnnotations ??= new OrderedDictionary<string, string>())[key] = value;
        }

        resource.ApiVersion = _options.ApiVersion;
        if (source.Namespace is not null)
        {
            resource.MetadataNamespace = Guard.NamespaceName(source.Namespace, "namespace");
        }

        return resource;
    }

    private void Warn(YamlNode node, string resource, string path, string message)
        => _warnings.Add(new LegacyImportWarning(_file, (int)node.Start.Line, (int)node.Start.Column, resource, path, message));

    private static YamlNode? KeyOf(YamlMappingNode map, string key)
        => map.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: var value } && value == key);

    private static YamlNode? Child(YamlMappingNode map, string key)
        => map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlMappingNode map, string key)
        => Child(map, key) is YamlScalarNode { Value: { Length: > 0 } value } ? value : null;

    private static IReadOnlyList<KeyValuePair<string, string>> StringPairs(YamlMappingNode? map, string key)
    {
        if (map is null || Child(map, key) is not YamlMappingNode pairs)
        {
            return [];
        }

        return pairs.Children
            .Where(p => p.Key is YamlScalarNode && p.Value is YamlScalarNode)
            .Select(p => KeyValuePair.Create(((YamlScalarNode)p.Key).Value ?? string.Empty, ((YamlScalarNode)p.Value).Value ?? string.Empty))
            .ToList();
    }
}
