namespace Mesh.Dsl.Cli;

/// <summary>
/// Where a command reads and writes: given to each command when the command line is built, so tests can
/// run commands in-process with <see cref="StringReader"/>s and <see cref="StringWriter"/>s.
/// </summary>
/// <param name="Out">Results (formatted YAML, reports).</param>
/// <param name="Error">Diagnostics: read errors, missing paths.</param>
/// <param name="In">What a path <c>-</c> reads: standard input, or null when there is none.</param>
/// <param name="Colour">Whether <see cref="Out"/> is a terminal that shows colours (never for a file or pipe).</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, TextReader? In = null, bool Colour = false);
