using Mesh.Dsl.Model;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Tests.Serialization;

/// <summary>Reads text and returns what the reader reports, as the user sees it.</summary>
internal static class ReadErrors
{
    /// <summary>Lines 1 to 5 of a ServiceEntry; its spec's fields start on line 6 at column 3.</summary>
    public const string ServiceEntryHead = """
        apiVersion: networking.istio.io/v1
        kind: ServiceEntry
        metadata:
          name: shop
        spec:

        """;

    /// <summary>Lines 1 to 6 of a PeerAuthentication; its spec's fields start on line 7 at column 3.</summary>
    public const string PeerAuthenticationHead = """
        apiVersion: security.istio.io/v1
        kind: PeerAuthentication
        metadata:
          name: default
          namespace: shop
        spec:

        """;

    /// <summary>The kinds the reader names when it rejects a kind: every registered one, in registry order.</summary>
    public static string KnownKinds => string.Join(", ", ResourceKinds.All.Select(k => k.Kind));

    /// <summary>Every error, as <see cref="ReadError.ToString"/> writes it.</summary>
    public static List<string> Of(string text, string file = "t.yaml")
        => Read(text, file).Errors.Select(e => e.ToString()).ToList();

    public static ReadResult Read(string text, string file = "t.yaml") => MeshYaml.TryRead(new StringReader(text), file);
}
