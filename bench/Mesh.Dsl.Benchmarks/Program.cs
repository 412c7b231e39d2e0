using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Mesh.Dsl.Benchmarks -- --filter '*' [--job short]
BenchmarkSwitcher.FromAssembly(typeof(Mesh.Dsl.Benchmarks.MeshBenchmarks).Assembly).Run(args);
