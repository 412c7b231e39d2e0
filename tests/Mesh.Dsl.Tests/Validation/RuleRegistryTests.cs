using Mesh.Dsl.Generator;
using Mesh.Dsl.Model;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Serialization;
using Mesh.Dsl.Validation;
using Mesh.Dsl.Validation.Rules;
using static Mesh.Dsl.Tests.Validation.ValidationTestHelper;

namespace Mesh.Dsl.Tests.Validation;

/// <summary>The rule registry and the diagnostic catalogue agree, and rules are found by kind.</summary>
public sealed class RuleRegistryTests
{
    private static readonly IReadOnlyList<DiagnosticCatalogueGenerator.Entry> Catalogue =
        DiagnosticCatalogueGenerator.Read(Path.Combine(TestPaths.RepositoryRoot, DiagnosticCatalogueGenerator.CataloguePath));

    [Fact]
    public void Every_catalogue_code_is_reported_by_a_registered_rule_or_the_reader()
    {
        var declared = RuleRegistry.Default.All.SelectMany(r => r.Metadata.Codes).ToHashSet(StringComparer.Ordinal);
        var missing = Catalogue.Where(e => e.Origin is null && !declared.Contains(e.Code)).Select(e => e.Code).ToList();
        Assert.True(missing.Count == 0, "codes no rule reports: " + string.Join(", ", missing));
        Assert.Equal([DiagnosticCodes.ReadError], Catalogue.Where(e => e.Origin == "reader").Select(e => e.Code));
        Assert.DoesNotContain(DiagnosticCodes.ReadError, declared);
    }

    [Fact]
    public void Every_code_a_rule_declares_is_in_the_catalogue()
    {
        var codes = Catalogue.Select(e => e.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var rule in RuleRegistry.Default.All)
        {
            Assert.True(rule.Metadata.Codes.Count > 0, rule.Metadata.Name);
            foreach (var code in rule.Metadata.Codes)
            {
                Assert.True(codes.Contains(code), $"{rule.Metadata.Name} declares {code}, which the catalogue lacks");
            }
        }
    }

    [Fact]
    public void The_generated_codes_are_the_catalogue()
    {
        Assert.Equal(Catalogue.Select(e => (e.Code, e.Name)), DiagnosticCodes.All.Select(c => (c.Code, c.Title)));
        Assert.Equal(Catalogue.Select(e => e.Severity), DiagnosticCodes.All.Select(c => Diagnostic.SeverityName(c.Severity)));
    }

    [Fact]
    public void Rules_have_unique_names_descriptions_and_known_kinds()
    {
        var rules = RuleRegistry.Default.All.ToList();
        Assert.Equal(rules.Count, rules.Select(r => r.Metadata.Name).Distinct().Count());
        var kinds = ResourceKinds.All.Select(k => k.Kind).ToHashSet(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.Metadata.Description), rule.Metadata.Name);
            Assert.All(rule.Metadata.Kinds, kind => Assert.Contains(kind, kinds));
        }

        // A field rule names its kind by its resource class, without making the kind's definition: the two agree.
        foreach (var rule in RuleRegistry.Default.FieldRules.Where(r => r.ResourceType is not null))
        {
            Assert.Equal([rule.Kind!.Kind], rule.Metadata.Kinds);
            Assert.Equal(rule.Kind.ResourceType, rule.ResourceType);
        }
    }

    [Fact]
    public void Registering_two_rules_with_one_name_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new RuleRegistry([new ServiceEntryRules(), new ServiceEntryRules()]));
        Assert.Contains("serviceentry.fields", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kind_without_rules_gets_only_the_rules_of_every_kind()
    {
        var registry = new RuleRegistry([new CommonRules.MetadataRule(), new GatewayRules()]);
        var entry = ServiceEntry.KindDefinition;
        Assert.Equal(["resource.metadata"], registry.For(entry, advice: true).Select(r => r.Metadata.Name));
        Assert.Equal(["resource.metadata", "gateway.fields"], registry.For(Gateway.KindDefinition, advice: true).Select(r => r.Metadata.Name));

        // A ServiceEntry without hosts or ports and with a bad name: only the metadata rule speaks.
        var resources = MeshYaml.Read(Resource("ServiceEntry", "resolution: DNS", name: "Bad_Name"), "test.yaml");
        var diagnostics = new MeshValidator { Rules = registry }.Validate(resources);
        Assert.Equal([DiagnosticCodes.InvalidResourceName], diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void Every_kind_has_field_rules_of_its_own()
    {
        // All fifteen kinds of the CRD bundle are checked beyond their metadata (what a kind without rules gets is
        // A_kind_without_rules_gets_only_the_rules_of_every_kind's case).
        foreach (var kind in ResourceKinds.All)
        {
            Assert.Contains(RuleRegistry.Default.For(kind, advice: false), r => r.Kind == kind);
        }
    }

    [Fact]
    public void Advice_runs_after_the_field_rules_and_only_with_SecurityAdvice()
    {
        var names = RuleRegistry.Default.For(ServiceEntry.KindDefinition, advice: true).Select(r => r.Metadata.Name).ToList();
        Assert.Equal(["resource.metadata", "resource.text", "serviceentry.fields", "serviceentry.wildcard-egress"], names);
        Assert.DoesNotContain(RuleRegistry.Default.For(ServiceEntry.KindDefinition, advice: false), r => r.Metadata.IsAdvice);
    }

    [Fact]
    public void A_registered_rule_runs_on_its_kind_with_its_metadata()
    {
        var registry = new RuleRegistry([new NoPortsRule(), new NoVirtualServicesRule()]);
        var resources = MeshYaml.Read(Join(Resource("ServiceEntry", "hosts: [a.example.com]"), Resource("Gateway", "selector: {istio: x}")), "test.yaml");
        var diagnostics = new MeshValidator { Rules = registry }.Validate(resources);
        Assert.Equal(
            [("ServiceEntry", DiagnosticCodes.MissingField, "spec.ports"), ("Gateway", DiagnosticCodes.VirtualServiceHostNotFoundInGateway, "spec")],
            diagnostics.Select(d => (d.Kind, d.Code, d.Path)));
    }

    [Fact]
    public void A_mesh_rule_runs_only_when_one_of_the_kinds_it_reads_is_in_the_mesh()
    {
        var telemetry = new CountingRule("test.telemetry", ["Telemetry"]);
        var gatewayOrSidecar = new CountingRule("test.gateway-or-sidecar", ["Sidecar", "Gateway"]);
        var every = new CountingRule("test.every", []);
        var validator = new MeshValidator { Rules = new RuleRegistry([telemetry, gatewayOrSidecar, every]) };

        validator.Validate(MeshYaml.Read(Join(Resource("ServiceEntry", "hosts: [a.example.com]"), Resource("Gateway", "selector: {istio: x}")), "test.yaml"));
        Assert.Equal((0, 1, 1), (telemetry.Runs, gatewayOrSidecar.Runs, every.Runs));

        validator.Validate(MeshYaml.Read("apiVersion: telemetry.istio.io/v1\nkind: Telemetry\nmetadata: {name: t, namespace: default}\nspec: {selector: {matchLabels: {app: x}}}\n", "test.yaml"));
        Assert.Equal((1, 1, 2), (telemetry.Runs, gatewayOrSidecar.Runs, every.Runs));

        validator.Validate([]);
        Assert.Equal((1, 1, 3), (telemetry.Runs, gatewayOrSidecar.Runs, every.Runs));
    }

#if DEBUG
    [Fact]
    public void A_rule_reporting_a_code_it_did_not_declare_fails_in_Debug_builds()
    {
        var registry = new RuleRegistry([new UndeclaredCodeRule()]);
        var resources = MeshYaml.Read(Resource("ServiceEntry", "hosts: [a.example.com]"), "test.yaml");
        var error = Assert.Throws<InvalidOperationException>(() => new MeshValidator { Rules = registry }.Validate(resources));
        Assert.Contains("test.undeclared", error.Message, StringComparison.Ordinal);
    }
#endif

    private sealed class NoPortsRule() : FieldRule<ServiceEntry>("test.no-ports", "A ServiceEntry without ports.", [DiagnosticCodes.MissingField])
    {
        private static readonly FieldPath Ports = FieldPath.Spec(() => ServiceEntrySpec.Schema).Field("ports");

        public override void Check(ServiceEntry resource, RuleContext context)
        {
            if (resource.Spec.Ports.Count == 0)
            {
                context.Error(DiagnosticCodes.MissingField, Ports, "no ports");
            }
        }
    }

    private sealed class NoVirtualServicesRule() : MeshRule(new("test.no-virtual-services", "A Gateway no VirtualService is bound to.", ["Gateway", "VirtualService"], [DiagnosticCodes.VirtualServiceHostNotFoundInGateway]))
    {
        public override void Check(MeshContext mesh)
        {
            if (mesh.Index.VirtualServices.Count == 0)
            {
                foreach (var (gateway, position) in mesh.Index.Gateways)
                {
                    mesh.Sink.Context(gateway, position).Warning(DiagnosticCodes.VirtualServiceHostNotFoundInGateway, "spec", "no VirtualService");
                }
            }
        }
    }

    /// <summary>Counts its runs; it reads <c>kinds</c>.</summary>
    private sealed class CountingRule(string name, string[] kinds) : MeshRule(new(name, "Counts its runs.", kinds, [DiagnosticCodes.MissingField]))
    {
        public int Runs { get; private set; }

        public override void Check(MeshContext mesh) => Runs++;
    }

    private sealed class UndeclaredCodeRule() : FieldRule<ServiceEntry>("test.undeclared", "Reports a code it does not declare.", [DiagnosticCodes.MissingField])
    {
        public override void Check(ServiceEntry resource, RuleContext context) => context.Error(DiagnosticCodes.InvalidHost, "spec.hosts", "undeclared");
    }
}
