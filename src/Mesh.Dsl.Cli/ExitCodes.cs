namespace Mesh.Dsl.Cli;

/// <summary>The exit codes every <c>mesh</c> command returns.</summary>
public static class ExitCodes
{
    /// <summary>Everything asked for was done.</summary>
    public const int Success = 0;

    /// <summary>Some input could not be handled (a missing path, a file that fails to load); the others were.</summary>
    public const int Failure = 1;

    /// <summary>The command line itself is wrong (unknown option, conflicting options, missing argument); nothing was done.</summary>
    public const int UsageError = 2;

    /// <summary>
    /// Something no command expected went wrong (a bug, out of memory, stdout closed): one line on stderr, no
    /// stack trace. Files already written are whole; the one being written is left as it was.
    /// </summary>
    public const int InternalError = 3;
}
