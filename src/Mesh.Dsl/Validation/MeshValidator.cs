using k8s;
using k8s.Models;
using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Model.Security;
using Mesh.Dsl.Serialization;
using Mesh.Dsl.Validation.Rules;

namespace Mesh.Dsl.Validation;

/// <summary>
/// Checks Istio resources the way Istio would: the field rules of the CRD schema, CEL and the istiod
/// webhook, the cross-resource checks of <c>istioctl analyze</c>, and security advice. Every check
/// uses lookups built once per call, so the time grows linearly with the number of resources.
/// </summary>
public sealed class MeshValidator
{
    /// <summary>Whether to run the checks that look at several resources together (default true).</summary>
    public bool CrossResourceChecks { get; init; } = true;

    /// <summary>Whether to report security advice, the <c>MESH3xxx</c> warnings (default true).</summary>
    public bool SecurityAdvice { get; init; } = true;

    /// <summary>
    /// Whether <see cref="ValidateFiles"/> also loads Kubernetes <c>v1</c> Service, Pod, Secret and Namespace
    /// documents (default false: like <see cref="MeshYaml"/>, every non-Istio document is then a read error).
    /// </summary>
    public bool ReadKubernetesObjects { get; init; }

    /// <summary>The clock used to find expired gateway certificates (default the system clock).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Validates a set of resources as one mesh.</summary>
    /// <param name="resources">The resources, e.g. <see cref="IstioMesh.Resources"/> or everything read from a folder.</param>
    /// <returns>The diagnostics, in resource order and, for each resource, in rule order.</returns>
    public IReadOnlyList<Diagnostic> Validate(IEnumerable<IstioResource> resources) => Validate(resources, []);

    /// <summary>
    /// Validates a set of resources as one mesh, with the Kubernetes objects they run against. The checks that
    /// need Services, Pods, Secrets or Namespaces (pods selected by Gateways, Sidecars and DestinationRule
    /// subsets, gateway credentials and ports, ambient namespaces) run only for the kinds given.
    /// </summary>
    /// <param name="resources">The Istio resources.</param>
    /// <param name="kubernetesObjects">KubernetesClient objects: <see cref="V1Service"/>, <see cref="V1Pod"/>, <see cref="V1Secret"/> and <see cref="V1Namespace"/> are used, others ignored.</param>
    /// <returns>The diagnostics, in resource order and, for each resource, in rule order.</returns>
    public IReadOnlyList<Diagnostic> Validate(IEnumerable<IstioResource> resources, IEnumerable<IKubernetesObject> kubernetesObjects)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(kubernetesObjects);
        var objects = kubernetesObjects.ToList();
        var list = resources.ToList();
        var sink = new DiagnosticSink();

        // One context per distinct resource; a resource listed twice keeps its first position's context.
        var contexts = new Dictionary<IstioResource, RuleContext>(list.Count, ReferenceEqualityComparer.Instance);
        var ordered = new RuleContext[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(list[i], nameof(resources));
            if (!contexts.TryGetValue(list[i], out var context))
            {
                contexts.Add(list[i], context = new RuleContext(list[i], sink, i));
            }

            ordered[i] = context;
        }

        for (var i = 0; i < list.Count; i++)
        {
            var resource = list[i];
            var context = ordered[i];
            CommonRules.CheckMetadata(context);
            CheckFields(resource, context);
            if (SecurityAdvice)
            {
                Advise(resource, context);
            }
        }

        if (CrossResourceChecks)
        {
            CheckDuplicates(list, ordered);
            var index = new MeshIndex(list);
            CrossResourceAnalysis.Run(index, r => contexts[r], SecurityAdvice);
            if (objects.Count > 0)
            {
                KubernetesChecks.Run(index, new KubernetesIndex(objects), r => contexts[r], TimeProvider.GetUtcNow());
            }
        }

        return sink.ToList();
    }

    /// <summary>
    /// Reads files and folders (every *.yaml, *.yml and *.json below a folder) as one mesh and validates
    /// it. A file that cannot be read gives <see cref="DiagnosticCodes.ReadError"/> errors; the resources
    /// of the other files are still checked. With <see cref="ReadKubernetesObjects"/> the files' Kubernetes
    /// Services, Pods, Secrets and Namespaces take part in the checks that need them.
    /// </summary>
    /// <param name="paths">Files or folders.</param>
    /// <returns>The read errors in file order, then the diagnostics of <see cref="Validate(IEnumerable{IstioResource}, IEnumerable{IKubernetesObject})"/>.</returns>
    public IReadOnlyList<Diagnostic> ValidateFiles(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var resources = new List<IstioResource>();
        var kubernetesObjects = new List<IKubernetesObject>();
        var diagnostics = new List<Diagnostic>();
        foreach (var file in IstioMesh.ExpandPaths(paths))
        {
            ReadResult result;
            try
            {
                result = ReadKubernetesObjects ? KubernetesDocuments.ReadFile(file, kubernetesObjects, diagnostics) : MeshYaml.TryReadFile(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.ReadError, DiagnosticSeverity.Error, string.Empty, null, null, string.Empty, $"cannot read the file: {e.Message}") { File = file });
                continue;
            }

            diagnostics.AddRange(result.Errors.Select(FromReadError));
            resources.AddRange(result.Resources);
        }

        diagnostics.AddRange(Validate(resources, kubernetesObjects));
        return diagnostics;
    }

    /// <summary>Turns a reader error into an error diagnostic with code <see cref="DiagnosticCodes.ReadError"/>.</summary>
    /// <param name="error">The reader's error.</param>
    /// <returns>The diagnostic, with the error's file, line, column and path.</returns>
    public static Diagnostic FromReadError(ReadError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new Diagnostic(DiagnosticCodes.ReadError, DiagnosticSeverity.Error, string.Empty, null, null, error.Path, error.Message)
        {
            File = error.File,
            Line = error.Line,
            Column = error.Column,
        };
    }

    private static void CheckFields(IstioResource resource, RuleContext context)
    {
        switch (resource)
        {
            case ServiceEntry entry:
                ServiceEntryRules.Check(entry, context);
                break;
            case PeerAuthentication policy:
                PeerAuthenticationRules.Check(policy, context);
                break;
            case DestinationRule rule:
                DestinationRuleRules.Check(rule, context);
                break;
            case VirtualService service:
                VirtualServiceRules.Check(service, context);
                break;
            case Gateway gateway:
                GatewayRules.Check(gateway, context);
                break;
            case Sidecar sidecar:
                SidecarRules.Check(sidecar, context);
                break;
        }
    }

    private static void Advise(IstioResource resource, RuleContext context)
    {
        switch (resource)
        {
            case ServiceEntry entry:
                ServiceEntryChecks.AdviseWildcardPassthrough(entry, context);
                break;
            case PeerAuthentication policy:
                PeerAuthenticationRules.Advise(policy, context);
                break;
            case DestinationRule rule:
                DestinationRuleRules.Advise(rule, context);
                break;
        }
    }

    private static void CheckDuplicates(List<IstioResource> resources, RuleContext[] contexts)
    {
        var first = new Dictionary<(string Kind, string Namespace, string? Name), IstioResource>(resources.Count);
        for (var i = 0; i < resources.Count; i++)
        {
            var resource = resources[i];
            var key = (resource.Kind, CommonRules.ResourceNamespace(resource), resource.Metadata?.Name);
            if (!first.TryAdd(key, resource) && !ReferenceEquals(first[key], resource))
            {
                var other = first[key];
                var where = other.Source is { } source ? $" (first defined at {source.File ?? "<input>"}:{source.Position.Line})" : string.Empty;
                contexts[i].Error(DiagnosticCodes.DuplicateResource, "metadata.name", $"another {resource.Kind} named '{key.Name}' exists in namespace {key.Item2}{where}; the second would replace the first in a cluster. Rename or remove one.");
            }
        }
    }
}
