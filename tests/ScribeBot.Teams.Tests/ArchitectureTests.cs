using System.Reflection;

namespace ScribeBot.Teams.Tests;

/// <summary>Bot Framework types stay inside ScribeBot.Teams, so a move to Microsoft's successor SDK touches nothing else.</summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Teams = typeof(TeamsServiceCollectionExtensions).Assembly;

    [Fact]
    public void The_adapter_exports_only_its_two_extension_classes()
    {
        Assert.Equal(
            ["ScribeBot.Teams.TeamsEndpointRouteBuilderExtensions", "ScribeBot.Teams.TeamsServiceCollectionExtensions"],
            Teams.GetExportedTypes().Select(t => t.FullName!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void No_exported_signature_names_a_bot_framework_type()
    {
        var members = Teams.GetExportedTypes()
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly));
        var named = members.SelectMany(TypesOf).Where(IsBotFramework).Select(t => t.FullName).ToArray();

        Assert.Empty(named);
    }

    [Fact]
    public void The_core_references_no_bot_framework_assembly()
    {
        Assert.DoesNotContain(typeof(ChannelRef).Assembly.GetReferencedAssemblies(), a => a.Name!.StartsWith("Microsoft.Bot.", StringComparison.Ordinal));
    }

    private static IEnumerable<Type> TypesOf(MemberInfo member) => member switch
    {
        MethodInfo method => method.GetParameters().Select(p => p.ParameterType).Append(method.ReturnType),
        PropertyInfo property => [property.PropertyType],
        FieldInfo field => [field.FieldType],
        _ => [],
    };

    private static bool IsBotFramework(Type type) =>
        (type.Namespace?.StartsWith("Microsoft.Bot", StringComparison.Ordinal) ?? false)
        || (type.IsGenericType && type.GetGenericArguments().Any(IsBotFramework));
}
