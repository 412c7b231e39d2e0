using Mesh.Dsl.Cli;

namespace Mesh.Dsl.Tests.Cli;

/// <summary>Runs <c>mesh</c> in-process with a given standard input and captures what it writes.</summary>
internal static class CliRun
{
    public static (int Exit, string Out, string Err) Run(string? stdin, bool colour, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = MeshCli.Run(args, stdin is null ? null : new StringReader(stdin), stdout, stderr, colour);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Writes a file below <paramref name="folder"/>, creating the folders on the way.</summary>
    public static string Write(string folder, string name, string text)
    {
        var path = Path.Combine(folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
