// MeshCode finds the builders' methods and the model's properties by reflection, at code-generation time only;
// its public entry points carry RequiresUnreferencedCode/RequiresDynamicCode, so a trimmed or NativeAOT program
// that calls them is warned there. The reading, writing and validation paths have no reflection and stay AOT-safe.
#pragma warning disable IL2026, IL2060, IL2062, IL2067, IL2070, IL2072, IL2075, IL2080, IL3050
using System.Collections;
using System.Reflection;
using Mesh.Dsl.Model;

namespace Mesh.Dsl.CodeGeneration;

/// <summary>
/// Turns a model message into calls of its builder: for each set field, the builder method that
/// reproduces it (a setter, a shorthand whose parameters are the item's fields, a child builder, a
/// typed reference to a resource), tried on a scratch builder and kept only when it gives exactly the
/// field's value; every field no method reproduces is assigned, typed, in one <c>Edit</c>.
/// </summary>
internal sealed class BuilderSteps(ValueCode values, ReferenceTargets targets)
{
    private static readonly MethodInfo TypedActionMethod = typeof(BuilderSteps).GetMethod(nameof(TypedAction), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>Steps that set <paramref name="fields"/> of <paramref name="value"/> through <paramref name="builderType"/>.</summary>
    /// <param name="builderType">The builder.</param>
    /// <param name="shape">The message's shape.</param>
    /// <param name="value">The message.</param>
    /// <param name="fields">The fields to set (all set ones, or those a shorthand left).</param>
    /// <param name="fresh">Makes a builder over an empty message, to try calls on.</param>
    /// <param name="scope">The names in use.</param>
    /// <param name="comments">The comment lines for a field, by wire name.</param>
    public List<Step> Message(Type builderType, MessageShape shape, object value, IEnumerable<FieldShape> fields, Func<object> fresh, Scope scope, Func<string, IReadOnlyList<string>>? comments = null)
    {
        var steps = new List<Step>();
        var assigned = new List<FieldShape>();
        foreach (var field in fields)
        {
            if (!field.IsSet(value))
            {
                continue;
            }

            var fieldSteps = Field(builderType, shape, field, field.Get(value), fresh, scope);

            // A child builder that only edits its model says less than assigning the field: .Edit(x => x.Retries = new HttpRetry { ... }).
            if (fieldSteps is null || fieldSteps.Count == 0 || fieldSteps.All(s => s.EditOnly))
            {
                assigned.Add(field);
                continue;
            }

            var lines = comments?.Invoke(field.Name) ?? [];
            fieldSteps[0] = fieldSteps[0].WithComments(lines);
            steps.AddRange(fieldSteps);
        }

        if (assigned.Count > 0)
        {
            steps.Add(Edit(shape, value, assigned, scope, comments));
        }

        return steps;
    }

    /// <summary><c>.Edit(x => x.Field = value)</c>: the typed model assignment of fields no builder method reproduces.</summary>
    private Step Edit(MessageShape shape, object value, List<FieldShape> fields, Scope scope, Func<string, IReadOnlyList<string>>? comments)
    {
        var parameter = scope.Nested().Take(ParameterName(shape.Type));
        var statements = new List<Code>();
        foreach (var field in fields)
        {
            Code statement = new PrefixedCode(parameter + "." + field.Property.Name + " = ", values.Of(field.Type, field.Get(value), field.Name));
            var lines = comments?.Invoke(field.Name) ?? [];
            statements.Add(lines.Count == 0 ? statement : new CommentedCode(lines, statement));
        }

        var snapshot = fields.Select(f => (f, f.Get(value))).ToList();
        return new Step(
            ListCode.Arguments("Edit", [LambdaCode.Block(parameter, statements)]),
            builder =>
            {
                var target = BuilderCatalogue.TargetOf(builder);
                foreach (var (field, fieldValue) in snapshot)
                {
                    field.Property.SetValue(target, fieldValue);
                }
            },
            editOnly: true);
    }

    /// <summary>The steps for one field, checked on a scratch builder; null when no builder method reproduces it.</summary>
    private List<Step>? Field(Type builderType, MessageShape owner, FieldShape field, object value, Func<object> fresh, Scope scope)
    {
        var methods = Methods(builderType, field.Property.Name);
        if (methods.Count == 0)
        {
            return null;
        }

        var type = Nullable.GetUnderlyingType(field.Type) ?? field.Type;
        if (ListItemType(type) is { } itemType)
        {
            var items = ((IList)value).Cast<object>().ToList();
            if (MessageShape.Of(itemType) is { } itemShape)
            {
                var steps = new List<Step>();
                foreach (var item in items)
                {
                    var step = MessageItem(methods, itemShape, item, fresh, target => ((IList)field.Get(target)) is [var only] ? only : null, owner, field, scope);
                    if (step is null)
                    {
                        return null;
                    }

                    steps.Add(step);
                }

                return Checked(steps, owner, field, value, fresh);
            }

            return ScalarList(methods, itemType, items, field, owner, value, fresh);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(OrderedDictionary<,>))
        {
            return Map(methods, type, (IDictionary)value, field, owner, value, fresh);
        }

        if (MessageShape.Of(type) is { } shape)
        {
            var step = MessageItem(methods, shape, value, fresh, target => field.IsSet(target) ? field.Get(target) : null, owner, field, scope);
            if (step is not null)
            {
                return [step];
            }

            // A message of one label map set entry by entry: .WorkloadSelector("app", "ratings").
            if (shape.Fields.Where(f => f.IsSet(value)).ToList() is [var only]
                && Nullable.GetUnderlyingType(only.Type) is null && only.Type == typeof(OrderedDictionary<string, string>))
            {
                return Map(methods, only.Type, (IDictionary)only.Get(value), only, owner, value, fresh, field);
            }

            return null;
        }

        foreach (var method in methods)
        {
            if (method.GetParameters() is [var parameter, ..] rest && rest.Skip(1).All(p => p.IsOptional)
                && parameter.GetCustomAttribute<ParamArrayAttribute>() is null && TryConvert(value, parameter.ParameterType, out var argument))
            {
                var args = Defaults(method);
                args[0] = argument;
                var step = Call(method, [values.Of(parameter.ParameterType, argument!, field.Name)], args);
                if (Checked([step], owner, field, value, fresh) is { } checkedSteps)
                {
                    return checkedSteps;
                }
            }
        }

        return null;
    }

    private List<Step>? ScalarList(List<MethodInfo> methods, Type itemType, List<object> items, FieldShape field, MessageShape owner, object value, Func<object> fresh)
    {
        // One call with every item (.Hosts("a", "b")), unless some item is a reference to a resource among the inputs.
        var perItem = new List<Step>();
        var typed = false;
        foreach (var item in items)
        {
            Step? step = null;
            foreach (var method in methods.Where(m => m.GetParameters() is [var p, ..] rest && rest.Skip(1).All(o => o.IsOptional) && p.GetCustomAttribute<ParamArrayAttribute>() is null))
            {
                var parameter = method.GetParameters()[0];
                if (typeof(IstioResource).IsAssignableFrom(parameter.ParameterType))
                {
                    foreach (var target in targets.Candidates(parameter.ParameterType, [item]))
                    {
                        var args = Defaults(method);
                        args[0] = target;
                        var candidate = Call(method, [targets.Reference(target)], args, typed: true);
                        if (OneItemMatches(candidate, field, item, fresh))
                        {
                            step = candidate;
                            typed = true;
                            break;
                        }
                    }
                }
                else if (step is null && TryConvert(item, parameter.ParameterType, out var argument))
                {
                    var args = Defaults(method);
                    args[0] = argument;
                    step = Call(method, [values.Of(parameter.ParameterType, argument!, field.Name)], args);
                }
            }

            perItem.Add(step!);
        }

        if (!typed)
        {
            foreach (var method in methods.Where(m => m.GetParameters() is [var p] && p.GetCustomAttribute<ParamArrayAttribute>() is not null))
            {
                var elementType = method.GetParameters()[0].ParameterType.GetElementType()!;
                var array = Array.CreateInstance(elementType, items.Count);
                var codes = new List<Code>();
                var ok = true;
                for (var i = 0; i < items.Count && ok; i++)
                {
                    ok = TryConvert(items[i], elementType, out var element);
                    if (ok)
                    {
                        array.SetValue(element, i);
                        codes.Add(values.Of(elementType, element!, field.Name));
                    }
                }

                if (ok && Checked([Call(method, codes, [array])], owner, field, value, fresh) is { } steps)
                {
                    return steps;
                }
            }
        }

        return perItem.Any(s => s is null) ? null : Checked(perItem, owner, field, value, fresh);
    }

    private bool OneItemMatches(Step step, FieldShape field, object item, Func<object> fresh)
    {
        try
        {
            var builder = fresh();
            step.Apply(builder);
            return field.Get(BuilderCatalogue.TargetOf(builder)) is IList { Count: 1 } list && Equals(list[0], item);
        }
        catch (Exception e) when (IsProbeFailure(e))
        {
            return false;
        }
    }

    /// <summary>A map set entry by entry: <c>.Label("app", "web")</c>.</summary>
    private List<Step>? Map(List<MethodInfo> methods, Type mapType, IDictionary map, FieldShape field, MessageShape owner, object ownerFieldValue, Func<object> fresh, FieldShape? via = null)
    {
        var valueType = mapType.GetGenericArguments()[1];
        var keyType = mapType.GetGenericArguments()[0];
        foreach (var method in methods.Where(m => m.GetParameters() is [var k, var v] && k.ParameterType == keyType && !v.IsOptional))
        {
            var steps = new List<Step>();
            foreach (DictionaryEntry entry in map)
            {
                if (!TryConvert(entry.Value!, method.GetParameters()[1].ParameterType, out var argument))
                {
                    steps.Clear();
                    break;
                }

                steps.Add(Call(method, [values.Of(keyType, entry.Key), values.Of(valueType, argument!)], [entry.Key, argument]));
            }

            if (steps.Count == map.Count && Checked(steps, owner, via ?? field, ownerFieldValue, fresh) is { } result)
            {
                return result;
            }
        }

        return null;
    }

    /// <summary>
    /// A message (or one item of a list of messages) made by one builder call: parameters bound to the
    /// message's fields by name (<c>.Port(80, "http", Protocols.Http)</c>), resources among the inputs
    /// (<c>.Route(rule, "v1")</c>), and a configure callback for whatever the parameters leave.
    /// </summary>
    private Step? MessageItem(List<MethodInfo> methods, MessageShape shape, object item, Func<object> fresh, Func<object, object?> produced, MessageShape owner, FieldShape field, Scope scope)
    {
        // Of the calls that fit, one with a typed reference to a resource comes first, then the shortest, which reads
        // best: .Route(r => r.Destination(rule, "v1", port: 80)) rather than .Route(rule, "v1", r => r.Destination(rule, "v1", port: 80)).
        Step? best = null;
        var bestScore = (Typed: false, Length: int.MaxValue);
        foreach (var step in FittingItems(methods, shape, item, fresh, produced, owner, field, scope))
        {
            var score = (step.Typed, step.Code.ToString().Length);
            if (best is null || (score.Typed && !bestScore.Typed) || (score.Typed == bestScore.Typed && score.Length < bestScore.Length))
            {
                best = step;
                bestScore = score;
            }
        }

        return best;
    }

    private IEnumerable<Step> FittingItems(List<MethodInfo> methods, MessageShape shape, object item, Func<object> fresh, Func<object, object?> produced, MessageShape owner, FieldShape field, Scope scope)
    {
        foreach (var (method, resources) in Candidates(methods, shape, item))
        {
            var step = Bind(method, resources, shape, item, fresh, produced, scope);
            if (step is null)
            {
                continue;
            }

            try
            {
                var builder = fresh();
                step.Apply(builder);
                var target = BuilderCatalogue.TargetOf(builder);
                if (!(produced(target) is { } made && shape.AreEqual(made, item) && owner.Fields.All(f => f == field || !f.IsSet(target))))
                {
                    continue;
                }
            }
            catch (Exception e) when (IsProbeFailure(e))
            {
                continue;
            }

            yield return step;
        }
    }

    /// <summary>The methods to try for one message, with the resources to pass for their resource parameters: typed references first, then the calls that bind most fields.</summary>
    private IEnumerable<(MethodInfo Method, IstioResource?[] Resources)> Candidates(List<MethodInfo> methods, MessageShape shape, object item)
    {
        var typed = new List<(MethodInfo, IstioResource?[])>();
        var plain = new List<(MethodInfo, IstioResource?[])>();
        foreach (var method in methods)
        {
            var parameters = method.GetParameters();
            var resourceIndex = Array.FindIndex(parameters, p => typeof(IstioResource).IsAssignableFrom(p.ParameterType));
            if (resourceIndex < 0)
            {
                plain.Add((method, new IstioResource?[parameters.Length]));
                continue;
            }

            foreach (var target in targets.Candidates(parameters[resourceIndex].ParameterType, Strings(shape, item, 3)))
            {
                var resources = new IstioResource?[parameters.Length];
                resources[resourceIndex] = target;
                typed.Add((method, resources));
            }
        }

        return typed.Concat(plain.OrderByDescending(c => c.Item1.GetParameters().Count(p => !IsConfigure(p, shape.Type))));
    }

    private Step? Bind(MethodInfo method, IstioResource?[] resources, MessageShape shape, object item, Func<object> fresh, Func<object, object?> produced, Scope scope)
    {
        var parameters = method.GetParameters();
        var args = new object?[parameters.Length];
        var codes = new Code?[parameters.Length];
        var configureIndex = -1;
        var childTyped = false;
        var childEditOnly = false;
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            if (resources[i] is { } resource)
            {
                args[i] = resource;
                codes[i] = targets.Reference(resource);
            }
            else if (IsConfigure(parameter, shape.Type))
            {
                configureIndex = i;
                args[i] = parameter.IsOptional ? null : NoOp(parameter.ParameterType);
            }
            else if (FindValue(shape, item, parameter.Name!, 2) is { } found && TryConvert(found.Value, parameter.ParameterType, out var argument))
            {
                args[i] = argument;
                codes[i] = values.Of(parameter.ParameterType, argument!, found.Name);
            }
            else if (parameter.IsOptional)
            {
                args[i] = parameter.DefaultValue is DBNull ? null : parameter.DefaultValue;
            }
            else
            {
                return null;
            }
        }

        // What the call makes without its callback, to see what the callback must still set.
        object? made;
        try
        {
            var builder = fresh();
            method.Invoke(builder, args);
            made = produced(BuilderCatalogue.TargetOf(builder));
        }
        catch (Exception e) when (IsProbeFailure(e))
        {
            return null;
        }

        if (made is null)
        {
            return null;
        }

        var missing = shape.Fields.Where(f => !f.AreEqual(made, item)).ToList();
        if (missing.Any(f => !f.IsSet(item)) || (missing.Count > 0 && configureIndex < 0))
        {
            return null;
        }

        if (missing.Count > 0)
        {
            var childBuilder = parameters[configureIndex].ParameterType.GetGenericArguments()[0];
            var inner = scope.Nested();
            var parameter = inner.Take(ParameterName(shape.Type));
            var childSteps = Message(childBuilder, shape, item, missing, () => BuilderCatalogue.Create(childBuilder, shape.Create()), inner);
            args[configureIndex] = Action(childBuilder, childSteps);
            childTyped = childSteps.Any(s => s.Typed);
            childEditOnly = childSteps.All(s => s.EditOnly);
            codes[configureIndex] = LambdaCode.Expression(parameter, new ChainCode(parameter, childSteps.Select(s => s.Code).ToList()));
        }

        var arguments = new List<Code>();
        var skipped = false;
        for (var i = 0; i < parameters.Length; i++)
        {
            if (codes[i] is not { } code)
            {
                skipped = true;
                continue;
            }

            // Required arguments in place; optional ones by name, except a trailing callback right after its neighbours.
            var named = parameters[i].IsOptional && (skipped || !IsConfigure(parameters[i], shape.Type));
            arguments.Add(named ? new PrefixedCode(CSharpLiterals.Identifier(parameters[i].Name!) + ": ", code) : code);
        }

        var typed = resources.Any(r => r is not null) || (configureIndex >= 0 && codes[configureIndex] is not null && childTyped);
        var editOnly = configureIndex >= 0 && childEditOnly && codes.Where((c, i) => i != configureIndex).All(c => c is null);
        return new Step(ListCode.Arguments(method.Name, arguments), builder => method.Invoke(builder, args), typed, editOnly);
    }

    private static bool IsConfigure(ParameterInfo parameter, Type messageType)
        => parameter.ParameterType.IsGenericType && parameter.ParameterType.GetGenericTypeDefinition() == typeof(Action<>)
           && BuilderCatalogue.MessageOf(parameter.ParameterType.GetGenericArguments()[0]) == messageType;

    /// <summary>A field of <paramref name="shape"/> named like a parameter, or one a level down (a route's <c>destination.host</c>).</summary>
    private static (string Name, object Value)? FindValue(MessageShape shape, object item, string name, int depth)
    {
        foreach (var field in shape.Fields)
        {
            if (field.IsSet(item) && string.Equals(field.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return (field.Name, field.Get(item));
            }
        }

        if (depth > 1)
        {
            foreach (var field in shape.Fields)
            {
                if (field.IsSet(item) && MessageShape.Of(field.Type) is { } inner && FindValue(inner, field.Get(item), name, depth - 1) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    /// <summary>The string values of a message down to <paramref name="depth"/> levels: what a reference to a resource would name.</summary>
    private static List<object> Strings(MessageShape shape, object item, int depth)
    {
        var strings = new List<object>();
        foreach (var field in shape.Fields.Where(f => f.IsSet(item)))
        {
            var value = field.Get(item);
            if (value is string text)
            {
                strings.Add(text);
            }
            else if (depth > 1 && MessageShape.Of(field.Type) is { } inner)
            {
                strings.AddRange(Strings(inner, value, depth - 1));
            }
        }

        return strings;
    }

    /// <summary>Converts a model value to a parameter's type: the same value, a number of another integer type, or the one scalar of a message (a port selector's number).</summary>
    private static bool TryConvert(object value, Type parameterType, out object? converted)
    {
        var type = Nullable.GetUnderlyingType(parameterType) ?? parameterType;
        converted = null;
        if (type.IsInstanceOfType(value))
        {
            converted = value;
            return true;
        }

        if (value is int or uint or long && (type == typeof(int) || type == typeof(uint) || type == typeof(long)))
        {
            var number = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
            converted = type == typeof(int) ? (number is >= int.MinValue and <= int.MaxValue ? (int)number : null)
                : type == typeof(uint) ? (number is >= 0 and <= uint.MaxValue ? (uint)number : null)
                : number;
            return converted is not null;
        }

        if (MessageShape.Of(value.GetType()) is { } shape && shape.Fields.Where(f => f.IsSet(value)).ToList() is [var only]
            && MessageShape.Of(only.Type) is null && ListItemType(only.Type) is null)
        {
            return TryConvert(only.Get(value), parameterType, out converted);
        }

        return false;
    }

    /// <summary>The steps when, made on a scratch builder, they set the field to exactly <paramref name="value"/> and nothing else.</summary>
    private static List<Step>? Checked(List<Step> steps, MessageShape owner, FieldShape field, object value, Func<object> fresh)
    {
        try
        {
            var builder = fresh();
            foreach (var step in steps)
            {
                step.Apply(builder);
            }

            var target = BuilderCatalogue.TargetOf(builder);
            var expected = owner.Create();
            field.Property.SetValue(expected, value);
            return field.IsSet(target) && field.AreEqual(target, expected) && owner.Fields.All(f => f == field || !f.IsSet(target)) ? steps : null;
        }
        catch (Exception e) when (IsProbeFailure(e))
        {
            return null;
        }
    }

    /// <summary>A builder's guard rejecting a value (the generated code would throw) is a candidate that does not fit, not an error.</summary>
    private static bool IsProbeFailure(Exception e) => e is TargetInvocationException or ArgumentException or InvalidOperationException or FormatException or OverflowException;

    private static Step Call(MethodInfo method, IReadOnlyList<Code> arguments, object?[] args, bool typed = false)
        => new(ListCode.Arguments(method.Name, arguments), builder => method.Invoke(builder, args), typed);

    private static object?[] Defaults(MethodInfo method)
        => method.GetParameters().Select(p => p.IsOptional ? (p.DefaultValue is DBNull ? null : p.DefaultValue) : null).ToArray();

    private static List<MethodInfo> Methods(Type builderType, string propertyName)
        => MethodsByName.GetOrAdd((builderType, propertyName), key =>
        {
            var names = new HashSet<string>(StringComparer.Ordinal) { key.Property, Singular(key.Property) };
            return key.Builder.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Where(m => names.Contains(m.Name) && m.ReturnType == key.Builder && !m.IsGenericMethod)
                .OrderBy(m => m.MetadataToken)
                .ToList();
        });

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(Type Builder, string Property), List<MethodInfo>> MethodsByName = new();

    private static string Singular(string name)
        => name.EndsWith("ies", StringComparison.Ordinal) ? name[..^3] + "y"
            : name.EndsWith("sses", StringComparison.Ordinal) ? name[..^2]
            : name.EndsWith('s') ? name[..^1]
            : name;

    private static Type? ListItemType(Type type)
        => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0] : null;

    /// <summary>A short parameter name for a lambda over a message: <c>tp</c> for TrafficPolicy, <c>spec</c> for a spec.</summary>
    public static string ParameterName(Type messageType)
        => messageType.Name.EndsWith("Spec", StringComparison.Ordinal) ? "spec" : CSharpLiterals.ShortName(messageType.Name);

    /// <summary>An <c>Action&lt;TBuilder&gt;</c> that makes <paramref name="steps"/> on the builder it is given.</summary>
    public static Delegate Action(Type builderType, IReadOnlyList<Step> steps)
        => (Delegate)TypedActionMethod.MakeGenericMethod(builderType).Invoke(null, [new Action<object>(builder =>
        {
            foreach (var step in steps)
            {
                step.Apply(builder);
            }
        })])!;

    private static Delegate NoOp(Type actionType) => Action(actionType.GetGenericArguments()[0], []);

    private static Action<T> TypedAction<T>(Action<object> apply) => builder => apply(builder!);
}
