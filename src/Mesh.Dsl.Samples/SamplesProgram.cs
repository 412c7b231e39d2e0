namespace Mesh.Dsl.Samples;

/// <summary>
/// The samples program: prints every scenario as YAML (each under a comment line with its id),
/// writes one file per scenario with <c>--out DIR</c>, or lists them with <c>--list</c>.
/// </summary>
public static class SamplesProgram
{
    private const string Usage = """
        usage: Mesh.Dsl.Samples [--list] [--out DIR] [ID...]
               Mesh.Dsl.Samples scale --services N [--out FILE]
          (no option)  print every scenario (or the IDs given) as YAML, each under a comment with its id
          --out DIR    write DIR/<id>.yaml for every scenario (or the IDs given)
          --list       print the ids, one line each on what the scenario does and where it comes from
          scale        build, validate and write the issue 5 scale mesh (3N+2 resources), timing each phase on stderr
        """;

    /// <summary>Runs the program.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="output">Where YAML and the list go.</param>
    /// <param name="error">Where errors and warnings go.</param>
    /// <returns>0 on success, 1 when a scenario failed, 2 on a bad command line.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args is ["scale", ..])
        {
            return Scale.ScaleSample.Run(args[1..], output, error);
        }

        var list = false;
        string? outDirectory = null;
        var ids = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--list":
                    list = true;
                    break;
                case "--out" when i + 1 < args.Length:
                    outDirectory = args[++i];
                    break;
                case "-h" or "--help":
                    output.WriteLine(Usage);
                    return 0;
                case var arg when arg.StartsWith('-'):
                    error.WriteLine($"unknown or incomplete option {arg}");
                    error.WriteLine(Usage);
                    return 2;
                default:
                    ids.Add(args[i]);
                    break;
            }
        }

        var unknown = ids.Where(id => SampleCatalogue.Find(id) is null).ToList();
        if (unknown.Count > 0)
        {
            error.WriteLine($"unknown scenario {string.Join(", ", unknown)}; --list shows the ids");
            return 2;
        }

        var samples = ids.Count == 0 ? SampleCatalogue.All : ids.Select(id => SampleCatalogue.Find(id)!).ToList();
        if (list)
        {
            var width = samples.Max(s => s.Id.Length);
            foreach (var sample in samples)
            {
                output.WriteLine($"{sample.Id.PadRight(width)}  {sample.Summary} ({sample.Origin})");
            }

            return 0;
        }

        return outDirectory is null ? Print(samples, output, error) : WriteFiles(samples, outDirectory, output, error);
    }

    private static int Print(IReadOnlyList<Sample> samples, TextWriter output, TextWriter error)
    {
        var failed = 0;
        var first = true;
        foreach (var sample in samples)
        {
            if (Render(sample, error) is not { } yaml)
            {
                failed++;
                continue;
            }

            if (!first)
            {
                output.Write("---\n");
            }

            output.Write(sample.Heading + "\n" + yaml);
            first = false;
        }

        return failed == 0 ? 0 : 1;
    }

    private static int WriteFiles(IReadOnlyList<Sample> samples, string directory, TextWriter output, TextWriter error)
    {
        Directory.CreateDirectory(directory);
        var failed = 0;
        foreach (var sample in samples)
        {
            if (Render(sample, error) is not { } yaml)
            {
                failed++;
                continue;
            }

            var path = Path.Combine(directory, sample.Id + ".yaml");
            File.WriteAllText(path, sample.Heading + "\n" + yaml, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            output.WriteLine(path);
        }

        return failed == 0 ? 0 : 1;
    }

    private static string? Render(Sample sample, TextWriter error)
    {
        try
        {
            return sample.ToYaml();
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or InvalidOperationException or Mesh.Dsl.Serialization.MeshReadException)
        {
            error.WriteLine($"{sample.Id}: {ex.Message}");
            return null;
        }
    }
}
