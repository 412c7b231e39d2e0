using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Tests.Model;

/// <summary>Checks on a document that sets every field of a kind, written in canonical form.</summary>
internal static class EveryFieldDocument
{
    /// <summary>Reading the document and writing it again gives the same text.</summary>
    public static void AssertReadsAndWritesBack(string yaml)
    {
        var text = yaml.ReplaceLineEndings("\n");

        var resources = MeshYaml.Read(text, "every-field.yaml");

        Assert.Equal(text, MeshYaml.Serialize(resources));
    }

    /// <summary>The document sets every leaf of the kind's v1 CRD schema, and nothing else.</summary>
    public static void AssertSetsEveryCrdLeaf(string yaml, string kind, int expectedLeaves)
    {
        var crdLeaves = CrdLeafFields.Of(kind);

        Assert.Equal(crdLeaves, CrdLeafFields.SetBy(kind, yaml));
        Assert.Equal(expectedLeaves, crdLeaves.Count);
    }
}
