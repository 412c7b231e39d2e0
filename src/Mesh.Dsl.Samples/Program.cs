using Mesh.Dsl.Samples.Scale;

// Minimal dispatch until the samples program (branch wt-scn) is merged.
if (args.Length > 0 && args[0] == "scale")
{
    return ScaleSample.Run(args[1..], Console.Out, Console.Error);
}

Console.Error.WriteLine(ScaleSample.Usage);
return 2;
