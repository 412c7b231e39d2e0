namespace Mesh.Dsl.Scenarios;

/// <summary>Derives the default resource names of recipes from the host they are about.</summary>
internal static class HostNames
{
    /// <summary>The host as a resource name: <c>edition.cnn.com</c> → <c>edition-cnn-com</c>, <c>*.cnn.com</c> → <c>cnn-com</c>.</summary>
    public static string Slug(string host)
    {
        var bare = host.StartsWith("*.", StringComparison.Ordinal) ? host[2..] : host.TrimStart('*');
        var chars = bare.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var slug = new string(chars).Trim('-');
        return slug.Length == 0 ? "external" : slug;
    }

    /// <summary>
    /// The short name Istio's docs give a host in resource names: the registered domain's label for
    /// public hosts (<c>www.aliyun.com</c> → <c>aliyun</c>, <c>edition.cnn.com</c> → <c>cnn</c>), the
    /// service name for cluster hosts (<c>my-nginx.mesh-external.svc.cluster.local</c> → <c>my-nginx</c>).
    /// </summary>
    public static string Short(string host)
    {
        var labels = host.Split('.', StringSplitOptions.RemoveEmptyEntries).Where(l => l != "*").ToArray();
        if (labels.Length == 0)
        {
            return "external";
        }

        var isClusterHost = host.EndsWith(".svc.cluster.local", StringComparison.OrdinalIgnoreCase) || labels.Length == 1;
        return Slug(isClusterHost ? labels[0] : labels[^2]);
    }
}
