using Mesh.Dsl.Cli;
using Mesh.Dsl.Serialization;

try
{
    // Console.Out flushes on every write and the YAML writer writes token by token: buffer, flush once at exit.
    using var stdout = new StreamWriter(Console.OpenStandardOutput(), MeshYaml.Utf8, bufferSize: 1 << 16);

    // Colours only on a terminal, and never when NO_COLOR is set (no-color.org) or the terminal is dumb.
    var colour = !Console.IsOutputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
        && Environment.GetEnvironmentVariable("TERM") != "dumb";
    return MeshCli.Run(args, Console.In, stdout, Console.Error, colour);
}
catch (Exception e)
{
    // The last resort, for what fails outside a command: flushing stdout into a closed pipe or a full disk.
    Console.Error.WriteLine(MeshCli.InternalError(e));
    return ExitCodes.InternalError;
}
