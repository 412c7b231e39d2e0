using k8s;
using Mesh.Dsl.IO;
using Mesh.Dsl.Model;
using Mesh.Dsl.Serialization;
using Mesh.Dsl.Validation;

namespace Mesh.Dsl;

/// <summary>The config-repository loop: load files into a mesh, change it, save it back to the same files.</summary>
public sealed partial class IstioMesh
{
    // The files the mesh was loaded from, each with its documents in order; null for a mesh built in code.
    private List<LoadedFile>? _files;
    private bool _loadedWithErrors;

    /// <summary>The documents read with the mesh that are not Istio kinds, kept as they are, in file order.</summary>
    public IReadOnlyList<OtherDocument> OtherDocuments
        => _files is null ? [] : [.. _files.SelectMany(f => f.Entries).Select(e => e.Other).OfType<OtherDocument>().Where(d => !d.IsEmpty)];

    /// <summary>The pod templates of the workloads in <see cref="KubernetesObjects"/>: the pods they run, for the checks that select pods.</summary>
    public IEnumerable<WorkloadPodTemplate> PodTemplates => _kubernetesObjects.Select(WorkloadPodTemplate.Of).OfType<WorkloadPodTemplate>();

    /// <summary>
    /// Reads YAML or JSON files (folders: every *.yaml, *.yml and *.json below them) into a new mesh: Istio kinds
    /// as resources, the Kubernetes objects validation uses into <see cref="KubernetesObjects"/>, and every other
    /// document kept as it is, so that <see cref="Save(string?, bool)"/> can write the files back.
    /// </summary>
    /// <param name="paths">Files or folders.</param>
    /// <returns>The mesh, with the resources in file and document order.</returns>
    /// <exception cref="MeshReadException">Listing every read error and every duplicate of every file, with file, line and column.</exception>
    public static IstioMesh Load(params string[] paths) => TryLoad(paths).ThrowIfFailed();

    /// <summary>Reads files as <see cref="Load"/> does, returning the errors instead of throwing.</summary>
    /// <param name="paths">Files or folders.</param>
    /// <returns>The mesh of what was read without error, and every read error and duplicate.</returns>
    public static MeshLoadResult TryLoad(params string[] paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var mesh = new IstioMesh { _files = [] };
        var search = IO.FileFinder.Find(paths, IO.FileFinder.IsYamlOrJson);
        var errors = search.Problems.Where(p => p.IsError).Select(p => new ReadError(p.Path, 0, 0, string.Empty, p.Message)).ToList();
        foreach (var found in search.Files)
        {
            var path = found.Path;
            var file = new LoadedFile(path);
            var context = new ReadContext(path);
            try
            {
                using var reader = ManifestFiles.OpenText(path);
                // The documents' text is kept for Save (documents written back as they were, comments): as UTF-8, half
                // the memory of the string it is read as (100 MB of YAML: about 100 MB less).
                ResourceReader.Read(reader, context, new ManifestReadOptions { KeepTextAsUtf8 = true }, file.Entries.Add);
            }
            catch (MeshReadException e)
            {
                errors.AddRange(e.Errors); // bytes that are not text: one error with its position
                mesh._loadedWithErrors = true;
                continue;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add(new ReadError(path, 1, 1, string.Empty, $"cannot read the file: {IO.FileFinder.Reason(e)}"));
                mesh._loadedWithErrors = true;
                continue;
            }

            var fileErrors = context.SortedErrors();
            errors.AddRange(fileErrors);
            if (fileErrors.Any(e => e.Message.StartsWith("this file is a Helm or Go template", StringComparison.Ordinal)))
            {
                mesh._loadedWithErrors = true;
                continue; // nothing of a template is read
            }

            mesh._files.Add(file);
            foreach (var entry in file.Entries)
            {
                mesh.AddLoaded(file, entry, errors);
            }
        }

        mesh._loadedWithErrors |= errors.Count > 0;
        return new MeshLoadResult(mesh, errors);
    }

    private void AddLoaded(LoadedFile file, ManifestEntry entry, List<ReadError> errors)
    {
        foreach (var kubernetesObject in entry.KubernetesObjects ?? [])
        {
            _kubernetesObjects.Add(kubernetesObject);
        }

        var kept = new List<IstioResource>();
        foreach (var resource in entry.Resources)
        {
            if (TryAdd(resource))
            {
                kept.Add(resource);
                continue;
            }

            var first = _resources.First(r => r.Definition == resource.Definition && r.MetadataName == resource.MetadataName && r.MetadataNamespace == resource.MetadataNamespace);
            var at = resource.Source!.Locate("metadata.name");
            var firstAt = first.Source is { } source ? $"{source.File ?? "<input>"}:{source.Locate("metadata.name")}" : "code";
            var ns = resource.MetadataNamespace is { Length: > 0 } n ? $"namespace {n}" : "no namespace";
            errors.Add(new ReadError(file.Path, at.Line, at.Column, "metadata.name",
                $"another {resource.Kind} named '{resource.MetadataName}' in {ns} was read at {firstAt}; the second would replace the first in a cluster. Rename or remove one."));
        }

        // A document Save cannot write from its resources (a List with other kinds, a JSON file) is written back as
        // it was read: Save checks its resources did not change.
        if (kept.Count > 0 && (entry.Other is not null || file.IsJson))
        {
            file.Snapshots[entry] = MeshYaml.Serialize(kept);
        }
    }

    /// <summary>
    /// Writes a loaded mesh back to the files it was read from, after validating it (as <see cref="ToYaml"/>
    /// does): each file's documents in their order, its Istio resources in canonical form (as they are now), every
    /// other document and comment standing alone exactly as it was. Resources added since loading go to
    /// <paramref name="newResourcesFile"/> (added at its end when it is one of the loaded files). Each file is
    /// replaced whole (a temporary file renamed over it), and only when its content changes.
    /// </summary>
    /// <param name="newResourcesFile">Where resources added after loading go; needed only when there are such.</param>
    /// <param name="allowErrors">True to save even when validation finds errors.</param>
    /// <returns>The files written.</returns>
    /// <exception cref="MeshValidationException">When validation finds errors and <paramref name="allowErrors"/> is false.</exception>
    /// <exception cref="InvalidOperationException">When the mesh was not loaded from files, was loaded with errors, has new resources and no file for them, or a resource of a document Save writes back unchanged (a JSON file, a List that also holds other kinds) was changed.</exception>
    public IReadOnlyList<string> Save(string? newResourcesFile = null, bool allowErrors = false) => Save(newResourcesFile, allowErrors, FileSystem.Real);

    /// <summary>As <see cref="Save(string?, bool)"/>, writing through <paramref name="fileSystem"/> (tests inject failures).</summary>
    internal IReadOnlyList<string> Save(string? newResourcesFile, bool allowErrors, FileSystem fileSystem)
    {
        if (_files is null)
        {
            throw new InvalidOperationException("This mesh was not loaded from files; write it with ToYaml, WriteYaml or WriteToDirectory.");
        }

        if (_loadedWithErrors)
        {
            throw new InvalidOperationException("This mesh was loaded with errors; saving it would lose the documents that could not be read. Fix them and load it again.");
        }

        EnsureValid(allowErrors);
        var inFiles = new HashSet<IstioResource>(_files.SelectMany(f => f.Entries).SelectMany(e => e.Resources), ReferenceEqualityComparer.Instance);
        var added = _resources.Where(r => !inFiles.Contains(r)).ToList();
        LoadedFile? target = null;
        if (added.Count > 0)
        {
            if (newResourcesFile is null)
            {
                throw new InvalidOperationException($"{added.Count} resource{(added.Count == 1 ? " was" : "s were")} added after loading ({string.Join(", ", added.Take(5))}{(added.Count > 5 ? ", ..." : string.Empty)}); name the file they go to.");
            }

            var full = Path.GetFullPath(newResourcesFile);
            target = _files.FirstOrDefault(f => string.Equals(Path.GetFullPath(f.Path), full, StringComparison.Ordinal));
            if (target is null && File.Exists(full))
            {
                throw new InvalidOperationException($"{newResourcesFile} exists but was not loaded; saving would replace what it holds. Name a new file or one that was loaded.");
            }

            if (target?.IsJson == true || (target is null && newResourcesFile.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
            {
                throw new InvalidOperationException($"Save writes YAML; name a *.yaml file for the new resources, not {newResourcesFile}.");
            }
        }

        foreach (var file in _files)
        {
            foreach (var (entry, snapshot) in file.Snapshots)
            {
                if (MeshYaml.Serialize(entry.Resources.Where(inFiles.Contains)) != snapshot)
                {
                    throw new InvalidOperationException($"{file.Path}:{entry.Line}: a resource read from this document changed, but Save writes the document back as it was read ({(file.IsJson ? "a JSON file" : "a List that also holds other kinds")}); move the resource to a YAML document of its own.");
                }
            }
        }

        var written = new List<string>();
        foreach (var file in _files)
        {
            if (file.IsJson && file != target)
            {
                continue;
            }

            if (AtomicFile.WriteIfChanged(file.Path, stream => WriteFile(stream, file, file == target ? added : []), fileSystem))
            {
                written.Add(file.Path);
            }
        }

        if (added.Count > 0 && target is null && AtomicFile.WriteIfChanged(newResourcesFile!, stream => WriteFile(stream, null, added), fileSystem))
        {
            written.Add(newResourcesFile!);
        }

        return written;
    }

    private void WriteFile(Stream stream, LoadedFile? file, List<IstioResource> added)
    {
        using var text = new StreamWriter(stream, MeshYaml.Utf8, bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\n" };
        var writer = new ManifestWriter(text);
        foreach (var entry in file?.Entries ?? [])
        {
            writer.Write(entry, stripServerFields: false);
        }

        foreach (var resource in added)
        {
            writer.WriteResource(resource, string.Empty);
        }
    }

    /// <summary>A file a mesh was loaded from: its documents, and what Save checks before writing it.</summary>
    private sealed class LoadedFile(string path)
    {
        public string Path { get; } = path;

        public List<ManifestEntry> Entries { get; } = [];

        public bool IsJson { get; } = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

        /// <summary>The canonical YAML of the resources of documents written back as they were read.</summary>
        public Dictionary<ManifestEntry, string> Snapshots { get; } = new(ReferenceEqualityComparer.Instance);
    }
}
