using k8s;
using k8s.Models;
using Mesh.Dsl.Model;
using Mesh.Dsl.Serialization;
using Mesh.Dsl.Validation.Rules;

namespace Mesh.Dsl.Validation;

/// <summary>
/// Checks Istio resources the way Istio would: the field rules of the CRD schema, CEL and the istiod
/// webhook, the cross-resource checks of <c>istioctl analyze</c>, and security advice. Every check
/// uses lookups built once per call, so the time grows linearly with the number of resources.
/// </summary>
/// <remarks>
/// The checks are a registry of rules, each with its metadata (name, kinds, the codes it reports), after
/// istioctl's analyzers: docs/rules.md says how rules are written and registered.
/// </remarks>
public sealed partial class MeshValidator
{
    /// <summary>Whether to run the checks that look at several resources together (default true).</summary>
    public bool CrossResourceChecks { get; init; } = true;

    /// <summary>Whether to report security advice, the <c>MESH3xxx</c> warnings (default true).</summary>
    public bool SecurityAdvice { get; init; } = true;

    /// <summary>
    /// Whether <see cref="ValidateFiles(IEnumerable{string}, TextReader?)"/> checks the Istio resources against the Kubernetes objects the files hold
    /// (Services, Pods, Secrets, Namespaces, workloads' pod templates). Default false: they are then read and kept
    /// like every other document that is not Istio's, and the checks that need them do not run.
    /// </summary>
    public bool ReadKubernetesObjects { get; init; }

    /// <summary>
    /// The clock used to find expired gateway certificates (default the system clock). It is read once per
    /// validation, on the calling thread.
    /// </summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Whether a large mesh may be validated on two threads (default true): the checks that look at several
    /// resources together then run on a thread-pool thread while the calling thread runs each resource's field
    /// rules and advice. The diagnostics, their order and any exception thrown are the same either way. Two
    /// threads are used only with <see cref="CrossResourceChecks"/>, on a machine with more than one processor,
    /// for meshes of at least 500 resources (smaller ones take well under a millisecond once the code is warm,
    /// less than handing work to another thread costs).
    /// </summary>
    public bool Parallel { get; init; } = true;

    /// <summary>The rules to run (default <see cref="RuleRegistry.Default"/>, every rule of Mesh.Dsl); tests give others.</summary>
    internal RuleRegistry Rules { get; init; } = RuleRegistry.Default;

    /// <summary>The fewest resources validated on two threads (see <see cref="Parallel"/>); tests lower it to check small meshes.</summary>
    internal int ParallelFrom { get; init; } = 500;

    /// <summary>
    /// What <see cref="ValidateFiles(IEnumerable{string}, IO.FileSystem, TextReader?)"/> does between reading the files and
    /// validating them, given how many resources and Kubernetes objects were read; the command line collects the
    /// reader's garbage there (a library leaves the collector alone).
    /// </summary>
    internal Action<int>? AfterReading { get; init; }

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
    /// <param name="kubernetesObjects">KubernetesClient objects: <see cref="V1Service"/>, <see cref="V1Pod"/>, <see cref="V1Secret"/>, <see cref="V1Namespace"/> and the workloads whose pod templates stand for their pods (<see cref="WorkloadPodTemplate.Of"/>) are used, others ignored.</param>
    /// <returns>The diagnostics, in resource order and, for each resource, in rule order.</returns>
    public IReadOnlyList<Diagnostic> Validate(IEnumerable<IstioResource> resources, IEnumerable<IKubernetesObject> kubernetesObjects)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(kubernetesObjects);
        return Validate(resources.ToList(), kubernetesObjects.ToList());
    }

    /// <summary>As <see cref="Validate(IEnumerable{IstioResource}, IEnumerable{IKubernetesObject})"/>, on lists of its own that nobody changes meanwhile (no copy: a large mesh's list is megabytes).</summary>
    /// <param name="list">The resources.</param>
    /// <param name="objects">The Kubernetes objects.</param>
    /// <param name="readFromText">
    /// True when every resource is as the reader made it from text, which refuses every lone UTF-16 surrogate (a file's
    /// bytes are decoded strictly, and <see cref="YamlDocumentParser"/> refuses one in a text or an escape): the text
    /// rule (<see cref="LoneSurrogateRule"/>) then has nothing to find and is not run.
    /// </param>
    private IReadOnlyList<Diagnostic> Validate(List<IstioResource> list, List<IKubernetesObject> objects, bool readFromText = false)
    {
        var positions = Positions(list, out var duplicates);

        // Read on the calling thread, whichever thread runs the checks that compare certificates with it.
        var now = CrossResourceChecks && objects.Count > 0 ? TimeProvider.GetUtcNow() : default;
        if (CrossResourceChecks && Parallel && list.Count >= ParallelFrom && Environment.ProcessorCount > 1)
        {
            return Suppress(ValidateOnTwoThreads(list, positions, duplicates, objects, now, readFromText), list);
        }

        var sink = new DiagnosticSink();
        CheckEach(list, positions, sink, readFromText);
        if (CrossResourceChecks)
        {
            CheckAcross(list, positions, duplicates, objects, now, sink);
        }

        return Suppress(sink.ToList(), list);
    }

    /// <summary>
    /// Reads files and folders (every *.yaml, *.yml and *.json below a folder, found by <see cref="IO.FileFinder"/>) as
    /// one mesh and validates it. A file that cannot be read gives <see cref="DiagnosticCodes.ReadError"/> errors, a
    /// file skipped on purpose (a FIFO, a device, a link to a folder) an info line with that code; the resources
    /// of the other files are still checked. With <see cref="ReadKubernetesObjects"/> the files' Kubernetes
    /// Services, Pods, Secrets and Namespaces take part in the checks that need them.
    /// </summary>
    /// <param name="paths">Files, folders, or <c>-</c>: the text of <paramref name="standardInput"/>, named <c>&lt;stdin&gt;</c> in diagnostics, as on a command line.</param>
    /// <param name="standardInput">What <c>-</c> reads; null when there is none (a <c>-</c> is then a read error).</param>
    /// <returns>The read errors in file order (standard input last), then the diagnostics of <see cref="Validate(IEnumerable{IstioResource}, IEnumerable{IKubernetesObject})"/>.</returns>
    public IReadOnlyList<Diagnostic> ValidateFiles(IEnumerable<string> paths, TextReader? standardInput = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return ValidateFiles(paths, IO.FileSystem.Real, standardInput);
    }

    /// <summary>As <see cref="ValidateFiles(IEnumerable{string}, TextReader?)"/>, with the files found and read through <paramref name="fileSystem"/>.</summary>
    internal IReadOnlyList<Diagnostic> ValidateFiles(IEnumerable<string> paths, IO.FileSystem fileSystem, TextReader? standardInput = null)
    {
        var resources = new List<IstioResource>();
        var kubernetesObjects = new List<IKubernetesObject>();
        var diagnostics = new List<Diagnostic>();
        var (files, readsStandardInput) = MeshInputs.WithoutStandardInput(paths);
        var search = IO.FileFinder.Find(files, IO.FileFinder.IsYamlOrJson, fileSystem);
        foreach (var problem in search.Problems)
        {
            // A file skipped on purpose (a FIFO, a link to a folder) is worth a line, not a failed run.
            var severity = problem.IsError ? DiagnosticSeverity.Error : DiagnosticSeverity.Info;
            diagnostics.Add(new Diagnostic(DiagnosticCodes.ReadError, severity, string.Empty, null, null, string.Empty, problem.Message) { File = problem.Path });
        }

        foreach (var file in search.Files.Select(f => f.Path))
        {
            ReadResult result;
            try
            {
                result = MeshYaml.TryReadFile(file, new ManifestReadOptions { ReadKubernetesObjects = ReadKubernetesObjects }, fileSystem);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.ReadError, DiagnosticSeverity.Error, string.Empty, null, null, string.Empty, $"cannot read the file: {IO.FileFinder.Reason(e)}") { File = file });
                continue;
            }

            diagnostics.AddRange(result.Errors.Select(FromReadError));
            resources.AddRange(result.Resources);
            if (ReadKubernetesObjects)
            {
                kubernetesObjects.AddRange(result.KubernetesObjects);
            }
        }

        if (readsStandardInput)
        {
            if (standardInput is null)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.ReadError, DiagnosticSeverity.Error, string.Empty, null, null, string.Empty, "'-' names standard input, which this caller does not provide") { File = MeshInputs.StandardInputName });
            }
            else
            {
                var result = MeshYaml.TryRead(standardInput, MeshInputs.StandardInputName, new ManifestReadOptions { ReadKubernetesObjects = ReadKubernetesObjects });
                diagnostics.AddRange(result.Errors.Select(FromReadError));
                resources.AddRange(result.Resources);
                if (ReadKubernetesObjects)
                {
                    kubernetesObjects.AddRange(result.KubernetesObjects);
                }
            }
        }

        AfterReading?.Invoke(resources.Count + kubernetesObjects.Count);
        // The resources are the reader's own, which no caller has seen yet.
        diagnostics.AddRange(Validate(resources, kubernetesObjects, readFromText: true));
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

    /// <summary>
    /// <see cref="CheckEach"/> on this thread while <see cref="CheckAcross"/> runs on a pool thread. The two share
    /// nothing they write: both only read the model (whose collection getters may make an empty list, the same
    /// either way) and the static lookups of the rules, and each reports into its own sink with its own path
    /// cache. The cross-resource diagnostics are appended after the field rules', where the one-thread run reports
    /// them, so the sorted list is the same; lines and columns (<see cref="ResourceSource.Locate"/>) are found
    /// after the join, on this thread.
    /// </summary>
    private IReadOnlyList<Diagnostic> ValidateOnTwoThreads(List<IstioResource> list, int[] positions, List<(int Position, int First)>? duplicates, List<IKubernetesObject> objects, DateTimeOffset now, bool readFromText)
    {
        var across = new DiagnosticSink();
        var side = SideWork.Start(() => CheckAcross(list, positions, duplicates, objects, now, across));
        var sink = new DiagnosticSink();
        try
        {
            CheckEach(list, positions, sink, readFromText);
        }
        catch
        {
            // On one thread the field rules run first, so theirs is the exception to surface; the other half is
            // dropped, or if already running waited for, so that no work of this call goes on after it returns.
            side.Abandon();
            throw;
        }

        // Rethrows what the cross-resource half threw, as itself, as the one-thread run would throw it.
        side.Join();
        sink.Append(across);
        return sink.ToList();
    }

    /// <summary>The field rules and (with <see cref="SecurityAdvice"/>) the advice of each resource on its own, as registered for its kind.</summary>
    private void CheckEach(List<IstioResource> list, int[] positions, DiagnosticSink sink, bool readFromText)
    {
        var registry = Rules;
        for (var i = 0; i < list.Count; i++)
        {
            var resource = list[i];
            var context = sink.Context(resource, positions[i]);
            foreach (var rule in registry.For(resource.Definition, SecurityAdvice))
            {
                if (readFromText && rule is LoneSurrogateRule)
                {
                    continue;
                }

                sink.Rule = rule.Metadata;
                rule.Check(resource, context);
            }
        }

        sink.Rule = null;
    }

    /// <summary>The registered mesh rules: those that look at several resources together, and those that need the Kubernetes objects.</summary>
    private void CheckAcross(List<IstioResource> list, int[] positions, List<(int Position, int First)>? duplicates, List<IKubernetesObject> objects, DateTimeOffset now, DiagnosticSink sink)
    {
        var index = new MeshIndex(list, positions);
        var kubernetes = objects.Count > 0 ? new KubernetesIndex(objects) : null;
        var mesh = new MeshContext(list, positions, duplicates, index, kubernetes, now, sink);
        // The kinds in the mesh, by name, for the rules to skip whose kinds are all absent (MeshRule.AppliesTo).
        var presentBits = 0;
        var presentKinds = new List<string>();
        for (var i = 0; i < list.Count; i++)
        {
            var kind = list[i].Definition;
            if ((presentBits & kind.Bit) == 0)
            {
                presentBits |= kind.Bit;
                presentKinds.Add(kind.Kind);
            }
        }

        foreach (var rule in Rules.MeshRules)
        {
            if ((rule.Metadata.IsAdvice && !SecurityAdvice) || (rule.NeedsKubernetesObjects && kubernetes is null) || !rule.AppliesTo(presentKinds))
            {
                continue;
            }

            sink.Rule = rule.Metadata;
            rule.Check(mesh);
        }

        sink.Rule = null;
    }

    /// <summary>
    /// The position whose context reports for each resource: its own, or for a resource listed twice its first,
    /// so the second listing's findings join the first's. Also finds the resources that repeat an earlier one's
    /// kind, namespace and name (<paramref name="duplicates"/>: position and the earlier resource's position).
    /// </summary>
    private static int[] Positions(List<IstioResource> resources, out List<(int Position, int First)>? duplicates)
    {
        duplicates = null;
        var positions = new int[resources.Count];

        // The first position of each (kind, namespace, name): a set of positions compared by those names.
        var firsts = new HashSet<int>(resources.Count, new SameNameComparer(resources));

        // The first positions of the resources that repeat another resource's names (rare), by identity.
        Dictionary<IstioResource, int>? repeated = null;
        for (var i = 0; i < resources.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(resources[i], nameof(resources));
            positions[i] = i;
            if (firsts.Add(i))
            {
                continue;
            }

            firsts.TryGetValue(i, out var first);
            if (ReferenceEquals(resources[first], resources[i]))
            {
                positions[i] = first;
                continue;
            }

            (duplicates ??= []).Add((i, first));
            repeated ??= new Dictionary<IstioResource, int>(ReferenceEqualityComparer.Instance);
            positions[i] = repeated.TryAdd(resources[i], i) ? i : repeated[resources[i]];
        }

        return positions;
    }

    /// <summary>Compares positions in the resource list by the resources' kind, namespace and name.</summary>
    private sealed class SameNameComparer(List<IstioResource> resources) : IEqualityComparer<int>
    {
        public bool Equals(int x, int y)
        {
            var (a, b) = (resources[x], resources[y]);
            return a.Kind == b.Kind && a.MetadataName == b.MetadataName && CommonRules.ResourceNamespace(a) == CommonRules.ResourceNamespace(b);
        }

        public int GetHashCode(int position)
        {
            var resource = resources[position];
            return HashCode.Combine(resource.Kind, CommonRules.ResourceNamespace(resource), resource.MetadataName);
        }
    }
}
