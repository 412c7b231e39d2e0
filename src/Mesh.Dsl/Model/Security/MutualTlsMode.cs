namespace Mesh.Dsl.Model.Security;

/// <summary>How a workload accepts connections from its peers.</summary>
public enum MutualTlsMode
{
    /// <summary><c>UNSET</c>: inherit from the parent policy (namespace, then mesh); PERMISSIVE if none.</summary>
    Unset,

    /// <summary><c>DISABLE</c>: no mutual TLS; plaintext only.</summary>
    Disable,

    /// <summary><c>PERMISSIVE</c>: accept both mutual TLS and plaintext.</summary>
    Permissive,

    /// <summary><c>STRICT</c>: accept mutual TLS only.</summary>
    Strict,
}
