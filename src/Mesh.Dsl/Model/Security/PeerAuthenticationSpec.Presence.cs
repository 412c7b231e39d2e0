namespace Mesh.Dsl.Model.Security;

/// <summary>Hand-written: whether <c>portLevelMtls</c> is present but empty, which the CRD rejects.</summary>
public sealed partial class PeerAuthenticationSpec
{
    // Set when portLevelMtls is assigned, which the reader does for a key present in the document, even
    // `portLevelMtls: {}`. The getter's lazily created map is not an assignment: a program that only reads the
    // property leaves the field unset, as the writer (which drops empty maps) and equality treat it.
    private bool _portLevelMtlsAssigned;

    /// <summary>
    /// Whether <c>portLevelMtls</c> was given but holds no port (<c>portLevelMtls: {}</c>): the CRD requires at
    /// least one entry (<c>minProperties: 1</c>, PA-02), so Istio rejects it, unlike an unset map.
    /// </summary>
    internal bool PortLevelMtlsIsSetButEmpty => _portLevelMtlsAssigned && _portLevelMtls is { Count: 0 };

    partial void OnPortLevelMtlsAssigned(OrderedDictionary<uint, MutualTls>? value) => _portLevelMtlsAssigned = value is not null;
}
