using System.CommandLine;
using Mesh.Dsl.Cli.Commands;
using Mesh.Dsl.IO;

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
        return Run(args, new CliConsole(stdout, stderr, stdin, colour), FileSystem.Real);
    }

    /// <summary>As <see cref="Run(string[], TextWriter, TextWriter)"/>, with every file found, read and written through <paramref name="fileSystem"/>.</summary>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, FileSystem fileSystem) => Run(args, new CliConsole(stdout, stderr), fileSystem);

    private static int Run(string[] args, CliConsole console, FileSystem fileSystem)
    {
        try
        {
            var parseResult = CreateRootCommand(console, fileSystem).Parse(args);

            // Exceptions reach the handler below rather than System.CommandLine's, which prints a stack trace.
            var exitCode = parseResult.Invoke(new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false });

            // System.CommandLine reports parse errors with 1; keep 1 for "some input failed" and 2 for a wrong command line.
            return parseResult.Errors.Count > 0 ? ExitCodes.UsageError : exitCode;
        }
        catch (Exception e)
        {
            console.Error.WriteLine(InternalError(e));
            return ExitCodes.InternalError;
        }
    }

    /// <summary>
    /// The one line printed for an exception no command handled: a bug, or a failure of the machine itself (out
    /// of memory, stdout closed). Its type and first line say what happened; a stack trace would help no user.
    /// </summary>
    /// <param name="exception">The exception.</param>
    /// <returns>The line.</returns>
    public static string InternalError(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = exception.Message.ReplaceLineEndings(" ");
        return $"mesh: internal error: {exception.GetType().Name}: {message} (nothing more was done; please report it)";
    }

    private static RootCommand CreateRootCommand(CliConsole console, FileSystem fileSystem) => new(
        "Tools for Istio configuration written with Mesh.Dsl. " +
        "Exit codes: 0 success, 1 some input failed, findings at the --fail-on level (validate) or the inputs differ (diff), " +
        "2 wrong command line (and, for diff, input that cannot be read), 3 internal error.")
    {
        FmtCommand.Create(console, fileSystem),
        ValidateCommand.Create(console, fileSystem),
        DiffCommand.Create(console, fileSystem),
        ImportCommand.Create(console, fileSystem),
    };
}
