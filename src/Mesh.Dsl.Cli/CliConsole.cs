namespace Mesh.Dsl.Cli;

/// <summary>
/// Where a command writes: given to each command when the command line is built, so tests can run
/// commands in-process with <see cref="StringWriter"/>s.
/// </summary>
/// <param name="Out">Results (formatted YAML, reports).</param>
/// <param name="Error">Diagnostics: read errors, missing paths.</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error);
