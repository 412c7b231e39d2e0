using System.Diagnostics;
using System.Text;
using System.Globalization;
using Mesh.Dsl.Builders;
using Mesh.Dsl.Model.Networking;
using Mesh.Dsl.Model.Security;
using Mesh.Dsl.Serialization;
using Mesh.Dsl.Validation;

namespace Mesh.Dsl.Samples.Scale;

/// <summary>
/// The <c>scale</c> sample (issue 5): for each i in 0..N-1 a ServiceEntry, a DestinationRule and a
/// VirtualService <c>svc-i</c> for the external host <c>svc-i.example.com</c>, plus one egress Gateway
/// and one mesh-wide PeerAuthentication; builds them with the public builders, validates the whole
/// mesh (field and cross-resource checks), writes one multi-document YAML file and reports each
/// phase's time and the peak memory on stderr.
/// </summary>
/// <remarks>
/// In a sub-second run, JIT-compiling cold code costs as much as the work itself, so the timings are
/// taken from a NativeAOT publish (ahead-of-time compiled, the same output byte for byte; .ci/run checks
/// that). A runtime-specific restore keeps its lock file under obj/ (Directory.Build.props), so the
/// committed lock files stay as <c>dotnet restore --locked-mode</c> checks them; <c>dotnet run</c> and
/// <c>dotnet build</c> are unaffected:
/// <code>
/// dotnet publish src/Mesh.Dsl.Samples -c Release -r linux-x64 -p:PublishAot=true -o /tmp/mesh-aot
/// /tmp/mesh-aot/Mesh.Dsl.Samples scale --services 10000 --out /tmp/mesh-10k.yaml
/// </code>
/// </remarks>
public static class ScaleSample
{
    // The CA bundle of the proxy image, as the recipes' ServerVerification.SystemCaBundle names it. Spelled out so that
    // the sample uses only API the library had before issue 13: tools/perf/compare-scale.sh builds this file against
    // older commits to compare the same mesh.
    private const string SystemCaBundle = "/etc/ssl/certs/ca-certificates.crt";

    /// <summary>The usage line printed on bad arguments.</summary>
    public const string Usage = "usage: scale --services N [--out FILE]   (without --out the YAML goes to stdout)";

    /// <summary>Runs the sample.</summary>
    /// <param name="args">The arguments after <c>scale</c>: <c>--services N</c> and <c>--out FILE</c>.</param>
    /// <param name="stdout">Where the YAML goes when no file is given.</param>
    /// <param name="stderr">Where the timings and errors go.</param>
    /// <returns>0 on success, 1 when validation finds errors (nothing is written then), 2 on bad arguments.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (!TryParse(args, out var services, out var outPath, out var error))
        {
            stderr.WriteLine(error);
            stderr.WriteLine(Usage);
            return 2;
        }

        var total = Stopwatch.StartNew();
        var phase = Stopwatch.StartNew();
        var allocated = GC.GetTotalAllocatedBytes(true);
        var mesh = Build(services);
        var buildTime = phase.Elapsed;
        var buildBytes = AllocatedSince(ref allocated);

        phase.Restart();
        var diagnostics = mesh.Validate();
        var validateTime = phase.Elapsed;
        var validateBytes = AllocatedSince(ref allocated);
        var errors = diagnostics.Count(d => d.IsError);
        ReportDiagnostics(diagnostics, stderr);

        if (errors > 0)
        {
            // The same rule as WriteValidatedYaml: a mesh with errors is not written.
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{errors} validation error(s); nothing written"));
            return 1;
        }

        phase.Restart();
        var documents = mesh.Resources.Count;
        long bytes;
        if (outPath is null)
        {
            MeshYaml.Write(stdout, mesh.Resources);
            stdout.Flush();
            bytes = -1;
        }
        else
        {
            bytes = WriteFile(mesh, outPath);
        }

        var writeTime = phase.Elapsed;
        var writeBytes = AllocatedSince(ref allocated);
        total.Stop();

        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"services: {services}, documents: {documents}{(bytes >= 0 ? $", bytes: {bytes}" : string.Empty)}"));
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"build:    {buildTime.TotalMilliseconds,9:F1} ms, {Megabytes(buildBytes)} MB allocated"));
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"validate: {validateTime.TotalMilliseconds,9:F1} ms, {Megabytes(validateBytes)} MB allocated ({diagnostics.Count} diagnostics, 0 errors)"));
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"write:    {writeTime.TotalMilliseconds,9:F1} ms, {Megabytes(writeBytes)} MB allocated"));
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total:    {total.Elapsed.TotalMilliseconds,9:F1} ms (in process, after startup)"));
        ReportMemory(stderr);
        return 0;
    }

    /// <summary>Builds the scale mesh of <paramref name="services"/> external services: 3N + 2 resources.</summary>
    /// <param name="services">N, the number of external services.</param>
    /// <returns>The mesh, resources in the order ServiceEntry, DestinationRule, VirtualService per service, then the Gateway and the PeerAuthentication.</returns>
    public static IstioMesh Build(int services)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(services);
        var mesh = new IstioMesh();
        for (var i = 0; i < services; i++)
        {
            var name = "svc-" + i.ToString(CultureInfo.InvariantCulture);
            var host = name + ".example.com";
            mesh.AddServiceEntry(name, se => se
                .Hosts(host)
                .Port(80, "http-port", Protocols.Http, targetPort: 443)
                .Port(443, "https-port", Protocols.Https)
                .Resolution(ServiceEntryResolution.Dns)
                .Location(ServiceEntryLocation.MeshExternal));
            // TLS origination as the recipes write it: the server is checked against the proxy's CA bundle, with
            // the host as SNI, so the mesh validates without a warning (issue 12).
            mesh.AddDestinationRule(name, dr => dr
                .Host(host)
                .TrafficPolicy(tp => tp.PortLevelSettings(80, p => p.Tls(ClientTlsMode.Simple, tls => tls.CaCertificates(SystemCaBundle).Sni(host)))));
            mesh.AddVirtualService(name, vs => vs
                .Hosts(host)
                .Http(http => http
                    .Match(m => m.Port(80))
                    .RouteTo(host, port: 443)
                    .Timeout(TimeSpan.FromSeconds(5))
                    .Retries(3, perTryTimeout: TimeSpan.FromSeconds(2))));
        }

        mesh.AddGateway("istio-egressgateway", gw => gw
            .Namespace("istio-system")
            .Selector("istio", "egressgateway")
            .HttpServer(80, "http", "*.example.com"));
        mesh.AddPeerAuthentication("default", pa => pa
            .Namespace("istio-system")
            .Mtls(MutualTlsMode.Strict));
        return mesh;
    }

    private static long WriteFile(IstioMesh mesh, string path)
    {
        // One large buffer between the writer and the file keeps system calls few; the YAML streams
        // out resource by resource, so memory does not grow with the output.
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\n" })
        {
            // Validated above: MeshYaml.Write, unlike IstioMesh.WriteYaml, does not validate again.
            MeshYaml.Write(writer, mesh.Resources);
        }

        return stream.Length;
    }

    /// <summary>
    /// Prints every error, but one example per code of the warnings and infos with a count of the rest: a
    /// mesh of N alike services has N alike findings (the scale mesh itself validates without any).
    /// </summary>
    /// <param name="diagnostics">The diagnostics of the validation.</param>
    /// <param name="stderr">Where they go.</param>
    public static void ReportDiagnostics(IReadOnlyList<Diagnostic> diagnostics, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(stderr);
        foreach (var group in diagnostics.GroupBy(d => (d.Code, d.Severity)))
        {
            var shown = group.Key.Severity == DiagnosticSeverity.Error ? group.ToList() : [group.First()];
            foreach (var diagnostic in shown)
            {
                stderr.WriteLine(diagnostic);
            }

            if (group.Count() > shown.Count)
            {
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ... and {group.Count() - shown.Count} more {group.Key.Code}"));
            }
        }
    }

    private static void ReportMemory(TextWriter stderr)
    {
        using var process = Process.GetCurrentProcess();
        var info = GC.GetGCMemoryInfo();
        stderr.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"memory:   peak working set {process.PeakWorkingSet64 / 1048576.0:F1} MB, managed heap {GC.GetTotalMemory(false) / 1048576.0:F1} MB, allocated {GC.GetTotalAllocatedBytes() / 1048576.0:F1} MB, GCs gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, heap peak {info.HeapSizeBytes / 1048576.0:F1} MB"));
        stderr.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"runtime:  {System.Runtime.JitInfo.GetCompiledMethodCount()} methods JIT-compiled ({System.Runtime.JitInfo.GetCompiledILBytes()} bytes of IL) in {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F1} ms, GC pauses {GC.GetTotalPauseDuration().TotalMilliseconds:F1} ms"));
    }

    // Every thread's allocations (validation uses a second thread for a large mesh) since the last call.
    private static long AllocatedSince(ref long allocated)
    {
        var now = GC.GetTotalAllocatedBytes(true);
        var since = now - allocated;
        allocated = now;
        return since;
    }

    private static string Megabytes(long bytes) => (bytes / 1048576.0).ToString("F1", CultureInfo.InvariantCulture).PadLeft(6);

    private static bool TryParse(string[] args, out int services, out string? outPath, out string error)
    {
        services = -1;
        outPath = null;
        error = string.Empty;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--services" when value is not null:
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out services))
                    {
                        error = $"--services expects a whole number, got \"{value}\"";
                        return false;
                    }

                    i++;
                    break;
                case "--out" when value is not null:
                    outPath = value;
                    i++;
                    break;
                default:
                    error = $"unexpected argument \"{args[i]}\"";
                    return false;
            }
        }

        if (services < 0)
        {
            error = "--services N is required";
            return false;
        }

        return true;
    }
}
