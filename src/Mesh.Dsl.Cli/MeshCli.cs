using System.CommandLine;
using Mesh.Dsl.Cli.Commands;

namespace Mesh.Dsl.Cli;

/// <summary>
/// The <c>mesh</c> command line: composes the commands under <c>Commands/</c> into one root command
/// and runs it against injected writers.
/// </summary>
public static class MeshCli
{
    /// <summary>Parses <paramref name="args"/> and runs the command they name.</summary>
    /// <param name="args">The arguments after the program name, e.g. <c>fmt --write manifests/</c>.</param>
    /// <param name="stdout">Where results and help go.</param>
    /// <param name="stderr">Where errors go.</param>
    /// <returns>The exit code: see <see cref="ExitCodes"/>.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var parseResult = CreateRootCommand(new CliConsole(stdout, stderr)).Parse(args);
        var exitCode = parseResult.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });

        // System.CommandLine reports parse errors with 1; keep 1 for "some input failed" and 2 for a wrong command line.
        return parseResult.Errors.Count > 0 ? ExitCodes.UsageError : exitCode;
    }

    private static RootCommand CreateRootCommand(CliConsole console) => new(
        "Tools for Istio configuration written with Mesh.Dsl. " +
        "Exit codes: 0 success, 1 some input failed (reported on stderr), 2 wrong command line.")
    {
        FmtCommand.Create(console),
        ValidateCommand.Create(console),
        ImportCommand.Create(console),
    };
}
