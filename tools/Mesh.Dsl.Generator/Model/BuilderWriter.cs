using System.Text;

namespace Mesh.Dsl.Generator.Model;

/// <summary>
/// Writes the plain-setter builders: for every message a builder (or the part of its hand-written builder that
/// the hand-written methods do not cover) with one method per field, so that every field of every kind is
/// reachable fluently; for kinds without hand-written builders, the resource builder and <c>mesh.Add{Kind}</c>.
/// </summary>
internal sealed class BuilderWriter(IReadOnlyList<PlannedType> types, HandWrittenBuilders handWritten)
{
    private readonly Dictionary<string, string> _builderOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _resourceBuilderOf = new(StringComparer.Ordinal);
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    public IEnumerable<(string Name, string Text)> Files()
    {
        // Names first: a setter refers to the builders of the messages its field holds.
        foreach (var type in types.Where(t => !t.Proto.IsEnum))
        {
            _builderOf[type.FullName] = handWritten.BuilderOf(type.Name) ?? Unique(type.Kind is null ? type.Name : type.Kind.Kind, type.Namespace);
            if (type.Kind is not null)
            {
                // A kind needs a resource builder; WorkloadEntrySpec's hand-written builder builds ServiceEntry endpoints.
                var builder = _builderOf[type.FullName];
                _resourceBuilderOf[type.FullName] = handWritten.IsResourceBuilder(builder) || !handWritten.Exists(builder) ? builder : Unique(type.Kind.Kind + "Resource", type.Namespace);
            }
        }

        foreach (var type in types.Where(t => !t.Proto.IsEnum))
        {
            var builder = _builderOf[type.FullName];
            if (Emit(type, builder, asResource: _resourceBuilderOf.GetValueOrDefault(type.FullName) == builder) is { } text)
            {
                yield return (builder, text);
            }

            if (_resourceBuilderOf.TryGetValue(type.FullName, out var resourceBuilder))
            {
                if (resourceBuilder != builder)
                {
                    yield return (resourceBuilder, Emit(type, resourceBuilder, asResource: true)!);
                }

                var kind = type.Kind!;
                if (!handWritten.Exists(kind.Kind + "MeshExtensions"))
                {
                    yield return (kind.Kind + "MeshExtensions", MeshExtensions(type, kind, resourceBuilder));
                }
            }
        }
    }

    /// <summary>A builder name no other class has: the type's name, else prefixed with its namespace (Security's Rule).</summary>
    private string Unique(string name, string ns)
    {
        var candidate = name + "Builder";
        if (handWritten.Exists(candidate) || !_taken.Add(candidate))
        {
            candidate = ns + name + "Builder";
            if (handWritten.Exists(candidate) || !_taken.Add(candidate))
            {
                throw new InvalidOperationException($"No free builder name for {ns}.{name}");
            }
        }

        return candidate;
    }

    /// <summary>The builder's generated file, or null when a hand-written builder already reaches every field.</summary>
    private string? Emit(PlannedType type, string builder, bool asResource)
    {
        var existing = handWritten.Exists(builder);
        var methods = new StringBuilder();
        var declaring = existing ? builder : asResource ? "ResourceBuilder" : "MessageBuilder";
        foreach (var field in type.Fields)
        {
            if (!handWritten.Declares(declaring, field.PropertyName))
            {
                Setter(methods, builder, field);
            }
        }

        if (existing && methods.Length == 0)
        {
            return null;
        }

        var text = Header();
        if (existing)
        {
            text.Append("/// <content>Plain setters for the fields the hand-written methods do not cover.</content>\n");
            text.Append("public sealed partial class ").Append(builder).Append("\n{\n");
        }
        else if (asResource)
        {
            var kind = type.Kind!;
            var resource = $"global::Mesh.Dsl.Model.{type.Namespace}.{kind.Kind}";
            text.Append("/// <summary>Builds a <see cref=\"").Append(resource).Append("\"/>: one method per field of its spec.</summary>\n");
            text.Append("public sealed partial class ").Append(builder).Append(" : global::Mesh.Dsl.Builders.ResourceBuilder<").Append(builder).Append(", ")
                .Append(resource).Append(", ").Append(type.FullName).Append(">\n{\n");
            text.Append("    /// <summary>Starts a new ").Append(kind.Kind).Append(".</summary>\n");
            text.Append("    /// <param name=\"name\">The resource name: a lowercase DNS-1123 subdomain.</param>\n");
            text.Append("    public ").Append(builder).Append("(string name)\n        : base(new ").Append(resource).Append("(), name)\n    {\n    }\n\n");
            text.Append("    /// <summary>Edits an existing ").Append(kind.Kind).Append(".</summary>\n");
            text.Append("    /// <param name=\"resource\">The resource to edit.</param>\n");
            text.Append("    public ").Append(builder).Append('(').Append(resource).Append(" resource)\n        : base(resource)\n    {\n    }\n");
        }
        else
        {
            text.Append("/// <summary>Builds a <see cref=\"").Append(type.FullName).Append("\"/>: one method per field.</summary>\n");
            text.Append("public sealed partial class ").Append(builder).Append(" : global::Mesh.Dsl.Builders.MessageBuilder<").Append(builder).Append(", ")
                .Append(type.FullName).Append(">\n{\n");
            text.Append("    /// <summary>Edits <paramref name=\"target\"/>.</summary>\n");
            text.Append("    /// <param name=\"target\">The message to edit.</param>\n");
            text.Append("    public ").Append(builder).Append('(').Append(type.FullName).Append(" target)\n        : base(target)\n    {\n    }\n");
        }

        if (methods.Length > 0)
        {
            if (!existing)
            {
                text.Append('\n');
            }

            text.Append(methods.ToString().TrimEnd('\n')).Append('\n');
        }

        text.Append("}\n");
        return text.ToString();
    }

    private static StringBuilder Header()
    {
        var text = new StringBuilder();
        text.Append("// <auto-generated>\n");
        text.Append("// Generated by tools/Mesh.Dsl.Generator (model) from tools/Mesh.Dsl.Generator/Istio: Istio's CRD bundle and\n");
        text.Append("// proto-fields.yaml. Do not edit; change the generator or its inputs and run it again.\n");
        text.Append("// </auto-generated>\n");
        text.Append("#nullable enable\n");
        text.Append("#pragma warning disable CS0618 // Istio's deprecated fields are still reachable; their setters carry the warning.\n\n");
        text.Append("namespace Mesh.Dsl.Builders;\n\n");
        return text;
    }

    private static string MeshExtensions(PlannedType spec, KindConfig kind, string builder)
    {
        var resource = $"global::Mesh.Dsl.Model.{spec.Namespace}.{kind.Kind}";
        var text = Header();
        text.Append("/// <summary>Adds a ").Append(kind.Kind).Append(" to an <see cref=\"global::Mesh.Dsl.IstioMesh\"/>.</summary>\n");
        text.Append("public static class ").Append(kind.Kind).Append("MeshExtensions\n{\n");
        text.Append("    /// <summary>Builds a ").Append(kind.Kind).Append(" and adds it to the mesh.</summary>\n");
        text.Append("    /// <param name=\"mesh\">The mesh.</param>\n");
        text.Append("    /// <param name=\"name\">The resource name.</param>\n");
        text.Append("    /// <param name=\"configure\">Sets the fields.</param>\n");
        text.Append("    /// <returns>The resource added.</returns>\n");
        text.Append("    public static ").Append(resource).Append(" Add").Append(kind.Kind).Append("(this global::Mesh.Dsl.IstioMesh mesh, string name, global::System.Action<")
            .Append(builder).Append("> configure)\n    {\n");
        text.Append("        global::System.ArgumentNullException.ThrowIfNull(mesh);\n");
        text.Append("        global::System.ArgumentNullException.ThrowIfNull(configure);\n");
        text.Append("        var builder = new ").Append(builder).Append("(name);\n");
        text.Append("        configure(builder);\n");
        text.Append("        return mesh.Add(builder.Build());\n    }\n}\n");
        return text.ToString();
    }

    private void Setter(StringBuilder text, string builder, PlannedField field)
    {
        var summary = $"Sets <c>{field.JsonName}</c>{FirstSentence(field.Description)}";
        void Docs(string what, params (string Name, string Text)[] parameters)
        {
            text.Append("    /// <summary>").Append(what).Append("</summary>\n");
            foreach (var (name, description) in parameters)
            {
                text.Append("    /// <param name=\"").Append(name).Append("\">").Append(description).Append("</param>\n");
            }

            text.Append("    /// <returns>This builder.</returns>\n");
            if (field.Deprecated)
            {
                text.Append("    [global::System.Obsolete(\"Istio has deprecated the field ").Append(field.JsonName).Append("; see its documentation for what replaces it.\")]\n");
            }
        }

        var self = "public " + builder + " " + field.PropertyName;
        switch (field.Shape)
        {
            case FieldShape.Scalar or FieldShape.Enum or FieldShape.FreeForm:
                var type = field.Type;
                Docs(summary, ("value", "The value."));
                text.Append("    ").Append(self).Append('(').Append(type).Append(" value)\n    {\n");
                // Strings and free-form values are checked for what no file can hold (Guard.Text); other references for null.
                var checkedValue = type switch
                {
                    "string" => "Guard.Text(value, nameof(value))",
                    _ when field.Shape == FieldShape.FreeForm => "Guard.FreeForm(value, nameof(value))",
                    _ => "value",
                };
                if (!field.IsValueType && checkedValue == "value")
                {
                    text.Append("        global::System.ArgumentNullException.ThrowIfNull(value);\n");
                }

                text.Append("        Target.").Append(field.PropertyName).Append(" = ").Append(checkedValue).Append(";\n        return this;\n    }\n\n");
                break;
            case FieldShape.Message:
                var child = _builderOf[field.Type];
                Docs(summary + " Creates the message when unset.", ("configure", "Sets its fields."));
                text.Append("    ").Append(self).Append("(global::System.Action<").Append(child).Append("> configure)\n    {\n");
                text.Append("        global::System.ArgumentNullException.ThrowIfNull(configure);\n");
                text.Append("        return Child(t => t.").Append(field.PropertyName).Append(", (t, v) => t.").Append(field.PropertyName).Append(" = v, () => new ")
                    .Append(field.Type).Append("(), c => new ").Append(child).Append("(c), configure);\n    }\n\n");
                break;
            case FieldShape.List when field.ElementShape == FieldShape.Message:
                var item = _builderOf[field.ElementType!];
                Docs($"Adds an item to <c>{field.JsonName}</c>{FirstSentence(field.Description)}", ("configure", "Sets the item's fields."));
                text.Append("    ").Append(self).Append("(global::System.Action<").Append(item).Append("> configure)\n    {\n");
                text.Append("        global::System.ArgumentNullException.ThrowIfNull(configure);\n");
                text.Append("        return AddChild(Target.").Append(field.PropertyName).Append(", () => new ").Append(field.ElementType).Append("(), c => new ")
                    .Append(item).Append("(c), configure);\n    }\n\n");
                break;
            case FieldShape.List:
                Docs($"Adds items to <c>{field.JsonName}</c>{FirstSentence(field.Description)}", ("values", "The items."));
                text.Append("    ").Append(self).Append("(params ").Append(field.ElementType).Append("[] values)\n    {\n");
                if (field.ElementType == "string")
                {
                    text.Append("        Target.").Append(field.PropertyName).Append(".AddRange(Guard.Texts(values, nameof(values)));\n        return this;\n    }\n\n");
                }
                else
                {
                    text.Append("        global::System.ArgumentNullException.ThrowIfNull(values);\n");
                    text.Append("        Target.").Append(field.PropertyName).Append(".AddRange(values);\n        return this;\n    }\n\n");
                }
                break;
            case FieldShape.Map:
                var key = field.Type[(field.Type.IndexOf('<') + 1)..field.Type.IndexOf(',')];
                if (field.ElementShape == FieldShape.Message)
                {
                    var value = _builderOf[field.ElementType!];
                    Docs($"Sets an entry of <c>{field.JsonName}</c>{FirstSentence(field.Description)}", ("key", "The key."), ("configure", "Sets the entry's fields."));
                    text.Append("    ").Append(self).Append('(').Append(key).Append(" key, global::System.Action<").Append(value).Append("> configure)\n    {\n");
                    text.Append("        global::System.ArgumentNullException.ThrowIfNull(configure);\n");
                    if (key == "string")
                    {
                        text.Append("        Guard.Text(key, nameof(key));\n");
                    }

                    text.Append("        var entry = new ").Append(field.ElementType).Append("();\n");
                    text.Append("        configure(new ").Append(value).Append("(entry));\n");
                    text.Append("        Target.").Append(field.PropertyName).Append("[key] = entry;\n        return this;\n    }\n\n");
                }
                else
                {
                    Docs($"Sets an entry of <c>{field.JsonName}</c>{FirstSentence(field.Description)}", ("key", "The key."), ("value", "The value."));
                    text.Append("    ").Append(self).Append('(').Append(key).Append(" key, ").Append(field.ElementType).Append(" value)\n    {\n");
                    if (key == "string")
                    {
                        text.Append("        Guard.Text(key, nameof(key));\n");
                    }

                    if (field.ElementType == "string")
                    {
                        text.Append("        Guard.Text(value, nameof(value));\n");
                    }

                    text.Append("        Target.").Append(field.PropertyName).Append("[key] = value;\n        return this;\n    }\n\n");
                }

                break;
        }
    }

    /// <summary>": " and the first sentence of a CRD description, XML-escaped; "." when there is none.</summary>
    private static string FirstSentence(string? description)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            return ".";
        }

        var text = description.Trim().Split('\n')[0];
        var end = text.IndexOf(". ", StringComparison.Ordinal);
        text = end > 0 ? text[..(end + 1)] : text;
        text = text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
        return ": " + (text.EndsWith('.') ? text : text + ".");
    }
}
