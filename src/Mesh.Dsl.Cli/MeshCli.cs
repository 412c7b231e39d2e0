using System.CommandLine;
using Mesh.Dsl.Cli.Commands;

namespace Mesh.Dsl.Cli;

/// <summary>
/// The <c>mesh</c> command line: composes the commands under <c>Commands/</c> into one root command
/// and runs it against injected writers.
/// </summary>
public static class MeshCli
{
    /// <summary>Parses <paramref name="args"/> and runs the command they name, with no standard input and no colours.</summary>
    /// <param name="args">The arguments after the program name, e.g. <c>fmt --write manifests/</c>.</param>
    /// <param name="stdout">Where results and help go.</param>
    /// <param name="stderr">Where errors go.</param>
    /// <returns>The exit code: see <see cref="ExitCodes"/>.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, null, stdout, stderr, colour: false);

    /// <summary>Parses <paramref name="args"/> and runs the command they name.</summary>
    /// <param name="args">The arguments after the program name, e.g. <c>validate -</c>.</param>
    /// <param name="stdin">What a path <c>-</c> reads, or null when there is no standard input.</param>
    /// <param name="stdout">Where results and help go.</param>
    /// <param name="stderr">Where errors go.</param>
    /// <param name="colour">Whether <paramref name="stdout"/> is a terminal that shows colours.</param>
    /// <returns>The exit code: see <see cref="ExitCodes"/>.</returns>
    public static int Run(string[] args, TextReader? stdin, TextWriter stdout, TextWriter stderr, bool colour)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var parseResult = CreateRootCommand(new CliConsole(stdout, stderr, stdin, colour)).Parse(args);
        var exitCode = parseResult.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });

        // System.CommandLine reports parse errors with 1; keep 1 for "some input failed" and 2 for a wrong command line.
        return parseResult.Errors.Count > 0 ? ExitCodes.UsageError : exitCode;
    }

    private static RootCommand CreateRootCommand(CliConsole console) => new(
        "Tools for Istio configuration written with Mesh.Dsl. " +
        "Exit codes: 0 success, 1 some input failed or findings at the --fail-on level (validate) or the inputs differ (diff), " +
        "2 wrong command line (and, for diff, input that cannot be read).")
    {
        FmtCommand.Create(console),
        ValidateCommand.Create(console),
        DiffCommand.Create(console),
    };
}
