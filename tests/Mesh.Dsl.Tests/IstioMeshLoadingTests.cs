using Mesh.Dsl.Builders;
using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Serialization;
using Mesh.Dsl.Tests.IO;
using Mesh.Dsl.Validation;

namespace Mesh.Dsl.Tests;

/// <summary>The config-repository loop in the library: Load, TryLoad, change, Save.</summary>
public sealed class IstioMeshLoadingTests : IDisposable
{
    private static readonly string Repository = Path.Combine(TestPaths.RepositoryRoot, "tests", "Mesh.Dsl.Tests", "Fixtures", "Repository");

    private const string ShopEntry = "apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: shop\nspec:\n  hosts: [a.example.com]\n";

    private readonly string _root = Directory.CreateTempSubdirectory("mesh-load-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Create(string relativePath, string content)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>A copy of the repository fixture to change.</summary>
    private string CopyRepository()
    {
        var target = Path.Combine(_root, "repo");
        foreach (var file in Directory.GetFiles(Repository, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(Repository, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return target;
    }

    private static Dictionary<string, byte[]> Snapshot(string folder)
        => Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);

    [Fact]
    public void Load_throws_one_exception_listing_every_read_error_and_every_duplicate()
    {
        var a = Create("a.yaml", ShopEntry + "---\n" + ShopEntry.Replace("name: shop", "name: bad", StringComparison.Ordinal) + "  resolution: SOMETIMES\n");
        var b = Create("b.yaml", "# the same name again\n" + ShopEntry.Replace("a.example.com", "c.example.com", StringComparison.Ordinal));

        var exception = Assert.Throws<MeshReadException>(() => IstioMesh.Load(_root));

        Assert.Equal(
            string.Join(
                Environment.NewLine,
                "2 errors:",
                $"{a}:14:15: spec.resolution: expected one of NONE, STATIC, DNS, DNS_ROUND_ROBIN, DYNAMIC_DNS, got \"SOMETIMES\"",
                $"{b}:5:9: metadata.name: another ServiceEntry named 'shop' in no namespace was read at {a}:4:9; the second would replace the first in a cluster. Rename or remove one."),
            exception.Message);
    }

    [Fact]
    public void TryLoad_returns_the_errors_and_the_mesh_of_what_was_read()
    {
        Create("a.yaml", ShopEntry);
        Create("b.yaml", ShopEntry);
        Create("c.yaml", "kind: [\n");

        var result = IstioMesh.TryLoad(_root);

        Assert.False(result.Succeeded);
        Assert.Equal(2, result.Errors.Count);
        Assert.Equal(["ServiceEntry shop"], result.Mesh.Resources.Select(r => r.ToString()));
        Assert.Equal(
            "This mesh was loaded with errors; saving it would lose the documents that could not be read. Fix them and load it again.",
            Assert.Throws<InvalidOperationException>(() => result.Mesh.Save()).Message);
    }

    [Fact]
    public void Save_writes_each_file_back_with_its_other_documents_and_order_and_new_resources_where_asked()
    {
        var repo = CopyRepository();
        var before = Snapshot(repo);
        var mesh = IstioMesh.Load(repo);
        var otherDocuments = mesh.OtherDocuments.Select(d => (d.File, d.Text)).ToList();
        new DestinationRuleBuilder(mesh.Find<DestinationRule>("checkout", "shop")!).Subset("v2", "version", "v2");
        mesh.AddServiceEntry("payments-api", se => se.Namespace("shop").Hosts("api.payments.example.com").Port(443, "https", Protocols.Https)
            .Resolution(ServiceEntryResolution.Dns).Location(ServiceEntryLocation.MeshExternal));
        var external = Path.Combine(repo, "shop", "external.yaml");

        var written = mesh.Save(external);

        Assert.Equal(
            [Path.Combine(repo, "kubectl-get-virtualservice.yaml"), Path.Combine(repo, "platform", "gateway.yaml"), Path.Combine(repo, "shop", "checkout.yaml"), external],
            written);
        Assert.Equal(before[Path.Combine(repo, "kubectl-get-list.yaml")], File.ReadAllBytes(Path.Combine(repo, "kubectl-get-list.yaml")));
        Assert.Equal(MeshYaml.Serialize(mesh.Find<ServiceEntry>("payments-api", "shop")!), File.ReadAllText(external));

        var reloaded = IstioMesh.Load(repo);
        Assert.Equal(mesh.Resources.OrderBy(r => r.ToString(), StringComparer.Ordinal), reloaded.Resources.OrderBy(r => r.ToString(), StringComparer.Ordinal), ResourceComparer.Instance);
        Assert.Equal(otherDocuments, reloaded.OtherDocuments.Select(d => (d.File, d.Text)));
        Assert.Equal(
            ["Namespace", "Deployment", "ServiceAccount", "Service", "VirtualService", "DestinationRule", "AuthorizationPolicy", "ConfigMap", "Deployment"],
            KindsInOrder(Path.Combine(repo, "shop", "checkout.yaml")));
        Assert.Contains("  - name: v2\n    labels:\n      version: v2\n", File.ReadAllText(Path.Combine(repo, "shop", "checkout.yaml")), StringComparison.Ordinal);

        // Nothing changed since: nothing is written.
        Assert.Empty(reloaded.Save());
    }

    [Fact]
    public void Save_writes_back_the_exact_text_of_a_large_file_with_characters_beyond_ASCII()
    {
        // Over 100 K characters: several of the reader's chunks, each kept as UTF-8 after loading, with two- to
        // four-byte characters in comments, values and other documents before and after the document changed.
        var text = new System.Text.StringBuilder("# Répertoire de configuration — 配置 🚀\n");
        for (var i = 0; i < 400; i++)
        {
            text.Append(i == 0 ? string.Empty : "---\n").Append("# entrée ").Append(i).Append(" — ünïcødé 中文 😀\n")
                .Append("apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: svc-").Append(i)
                .Append("\n  annotations:\n    description: \"café ").Append(i).Append(" 😀\"\nspec:\n  hosts:\n  - svc-").Append(i)
                .Append(".example.com # hôte\n  location: MESH_EXTERNAL\n  resolution: DNS\n  ports:\n  - number: 443\n    name: https\n    protocol: TLS\n");
            if (i % 50 == 0)
            {
                text.Append("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: notes-").Append(i).Append("\ndata:\n  note: \"naïve ✓ 𝄞\"\n");
            }
        }

        Assert.True(text.Length > 100_000);
        var original = text.ToString();
        var path = Create("large.yaml", original);
        var mesh = IstioMesh.Load(path);
        mesh.Find<ServiceEntry>("svc-200")!.Spec.Hosts.Add("svc-200.example.org");

        Assert.Equal([path], mesh.Save());

        var expected = original.Replace(
            "  - svc-200.example.com # hôte\n",
            "  - svc-200.example.com # hôte\n  - svc-200.example.org\n",
            StringComparison.Ordinal);
        Assert.Equal(MeshYaml.Format(expected), File.ReadAllText(path)); // as mesh fmt writes the changed text, comments and all
        var others = IstioMesh.Load(path).OtherDocuments;
        Assert.Equal(8, others.Count);
        Assert.All(others, d => Assert.Contains(d.Text, original, StringComparison.Ordinal));
        Assert.All(others, d => Assert.Contains("naïve ✓ 𝄞", d.Text, StringComparison.Ordinal));
    }

    private static List<string> KindsInOrder(string file)
    {
        var kinds = new List<string>();
        ResourceReader.Read(new StringReader(File.ReadAllText(file)), new ReadContext(file), new ManifestReadOptions(), entry =>
            kinds.AddRange(entry.Other?.Kind is { } kind ? [kind] : entry.Resources.Select(r => r.Kind)));
        return kinds;
    }

    [Fact]
    public void Save_validates_first_and_writes_nothing_when_the_mesh_has_errors()
    {
        var repo = CopyRepository();
        var before = Snapshot(repo);
        var mesh = IstioMesh.Load(repo);
        mesh.Find<DestinationRule>("checkout", "shop")!.Spec.Host = "";

        Assert.Throws<MeshValidationException>(() => mesh.Save());

        Assert.Equal(before, Snapshot(repo));
    }

    [Fact]
    public void Save_needs_a_file_for_resources_added_after_loading()
    {
        var mesh = IstioMesh.Load(Create("a.yaml", ShopEntry));
        mesh.AddServiceEntry("payments-api", se => se.Hosts("api.payments.example.com").Port(443, "https", Protocols.Https).Resolution(ServiceEntryResolution.Dns));

        Assert.Equal(
            "1 resource was added after loading (ServiceEntry payments-api); name the file they go to.",
            Assert.Throws<InvalidOperationException>(() => mesh.Save()).Message);
    }

    [Fact]
    public void Save_appends_new_resources_to_a_loaded_file_and_refuses_one_it_did_not_load()
    {
        var file = Create("a.yaml", "# entries\n" + ShopEntry);
        var stranger = Create("b.txt", "not mine\n");
        var mesh = IstioMesh.Load(file);
        var added = mesh.AddServiceEntry("payments-api", se => se.Hosts("api.payments.example.com").Port(443, "https", Protocols.Https).Resolution(ServiceEntryResolution.Dns));

        Assert.Equal(
            $"{stranger} exists but was not loaded; saving would replace what it holds. Name a new file or one that was loaded.",
            Assert.Throws<InvalidOperationException>(() => mesh.Save(stranger)).Message);
        Assert.Equal([file], mesh.Save(file));
        Assert.Equal("# entries\n" + MeshYaml.Serialize([mesh.Find<ServiceEntry>("shop")!, added]), File.ReadAllText(file));
    }

    [Fact]
    public void A_mesh_built_in_code_cannot_be_saved()
        => Assert.Equal(
            "This mesh was not loaded from files; write it with ToYaml, WriteYaml or WriteToDirectory.",
            Assert.Throws<InvalidOperationException>(() => new IstioMesh().Save()).Message);

    [Fact]
    public void A_changed_resource_of_a_List_with_other_kinds_is_not_saved_silently()
    {
        var repo = CopyRepository();
        var mesh = IstioMesh.Load(Path.Combine(repo, "kubectl-get-list.yaml"));
        mesh.Find<DestinationRule>("reviews", "bookshop")!.Spec.Host = "reviews.bookshop.svc.cluster.local";

        Assert.Equal(
            $"{Path.Combine(repo, "kubectl-get-list.yaml")}:1: a resource read from this document changed, but Save writes the document back as it was read (a List that also holds other kinds); move the resource to a YAML document of its own.",
            Assert.Throws<InvalidOperationException>(() => mesh.Save()).Message);
    }

    [Theory]
    [InlineData("write")]
    [InlineData("flush")]
    [InlineData("rename")]
    public void A_save_that_fails_while_writing_leaves_the_old_file(string step)
    {
        var file = Create("a.yaml", ShopEntry);
        var mesh = IstioMesh.Load(file);
        mesh.Find<ServiceEntry>("shop")!.Spec.Hosts.Add("b.example.com");
        var fileSystem = new InjectedFileSystem { Fail = (call, _) => call == step ? InjectedFileSystem.DiskFull() : null };

        Assert.Equal("No space left on device", Assert.Throws<IOException>(() => mesh.Save(null, allowErrors: false, fileSystem)).Message);

        Assert.Equal(ShopEntry, File.ReadAllText(file));
        Assert.Equal([file], Directory.GetFiles(_root));
    }
}
