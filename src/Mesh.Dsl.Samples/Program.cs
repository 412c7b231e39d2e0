using Mesh.Dsl.Samples;

return SamplesProgram.Run(args, Console.Out, Console.Error);
