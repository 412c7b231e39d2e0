using Mesh.Dsl.Cli;
using Mesh.Dsl.Serialization;

try
{
    // Console.Out flushes on every write and the YAML writer writes token by token: buffer, flush once at exit.
    using var stdout = new StreamWriter(Console.OpenStandardOutput(), MeshYaml.Utf8, bufferSize: 1 << 16);
    return MeshCli.Run(args, stdout, Console.Error);
}
catch (Exception e)
{
    // The last resort, for what fails outside a command: flushing stdout into a closed pipe or a full disk.
    Console.Error.WriteLine(MeshCli.InternalError(e));
    return ExitCodes.InternalError;
}
