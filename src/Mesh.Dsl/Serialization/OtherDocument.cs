namespace Mesh.Dsl.Serialization;

/// <summary>
/// A document that is not one of the Istio kinds Mesh.Dsl models (a Deployment, a ConfigMap, another project's
/// custom resource, a comment with no document): read, never an error, and written back exactly as it was, in its
/// place. Kubernetes objects that validation uses (Services, Pods, workloads, ...) are also kept this way; their
/// models are in the read's <c>KubernetesObjects</c>.
/// </summary>
public sealed class OtherDocument
{
    internal OtherDocument(string text, string? apiVersion, string? kind, string? @namespace, string? name, string? file, int line)
    {
        Text = text;
        ApiVersion = apiVersion;
        Kind = kind;
        Namespace = @namespace;
        Name = name;
        File = file;
        Line = line;
    }

    /// <summary>The document's exact text: the comment lines above it, its <c>---</c> line and its content, line breaks included.</summary>
    public string Text { get; }

    /// <summary>Its apiVersion, or null when it has none (a document of comments only).</summary>
    public string? ApiVersion { get; }

    /// <summary>Its kind, or null when it has none.</summary>
    public string? Kind { get; }

    /// <summary>Its metadata.namespace, or null.</summary>
    public string? Namespace { get; }

    /// <summary>Its metadata.name, or null.</summary>
    public string? Name { get; }

    /// <summary>The file it was read from, or null when read from a string.</summary>
    public string? File { get; }

    /// <summary>The line its text starts at.</summary>
    public int Line { get; }

    /// <summary>True when it holds no node at all: only comments, blank lines or markers.</summary>
    public bool IsEmpty => Kind is null && ApiVersion is null && !HasContent;

    internal bool HasContent { get; init; } = true;

    /// <inheritdoc />
    public override string ToString()
        => Kind is null ? $"{File ?? "<input>"}:{Line}: document without a kind"
            : Namespace is { Length: > 0 } ns ? $"{Kind} {ns}/{Name} ({ApiVersion})" : $"{Kind} {Name} ({ApiVersion})";
}
