using System.Diagnostics;

namespace Mesh.Dsl.Tests.IO;

/// <summary>What the tests make that .NET cannot: named pipes.</summary>
internal static class TestPosix
{
    public static void MakeFifo(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("mkfifo", [path]) { RedirectStandardError = true })!;
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new IOException($"mkfifo {path} failed: {process.StandardError.ReadToEnd()}");
        }
    }
}
