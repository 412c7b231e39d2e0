using System.Collections;
using Mesh.Dsl.Model;
using Mesh.Dsl.Scenarios;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.CodeGeneration;

/// <summary>
/// Finds runs of resources that one recipe call makes (<c>mesh.Egress().OriginateTls("edition.cnn.com")</c>
/// for a ServiceEntry and DestinationRule pair). Each candidate call is made into a scratch mesh and
/// kept only when it makes exactly the resources it would replace, so recognition follows the recipes'
/// defaults, whatever they are.
/// </summary>
internal static class RecipeCalls
{
    private static readonly IReadOnlyList<Probe> Probes = CreateProbes();

    /// <summary>
    /// Walks <paramref name="resources"/> in order: each element is a recipe call with the resources it
    /// makes, or (<c>Call</c> null) one resource no recipe makes.
    /// </summary>
    public static IEnumerable<(Code? Call, IReadOnlyList<IstioResource> Resources)> Find(IReadOnlyList<IstioResource> resources, ValueCode values, Scope scope)
    {
        var i = 0;
        while (i < resources.Count)
        {
            var match = Match(resources, i, values, scope);
            if (match is { } found)
            {
                yield return (found.Call, resources.Skip(i).Take(found.Count).ToList());
                i += found.Count;
            }
            else
            {
                yield return (null, [resources[i]]);
                i++;
            }
        }
    }

    private static (Code Call, int Count)? Match(IReadOnlyList<IstioResource> resources, int start, ValueCode values, Scope scope)
    {
        var first = resources[start];
        foreach (var probe in Probes)
        {
            if (probe.FirstKind is { } kind && kind != first.Kind)
            {
                continue;
            }

            if (start + probe.ArgumentIn >= resources.Count)
            {
                continue;
            }

            // Only the strings where the sample run put its argument: one or two candidates, not every string of the resource.
            var candidates = probe.FromNamespace
                ? [first.MetadataNamespace ?? string.Empty]
                : Arguments(resources[start + probe.ArgumentIn]).Where(a => probe.ArgumentPaths.Contains(a.Path)).Select(a => a.Value).Distinct(StringComparer.Ordinal).ToList();
            foreach (var argument in candidates)
            {
                var options = new RecipeSettings(
                    probe.FromNamespace ? null : first.MetadataNamespace,
                    ApiVersionNear(resources, start, Group(Model.ApiVersions.NetworkingV1)) ?? Model.ApiVersions.NetworkingV1,
                    ApiVersionNear(resources, start, Group(Model.ApiVersions.SecurityV1)) ?? Model.ApiVersions.SecurityV1);
                if (Made(probe, argument, options) is not { } made || made.Count == 0 || start + made.Count > resources.Count)
                {
                    continue;
                }

                if (Same(made, resources, start))
                {
                    return (probe.Code(values, argument, options, scope), made.Count);
                }
            }
        }

        return null;
    }

    // "networking.istio.io/v1" -> "networking.istio.io": the group every version of the kind shares.
    private static string Group(string apiVersion) => apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)];

    /// <summary>The API version of the first resource of <paramref name="group"/> among the few from <paramref name="start"/>: what a recipe's API version options must be.</summary>
    private static string? ApiVersionNear(IReadOnlyList<IstioResource> resources, int start, string group)
        => resources.Skip(start).Take(8).Select(r => r.ApiVersion).FirstOrDefault(v => v.StartsWith(group + "/", StringComparison.Ordinal));

    private static List<IstioResource>? Made(Probe probe, string argument, RecipeSettings settings)
    {
        var mesh = new IstioMesh();
        try
        {
            probe.Run(mesh, argument, settings);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return null; // the recipe refuses the argument (a wildcard host where it needs an exact one)
        }

        return mesh.Resources.ToList();
    }

    /// <summary>Equal by meaning and written alike: label order too, which <see cref="ResourceComparer"/> leaves aside.</summary>
    private static bool Same(List<IstioResource> made, IReadOnlyList<IstioResource> resources, int start)
    {
        for (var i = 0; i < made.Count; i++)
        {
            if (!ResourceComparer.Instance.Equals(made[i], resources[start + i]) || MeshYaml.Serialize(made[i]) != MeshYaml.Serialize(resources[start + i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The strings of a resource by where they stand (<c>spec.hosts[0]</c>, <c>metadata.name</c>): where a recipe's argument may show.</summary>
    private static List<(string Path, string Value)> Arguments(IstioResource resource)
    {
        var strings = new List<(string, string)>();
        var spec = MessageShape.SpecProperty(resource.GetType()).GetValue(resource)!;
        Collect(MessageShape.OfSpec(resource), spec, "spec", 3, strings);
        if (resource.MetadataName is { } name)
        {
            strings.Add(("metadata.name", name));
        }

        return strings;
    }

    private static void Collect(MessageShape shape, object value, string path, int depth, List<(string Path, string Value)> strings)
    {
        foreach (var field in shape.Fields.Where(f => f.IsSet(value)))
        {
            var at = path + "." + field.Name;
            switch (field.Get(value))
            {
                case string text:
                    strings.Add((at, text));
                    break;
                case List<string> list:
                    strings.AddRange(list.Select((item, i) => ($"{at}[{i}]", item)));
                    break;
                case OrderedDictionary<string, string> map:
                    strings.AddRange(map.Select(entry => ($"{at}.{entry.Key}", entry.Value)));
                    break;
                case IList items when depth > 1:
                    for (var i = 0; i < items.Count; i++)
                    {
                        if (items[i] is { } item && MessageShape.Of(item.GetType()) is { } inner)
                        {
                            Collect(inner, item, $"{at}[{i}]", depth - 1, strings);
                        }
                    }

                    break;
                case var message when depth > 1 && MessageShape.Of(message.GetType()) is { } inner:
                    Collect(inner, message, at, depth - 1, strings);
                    break;
            }
        }
    }

    private static List<Probe> CreateProbes()
    {
        var probes = new List<Probe>
        {
            Probe.Create<TlsOriginationOptions>("Egress", "OriginateTls", null, (mesh, host, configure) => mesh.Egress().OriginateTls(host, configure)),
        };
        foreach (var style in Enum.GetValues<TlsOriginationStyle>().Where(s => s != TlsOriginationStyle.TargetPort))
        {
            probes.Add(Probe.Create<TlsOriginationOptions>("Egress", "OriginateTls", "TlsOriginationStyle." + style, (mesh, host, configure) => mesh.Egress().OriginateTls(host, style, configure)));
        }

        foreach (var traffic in Enum.GetValues<EgressGatewayTraffic>())
        {
            probes.Add(Probe.Create<EgressGatewayOptions>("Egress", "RouteThroughGateway", "EgressGatewayTraffic." + traffic, (mesh, host, configure) => mesh.Egress().RouteThroughGateway(host, traffic, configure)));
        }

        probes.Add(Probe.Create<ExternalServiceOptions>("Egress", "ExternalService", null, (mesh, host, configure) => mesh.Egress().ExternalService(host, configure)));
        probes.Add(Probe.Create<SidecarTlsTerminationOptions>("Ingress", "TerminateTlsAtSidecar", null, (mesh, app, configure) => mesh.Ingress().TerminateTlsAtSidecar(app, configure)));
        probes.Add(Probe.Create<LockDownOptions>("Egress", "LockDown", null, (mesh, ns, configure) => mesh.Egress().LockDown(ns, configure), fromNamespace: true));
        return probes;
    }

    /// <summary>The options every recipe shares, as the first resource has them: its namespace and API version.</summary>
    private sealed record RecipeSettings(string? Namespace, string ApiVersion, string SecurityApiVersion);

    /// <summary>One recipe call to try: <c>mesh.{Group}().{Method}(argument[, extra][, o => ...])</c>.</summary>
    private sealed class Probe
    {
        private Probe(bool fromNamespace, Action<IstioMesh, string, RecipeSettings> run, Func<ValueCode, string, RecipeSettings, Scope, Code> code)
        {
            FromNamespace = fromNamespace;
            Run = run;
            Code = code;
            (FirstKind, ArgumentIn, ArgumentPaths) = Learn();
        }

        /// <summary>Where, in the resource <see cref="ArgumentIn"/>, the sample run's argument stands.</summary>
        public IReadOnlySet<string> ArgumentPaths { get; }

        /// <summary>Which of the resources the recipe makes holds its argument (a ServiceEntry its host, a PeerAuthentication's selector the app): candidates are drawn from it alone.</summary>
        public int ArgumentIn { get; }

        /// <summary>
        /// The kind of the first resource the recipe makes, learnt by running it once: positions holding
        /// another kind are not tried. Null when the sample run fails (every position is tried then).
        /// </summary>
        public string? FirstKind { get; }

        /// <summary>True when the argument is the namespace (and no namespace option is set).</summary>
        public bool FromNamespace { get; }

        public Action<IstioMesh, string, RecipeSettings> Run { get; }

        public Func<ValueCode, string, RecipeSettings, Scope, Code> Code { get; }

        public static Probe Create<TOptions>(string group, string method, string? extra, Action<IstioMesh, string, Action<TOptions>?> run, bool fromNamespace = false)
            where TOptions : RecipeOptions
        {
            return new Probe(
                fromNamespace,
                (mesh, argument, settings) => run(mesh, argument, Configure<TOptions>(settings)),
                (values, argument, settings, scope) =>
                {
                    values.Names.Use("Mesh.Dsl.Scenarios");
                    var arguments = new List<Code> { values.Of(typeof(string), argument) };
                    if (extra is not null)
                    {
                        arguments.Add(new AtomCode(extra));
                    }

                    var statements = new List<Code>();
                    var parameter = scope.Nested().Take("o");
                    if (settings.Namespace is { } ns)
                    {
                        statements.Add(new PrefixedCode(parameter + ".Namespace = ", values.Of(typeof(string), ns)));
                    }

                    if (settings.ApiVersion != Model.ApiVersions.NetworkingV1)
                    {
                        statements.Add(new PrefixedCode(parameter + ".ApiVersion = ", values.Of(typeof(string), settings.ApiVersion, "apiVersion")));
                    }

                    if (typeof(TOptions) == typeof(SidecarTlsTerminationOptions) && settings.SecurityApiVersion != Model.ApiVersions.SecurityV1)
                    {
                        statements.Add(new PrefixedCode(parameter + ".SecurityApiVersion = ", values.Of(typeof(string), settings.SecurityApiVersion, "apiVersion")));
                    }

                    if (statements.Count > 0)
                    {
                        arguments.Add(LambdaCode.Block(parameter, statements));
                    }

                    return ListCode.Arguments($"mesh.{group}().{method}", arguments);
                });
        }

        /// <summary>Runs the recipe once on a sample argument to learn its first kind and where its argument shows.</summary>
        private (string? FirstKind, int ArgumentIn, IReadOnlySet<string> Paths) Learn()
        {
            // A host for the egress recipes, a name for the others: the first the recipe accepts.
            foreach (var sample in FromNamespace ? ["sample"] : new[] { "sample.example.com", "sample" })
            {
                var mesh = new IstioMesh();
                try
                {
                    Run(mesh, sample, new RecipeSettings(null, Model.ApiVersions.NetworkingV1, Model.ApiVersions.SecurityV1));
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException)
                {
                    continue;
                }

                var holder = FromNamespace ? -1 : mesh.Resources.ToList().FindIndex(r => Arguments(r).Any(a => a.Value == sample));
                var paths = holder < 0 ? [] : Arguments(mesh.Resources[holder]).Where(a => a.Value == sample).Select(a => a.Path).ToHashSet(StringComparer.Ordinal);
                return (mesh.Resources.Count > 0 ? mesh.Resources[0].Kind : null, Math.Max(holder, 0), paths);
            }

            return (null, 0, new HashSet<string>());
        }

        private static Action<TOptions>? Configure<TOptions>(RecipeSettings settings) where TOptions : RecipeOptions
        {
            if (settings.Namespace is null && settings.ApiVersion == Model.ApiVersions.NetworkingV1 && settings.SecurityApiVersion == Model.ApiVersions.SecurityV1)
            {
                return null;
            }

            return options =>
            {
                options.Namespace = settings.Namespace;
                options.ApiVersion = settings.ApiVersion;
                if (options is SidecarTlsTerminationOptions termination)
                {
                    termination.SecurityApiVersion = settings.SecurityApiVersion;
                }
            };
        }
    }
}
