using Mesh.Dsl.Generator;

// Regenerates the checked-in code of the repository: `dotnet run --project tools/Mesh.Dsl.Generator`.
// With --check it writes nothing and exits 1 when the checked-in output is not what the generators make
// (the tests run the same check).
var check = args.Contains("--check");
var unknown = args.Where(a => a != "--check").ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"usage: Mesh.Dsl.Generator [--check]   (unknown: {string.Join(' ', unknown)})");
    return 2;
}

var root = Generators.FindRepositoryRoot(Directory.GetCurrentDirectory()) ?? Generators.FindRepositoryRoot(AppContext.BaseDirectory);
if (root is null)
{
    Console.Error.WriteLine("Run the generator inside the Mesh.Dsl repository: no MeshDsl.sln above the current folder.");
    return 2;
}

var status = 0;
foreach (var generator in Generators.All)
{
    if (check)
    {
        var differences = Generators.Differences(generator, root);
        foreach (var difference in differences)
        {
            Console.Error.WriteLine(difference);
        }

        status = differences.Count > 0 ? 1 : status;
        Console.WriteLine($"{generator.Name}: {(differences.Count == 0 ? "current" : $"{differences.Count} difference(s)")}");
    }
    else
    {
        Console.WriteLine($"{generator.Name}: {Generators.Write(generator, root)} file(s) written or deleted");
    }
}

return status;
