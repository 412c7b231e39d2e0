using YamlDotNet.RepresentationModel;

namespace Mesh.Dsl.Generator.Model;

/// <summary>
/// Decides the model's C# types from the protos (messages, fields in declaration order, oneofs, deprecations) and
/// the CRD bundle (every served version's fields, their descriptions): every message reachable from a kind's
/// spec becomes a class, every enum an enum, every field a property.
/// </summary>
internal sealed class ModelPlanner
{
    private readonly ProtoTypes _protos;
    private readonly CrdSchemas _crds;
    private readonly Dictionary<string, PlannedType> _byProto = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PlannedType> _byCsName = new(StringComparer.Ordinal);
    private readonly List<PlannedType> _types = new();

    /// <summary>CRD properties a message has beyond its proto fields: proto-name spellings the CRD also accepts (<c>mirror_percent</c>).</summary>
    private readonly Dictionary<string, List<(string CrdName, ProtoField Of)>> _protoNameSpellings = new(StringComparer.Ordinal);

    /// <summary>(message, field) pairs the CRD of some served version has.</summary>
    private readonly HashSet<string> _inCrd = new(StringComparer.Ordinal);

    private readonly Dictionary<string, string> _fieldDescriptions = new(StringComparer.Ordinal);

    public ModelPlanner(ProtoTypes protos, CrdSchemas crds)
    {
        _protos = protos;
        _crds = crds;
    }

    public IReadOnlyList<PlannedType> Plan()
    {
        foreach (var kind in ModelConfig.Kinds)
        {
            var spec = _protos.Get(kind.SpecMessage);
            var planned = Declare(spec);
            planned.Kind = kind;
            var versions = _crds.Versions(kind.Kind);
            var served = versions.Select(v => v.Version).Order(StringComparer.Ordinal).ToList();
            if (!served.SequenceEqual(kind.Versions.Order(StringComparer.Ordinal)))
            {
                throw new InvalidOperationException($"{kind.Kind}: the CRD serves {string.Join(", ", served)}, the kind table says {string.Join(", ", kind.Versions)}");
            }

            // The default version's descriptions first: it is the one users read.
            foreach (var version in versions.OrderBy(v => v.Version == kind.Versions[0] ? 0 : 1))
            {
                planned.KindDescription ??= CrdSchemas.Description(version.Spec);
                Walk(spec, version.Spec, $"{kind.Kind} {version.Version} spec");
            }
        }

        foreach (var type in _types.ToList())
        {
            if (!type.Proto.IsEnum)
            {
                AddFields(type);
            }
        }

        return _types;
    }

    /// <summary>The C# type of a proto message or enum, declared on first sight.</summary>
    private PlannedType Declare(ProtoType proto)
    {
        if (ModelConfig.SameClassAs.TryGetValue(proto.FullName, out var canonical))
        {
            var target = _protos.Get(canonical);
            if (!SameFields(proto, target))
            {
                throw new InvalidOperationException($"{proto.FullName} is served by the class of {canonical}, but their fields differ");
            }

            proto = target;
        }

        if (_byProto.TryGetValue(proto.FullName, out var known))
        {
            return known;
        }

        var name = ModelConfig.TypeNames.TryGetValue(proto.FullName, out var given) ? given : Names.TypeName(proto.ShortName);
        if (ModelConfig.Kinds.FirstOrDefault(k => k.SpecMessage == proto.FullName) is { } kind)
        {
            name = kind.Kind + "Spec";
        }

        var ns = ModelConfig.Namespaces.TryGetValue(proto.FullName, out var given2) ? given2 : ModelConfig.NamespaceOfPackage(proto.FullName);
        var planned = new PlannedType(proto, name, ns);
        if (_byCsName.TryGetValue(planned.FullName, out var clash))
        {
            throw new InvalidOperationException($"{proto.FullName} and {clash.Proto.FullName} would both be {planned.FullName}; name one in ModelConfig.TypeNames");
        }

        _byProto.Add(proto.FullName, planned);
        _byCsName.Add(planned.FullName, planned);
        _types.Add(planned);
        return planned;
    }

    private bool SameFields(ProtoType a, ProtoType b)
        => a.Fields!.Select(f => (f.Name, f.Repeated, Resolve(a, f)?.FullName ?? f.Type))
            .SequenceEqual(b.Fields!.Select(f => (f.Name, f.Repeated, Resolve(b, f)?.FullName ?? f.Type)));

    private ProtoType? Resolve(ProtoType owner, ProtoField field) => _protos.Resolve(owner.FullName, MapValueType(field.Type) ?? field.Type);

    /// <summary>Follows the CRD schema of a message alongside its proto: descriptions, and the properties the CRD has.</summary>
    private void Walk(ProtoType message, YamlNode schema, string where)
    {
        var canonical = ModelConfig.SameClassAs.GetValueOrDefault(message.FullName, message.FullName);
        foreach (var property in CrdSchemas.PropertyNames(schema))
        {
            var propertySchema = CrdSchemas.Property(schema, property)!;
            var field = message.Fields!.FirstOrDefault(f => f.Name == property);
            if (field is null)
            {
                var spelled = message.Fields!.FirstOrDefault(f => f.ProtoName == property);
                if (spelled is null)
                {
                    throw new InvalidOperationException($"{where}: the CRD has \"{property}\", which {message.FullName} in proto-fields.yaml does not");
                }

                var list = _protoNameSpellings.TryGetValue(canonical, out var l) ? l : _protoNameSpellings[canonical] = new();
                if (!list.Any(s => s.CrdName == property))
                {
                    list.Add((property, spelled));
                }

                _inCrd.Add(canonical + "#" + property);
                _fieldDescriptions.TryAdd(canonical + "#" + property, CrdSchemas.Description(propertySchema) ?? string.Empty);
                continue;
            }

            _inCrd.Add(canonical + "#" + field.Name);
            var description = CrdSchemas.Description(propertySchema);
            if (description is not null)
            {
                _fieldDescriptions.TryAdd(canonical + "#" + field.Name, description);
            }

            if (Resolve(message, field) is { } type)
            {
                var planned = Declare(type);
                planned.Description ??= description;
                if (!type.IsEnum)
                {
                    Walk(type, CrdSchemas.Element(propertySchema)!, $"{where}.{property}");
                }
            }
        }
    }

    private void AddFields(PlannedType type)
    {
        var proto = type.Proto;
        var fields = proto.Fields!.Where(f => _inCrd.Contains(proto.FullName + "#" + f.Name)).ToList();
        if (ModelConfig.FieldOrder.TryGetValue(proto.FullName, out var order))
        {
            fields = fields.OrderBy(f => Array.IndexOf(order, f.Name)).ToList();
        }

        foreach (var field in fields)
        {
            type.Fields.Add(Field(proto, field, field.Name, Names.PropertyName(field.Name)));
            foreach (var (crdName, _) in _protoNameSpellings.GetValueOrDefault(proto.FullName, []).Where(s => s.Of == field))
            {
                // The CRD also accepts the proto's own spelling; kept as its own property so a document reads back unchanged.
                type.Fields.Add(Field(proto, field, crdName, Names.PropertyName(field.Name) + "SnakeCase"));
            }
        }
    }

    private PlannedField Field(ProtoType owner, ProtoField field, string jsonName, string propertyName)
    {
        var description = _fieldDescriptions.GetValueOrDefault(owner.FullName + "#" + jsonName);
        var oneOf = field.OneOf is null ? null : Names.CamelCase(field.OneOf);
        if (field.Type.StartsWith("map<", StringComparison.Ordinal))
        {
            var key = field.Type[4..field.Type.IndexOf(',')];
            var valueType = MapValueType(field.Type)!;
            var value = Element(owner, valueType);
            var (keyType, codec) = (key, value.Shape) switch
            {
                ("string", FieldShape.Scalar) when value.Type == "string" => ("string", "global::Mesh.Dsl.Schema.Codecs.StringMap"),
                ("string", FieldShape.Message) => ("string", $"global::Mesh.Dsl.Schema.Codecs.MessageMap(() => {value.Type}.Schema)"),
                ("string", _) => ("string", $"global::Mesh.Dsl.Schema.Codecs.ValueMap({value.Codec})"),
                ("uint32", FieldShape.Message) => ("uint", $"global::Mesh.Dsl.Schema.Codecs.MessagePortMap(() => {value.Type}.Schema)"),
                _ => throw new InvalidOperationException($"{owner.FullName}.{field.Name}: no codec for {field.Type}"),
            };
            return new PlannedField
            {
                JsonName = jsonName,
                PropertyName = propertyName,
                Shape = FieldShape.Map,
                Type = $"global::System.Collections.Generic.OrderedDictionary<{keyType}, {value.Type}>",
                IsValueType = false,
                Codec = codec,
                ElementShape = value.Shape,
                ElementType = value.Type,
                JsonConverter = value.JsonConverter is null ? null : throw new InvalidOperationException($"{owner.FullName}.{field.Name}: maps of {value.Type} need a JSON converter"),
                OneOf = oneOf,
                Deprecated = field.Deprecated,
                Description = description,
            };
        }

        var element = Element(owner, ModelConfig.FieldTypes.GetValueOrDefault(owner.FullName + "#" + field.Name, field.Type));
        if (field.Repeated)
        {
            var codec = element.Shape switch
            {
                FieldShape.Scalar when element.Type == "string" => "global::Mesh.Dsl.Schema.Codecs.StringList",
                FieldShape.Message => $"global::Mesh.Dsl.Schema.Codecs.MessageList(() => {element.Type}.Schema)",
                FieldShape.Scalar or FieldShape.Enum when element.IsValueType => $"global::Mesh.Dsl.Schema.Codecs.ValueList({element.Codec})",
                _ => throw new InvalidOperationException($"{owner.FullName}.{field.Name}: no list codec for {field.Type}"),
            };
            return new PlannedField
            {
                JsonName = jsonName,
                PropertyName = propertyName,
                Shape = FieldShape.List,
                Type = $"global::System.Collections.Generic.List<{element.Type}>",
                IsValueType = false,
                Codec = codec,
                ElementShape = element.Shape,
                ElementType = element.Type,
                // No Istio message has a list of enums or durations; one would need a list converter for Istio's JSON.
                JsonConverter = element.JsonConverter is null ? null : throw new InvalidOperationException($"{owner.FullName}.{field.Name}: lists of {element.Type} need a JSON converter"),
                OneOf = oneOf,
                Deprecated = field.Deprecated,
                Description = description,
            };
        }

        return new PlannedField
        {
            JsonName = jsonName,
            PropertyName = propertyName,
            Shape = element.Shape,
            Type = element.Type,
            IsValueType = element.IsValueType,
            Codec = element.Codec,
            JsonConverter = element.JsonConverter,
            OneOf = oneOf,
            Deprecated = field.Deprecated,
            Description = description,
        };
    }

    private static string? MapValueType(string type)
        => type.StartsWith("map<", StringComparison.Ordinal) ? type[(type.IndexOf(',') + 1)..^1].Trim() : null;

    private sealed record ElementInfo(FieldShape Shape, string Type, bool IsValueType, string Codec, string? JsonConverter);

    private ElementInfo Element(ProtoType owner, string protoType)
    {
        const string codecs = "global::Mesh.Dsl.Schema.Codecs.";
        switch (protoType)
        {
            case "string":
                return new(FieldShape.Scalar, "string", false, codecs + "String", null);
            case "bool" or "google.protobuf.BoolValue":
                return new(FieldShape.Scalar, "bool", true, codecs + "Bool", null);
            case "int32" or "google.protobuf.Int32Value":
                return new(FieldShape.Scalar, "int", true, codecs + "Int32", null);
            case "uint32" or "google.protobuf.UInt32Value":
                return new(FieldShape.Scalar, "uint", true, codecs + "UInt32", null);
            case "int64" or "uint64" or "google.protobuf.Int64Value" or "google.protobuf.UInt64Value":
                return new(FieldShape.Scalar, "long", true, codecs + "Int64", null);
            case "double" or "float" or "google.protobuf.DoubleValue" or "google.protobuf.FloatValue":
                return new(FieldShape.Scalar, "double", true, codecs + "Double", null);
            case "bytes":
                return new(FieldShape.Scalar, "byte[]", false, codecs + "Bytes", null);
            case "google.protobuf.Duration":
                return new(FieldShape.Scalar, "global::System.TimeSpan", true, codecs + "Duration", "global::Mesh.Dsl.Serialization.Json.DurationJsonConverter");
            case "google.protobuf.Struct":
                return new(FieldShape.FreeForm, "global::System.Text.Json.Nodes.JsonObject", false, codecs + "Struct", null);
        }

        var resolved = _protos.Resolve(owner.FullName, protoType) ?? throw new InvalidOperationException($"{owner.FullName}: unknown type {protoType}");
        var planned = _byProto.GetValueOrDefault(ModelConfig.SameClassAs.GetValueOrDefault(resolved.FullName, resolved.FullName))
            ?? throw new InvalidOperationException($"{owner.FullName}: {resolved.FullName} is not reached from a kind's spec in the CRD");
        return resolved.IsEnum
            ? new(FieldShape.Enum, planned.FullName, true, $"{codecs}Enum<{planned.FullName}>()", $"global::Mesh.Dsl.Serialization.Json.IstioEnumJsonConverter<{planned.FullName}>")
            : new(FieldShape.Message, planned.FullName, false, $"{codecs}Message(() => {planned.FullName}.Schema)", null);
    }
}
