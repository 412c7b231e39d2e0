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
        return Run(args, stdout, stderr, FileSystem.Real);
    }

    /// <summary>As <see cref="Run(string[], TextWriter, TextWriter)"/>, with every file found, read and written through <paramref name="fileSystem"/>.</summary>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, FileSystem fileSystem)
    {
        try
        {
            var parseResult = CreateRootCommand(new CliConsole(stdout, stderr), fileSystem).Parse(args);

            // Exceptions reach the handler below rather than System.CommandLine's, which prints a stack trace.
            var exitCode = parseResult.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });

            // System.CommandLine reports parse errors with 1; keep 1 for "some input failed" and 2 for a wrong command line.
            return parseResult.Errors.Count > 0 ? ExitCodes.UsageError : exitCode;
        }
        catch (Exception e)
        {
            stderr.WriteLine(InternalError(e));
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
        "Exit codes: 0 success, 1 some input failed (reported on stderr), 2 wrong command line, 3 internal error.")
    {
        FmtCommand.Create(console, fileSystem),
        ValidateCommand.Create(console, fileSystem),
    };
}
