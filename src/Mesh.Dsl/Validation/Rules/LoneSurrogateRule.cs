using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using Mesh.Dsl.Model;
using Mesh.Dsl.Schema;
using Mesh.Dsl.Serialization;

namespace Mesh.Dsl.Validation.Rules;

/// <summary>
/// Every string of every resource, of every kind, is whole characters: a lone UTF-16 surrogate (half of a character,
/// which YAML, JSON and UTF-8 cannot hold) is an error at its field, so a program learns it when it validates, not
/// when it writes, which refuses it (<see cref="LoneSurrogates"/>).
/// </summary>
/// <remarks>
/// Two passes. The first (<see cref="HasLoneSurrogate"/>) only looks: it visits the strings and keys of the metadata,
/// the spec through its schema's codecs (only the fields that can hold text; numbers, enums, durations and messages
/// without text fields are never entered) and the status, and allocates nothing. Nearly every resource ends there.
/// When it finds something, the second walks the resource as the writer writes it (<see cref="ResourceWriter"/>:
/// metadata with every ObjectMeta field, the spec through its schema, status), so no field of any kind is missed and
/// the paths are the schema's field names: one walker per thread, a reused stack of the open mappings and lists, and
/// a path composed only for a diagnostic. The first pass looks at every string the second does (and may say yes
/// where only the walk can tell), so the diagnostics are the walk's alone.
/// </remarks>
internal sealed class LoneSurrogateRule() : FieldRule(null, new RuleMetadata(
    "resource.text",
    "Every string of a resource (names, hosts, labels, annotations, map keys, free-form values) is whole characters: no lone UTF-16 surrogate, which no YAML or JSON file can hold.",
    [],
    [DiagnosticCodes.LoneSurrogate]))
{
    [ThreadStatic]
    private static Walker? t_walker;

    [ThreadStatic]
    private static MetadataSearch? t_metadataSearch;

    public override void Check(IstioResource resource, RuleContext context)
    {
        if (HasLoneSurrogate(resource))
        {
            Walk(resource, context);
        }
    }

    /// <summary>Reports every lone surrogate of <paramref name="resource"/> at its path, walking it as the writer writes it.</summary>
    internal static void Walk(IstioResource resource, RuleContext context)
    {
        var walker = t_walker ??= new Walker();
        walker.Start(context);
        try
        {
            ResourceWriter.Write(walker, resource);
        }
        catch (InvalidOperationException)
        {
            // The model holds what no writer writes (a null list item, an undefined enum value): the walk stops there,
            // as writing would, which reports it. The strings before it have been checked.
        }
        finally
        {
            walker.Finish();
        }
    }

    /// <summary>
    /// Whether a string or key of <paramref name="resource"/> holds a lone UTF-16 surrogate: the quick search that
    /// decides whether the walk runs. apiVersion and kind are left out: the model only ever holds the kind's own.
    /// </summary>
    internal static bool HasLoneSurrogate(IstioResource resource)
        => MetadataHasLoneSurrogate(resource)
            || resource.Definition.SpecHasLoneSurrogate(resource)
            || StructCodec.NodeHasLoneSurrogate(resource.Status);

    /// <summary>
    /// The metadata's strings, every ObjectMeta field, followed as the writer writes them (<see cref="ObjectMetaFields"/>):
    /// the one place the search reads the metadata.
    /// </summary>
    private static bool MetadataHasLoneSurrogate(IstioResource resource)
    {
        var search = t_metadataSearch ??= new MetadataSearch();
        search.Found = false;
        try
        {
            ObjectMetaFields.Write(search, resource);
        }
        catch (InvalidOperationException)
        {
            search.Found = true; // what the writer refuses, the walk reports as far as it gets
        }

        return search.Found;
    }

    /// <summary>A writer that writes nothing and only notes whether a key or string holds a lone surrogate.</summary>
    private sealed class MetadataSearch : StructuredWriter
    {
        public bool Found;

        public override void BeginMapping()
        {
        }

        public override void EndMapping()
        {
        }

        public override void EmptyMapping()
        {
        }

        public override void BeginSequence()
        {
        }

        public override void EndSequence()
        {
        }

        public override void Key(string key) => Found |= LoneSurrogates.IndexOf(key) >= 0;

        public override void FieldKey(string name)
        {
        }

        public override void NumberKey(ulong key)
        {
        }

        public override void String(string value) => Found |= LoneSurrogates.IndexOf(value) >= 0;

        public override void FlowList(JsonArray list) => Found |= StructCodec.NodeHasLoneSurrogate(list);

        public override void Duration(TimeSpan value)
        {
        }

        public override void Integer(long value)
        {
        }

        public override void Unsigned(ulong value)
        {
        }

        public override void Boolean(bool value)
        {
        }

        public override void Double(double value)
        {
        }

        public override void Null()
        {
        }

        public override void FlowJson(string json)
        {
        }
    }

    /// <summary>A writer that writes nothing: it follows the open mappings and lists and checks each key and string.</summary>
    private sealed class Walker : StructuredWriter
    {
        private Frame[] _frames = new Frame[16];
        private int _depth;
        private RuleContext _context;

        private enum Slot : byte { None, Field, Key, Number, Index }

        private struct Frame
        {
            public bool IsSequence;
            public Slot Slot;
            public string? Key;
            public ulong Number;
            public int Index;
        }

        public void Start(RuleContext context)
        {
            _context = context;
            _depth = 0;
        }

        public void Finish()
        {
            _context = default;
            Array.Clear(_frames, 0, _depth);
            _depth = 0;
        }

        // The calls made for every value are compiled optimised at once, as the schema's writing loops are (FieldInfo):
        // in a short run they would otherwise run unoptimised for every resource.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public override void BeginMapping()
        {
            NextValue();
            Push(isSequence: false);
        }

        public override void EndMapping() => _depth--;

        public override void EmptyMapping() => NextValue();

        public override void BeginSequence()
        {
            NextValue();
            Push(isSequence: true);
        }

        public override void EndSequence() => _depth--;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public override void Key(string key)
        {
            ref var frame = ref _frames[_depth - 1];
            frame.Slot = Slot.Key;
            frame.Key = key;
            if (LoneSurrogates.IndexOf(key) is >= 0 and var at)
            {
                Report($"the key {LoneSurrogates.Describe(key, at)}; give whole characters.");
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public override void FieldKey(string name)
        {
            ref var frame = ref _frames[_depth - 1];
            frame.Slot = Slot.Field;
            frame.Key = name;
        }

        public override void NumberKey(ulong key)
        {
            ref var frame = ref _frames[_depth - 1];
            frame.Slot = Slot.Number;
            frame.Number = key;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public override void String(string value)
        {
            NextValue();
            if (LoneSurrogates.IndexOf(value) is >= 0 and var at)
            {
                Report($"{LoneSurrogates.Describe(value, at)}; give whole characters.");
            }
        }

        public override void FlowList(JsonArray list)
        {
            NextValue();
            if (LoneSurrogates.Find(list) is { } found)
            {
                Report($"{LoneSurrogates.Describe(found.Text, found.Index)}; give whole characters.", found.Path);
            }
        }

        // Durations and numbers are formatted by the writers, never text of the user's.
        public override void Duration(TimeSpan value) => NextValue();

        public override void Integer(long value) => NextValue();

        public override void Unsigned(ulong value) => NextValue();

        public override void Boolean(bool value) => NextValue();

        public override void Double(double value) => NextValue();

        public override void Null() => NextValue();

        public override void FlowJson(string json) => NextValue();

        /// <summary>A value begins: in a list, it is the next item.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void NextValue()
        {
            if (_depth > 0 && _frames[_depth - 1].IsSequence)
            {
                ref var frame = ref _frames[_depth - 1];
                frame.Slot = Slot.Index;
                frame.Index++;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Push(bool isSequence)
        {
            if (_depth == _frames.Length)
            {
                Array.Resize(ref _frames, _depth * 2);
            }

            _frames[_depth++] = new Frame { IsSequence = isSequence, Index = -1 };
        }

        private void Report(string message, string below = "")
        {
            _context.Error(DiagnosticCodes.LoneSurrogate, Path() + below, message);
        }

        /// <summary>The path of the value or key being written: <c>spec.http[0].match[0].headers[x-user].exact</c>.</summary>
        private string Path()
        {
            var path = new StringBuilder();
            for (var i = 0; i < _depth; i++)
            {
                var frame = _frames[i];
                switch (frame.Slot)
                {
                    case Slot.Field:
                        (path.Length > 0 ? path.Append('.') : path).Append(frame.Key);
                        break;
                    case Slot.Key:
                        path.Append(LoneSurrogates.KeySegment(frame.Key!));
                        break;
                    case Slot.Number:
                        path.Append('[').Append(frame.Number).Append(']');
                        break;
                    case Slot.Index:
                        path.Append('[').Append(frame.Index).Append(']');
                        break;
                }
            }

            return path.ToString();
        }
    }
}
