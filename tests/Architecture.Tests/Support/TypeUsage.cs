using System.Reflection;
using System.Reflection.Emit;

namespace CleanApp.Architecture.Tests.Support;

/// <summary>
/// Every type a class uses: its fields, properties, constructor and method signatures, local variables, and the types,
/// methods and fields its IL refers to — including nested compiler-generated types (lambdas, async state machines), where
/// the bodies of async endpoint handlers really live. No package for architecture tests is available, so this reads IL.
/// </summary>
public static class TypeUsage
{
    private const BindingFlags All =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The used types, each with where it was seen (for a readable failure).</summary>
    public static IEnumerable<(Type Type, string Where)> UsedBy(Type type)
    {
        foreach (var nested in type.GetNestedTypes(All))
        {
            foreach (var usage in UsedBy(nested))
            {
                yield return usage;
            }
        }

        if (type.BaseType is { } baseType)
        {
            yield return (baseType, $"{type.Name} base type");
        }

        foreach (var field in type.GetFields(All))
        {
            yield return (field.FieldType, $"{type.Name}.{field.Name} field");
        }

        foreach (var property in type.GetProperties(All))
        {
            yield return (property.PropertyType, $"{type.Name}.{property.Name} property");
        }

        foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            var where = $"{type.Name}.{method.Name}";
            if (method is MethodInfo info)
            {
                yield return (info.ReturnType, $"{where} return type");
            }

            foreach (var parameter in method.GetParameters())
            {
                yield return (parameter.ParameterType, $"{where} parameter {parameter.Name}");
            }

            var body = method.GetMethodBody();
            if (body is null)
            {
                continue;
            }

            foreach (var local in body.LocalVariables)
            {
                yield return (local.LocalType, $"{where} local variable");
            }

            foreach (var referenced in ReferencedByIl(method, body))
            {
                yield return (referenced, $"{where} body");
            }
        }
    }

    /// <summary>Expands generic arguments, arrays and by-refs, so <c>Func&lt;DbContext&gt;</c> counts as using DbContext.</summary>
    public static IEnumerable<Type> Flatten(Type type)
    {
        yield return type;
        if (type.HasElementType)
        {
            foreach (var inner in Flatten(type.GetElementType()!))
            {
                yield return inner;
            }
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            foreach (var inner in type.GetGenericArguments().SelectMany(Flatten))
            {
                yield return inner;
            }
        }
    }

    /// <summary>
    /// The methods a type's IL calls, creates delegates to or takes tokens of (for expression trees), including those of
    /// its nested compiler-generated types, each with where it was seen.
    /// </summary>
    public static IEnumerable<(MethodBase Method, string Where)> MethodsCalledBy(Type type)
    {
        foreach (var nested in type.GetNestedTypes(All))
        {
            foreach (var call in MethodsCalledBy(nested))
            {
                yield return call;
            }
        }

        foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            if (method.GetMethodBody() is not { } body)
            {
                continue;
            }

            foreach (var called in MembersReferencedByIl(method, body).OfType<MethodBase>())
            {
                yield return (called, $"{type.FullName}.{method.Name}");
            }
        }
    }

    private static IEnumerable<Type> ReferencedByIl(MethodBase method, MethodBody body) =>
        MembersReferencedByIl(method, body).SelectMany(TypesOf);

    private static List<MemberInfo> MembersReferencedByIl(MethodBase method, MethodBody body)
    {
        var il = body.GetILAsByteArray() ?? [];
        var module = method.Module;
        var typeArguments = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        var found = new List<MemberInfo>();
        while (position < il.Length)
        {
            short value = il[position++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[position++]);
            }

            var opCode = OpCodesByValue[value];
            switch (opCode.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, position);
                    position += 4;
                    if (Resolve(module, token, typeArguments, methodArguments) is { } member)
                    {
                        found.Add(member);
                    }

                    break;
                case OperandType.InlineSwitch:
                    var count = BitConverter.ToInt32(il, position);
                    position += 4 + (4 * count);
                    break;
                default:
                    position += OperandSize(opCode.OperandType);
                    break;
            }
        }

        return found;
    }

    private static MemberInfo? Resolve(Module module, int token, Type[]? typeArguments, Type[]? methodArguments)
    {
        try
        {
            return module.ResolveMember(token, typeArguments, methodArguments);
        }
        catch (ArgumentException)
        {
            // A token inside a generic context that cannot be resolved without it; its declaring type is still visible elsewhere.
            return null;
        }
    }

    private static IEnumerable<Type> TypesOf(MemberInfo member)
    {
        switch (member)
        {
            case Type type:
                yield return type;
                break;
            case FieldInfo field:
                yield return field.DeclaringType!;
                yield return field.FieldType;
                break;
            case MethodBase called:
                yield return called.DeclaringType!;
                if (called is MethodInfo info)
                {
                    yield return info.ReturnType;
                    foreach (var argument in info.IsGenericMethod ? info.GetGenericArguments() : [])
                    {
                        yield return argument;
                    }
                }

                foreach (var parameter in called.GetParameters())
                {
                    yield return parameter.ParameterType;
                }

                break;
        }
    }

    private static int OperandSize(OperandType operandType) =>
        operandType switch
        {
            OperandType.InlineNone => 0,
            OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
            OperandType.InlineVar => 2,
            OperandType.InlineI8 or OperandType.InlineR => 8,
            _ => 4,
        };
}
