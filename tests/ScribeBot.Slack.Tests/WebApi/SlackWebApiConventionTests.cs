using System.Reflection;

namespace ScribeBot.Slack.Tests.WebApi;

/// <summary>The Web API's conventions, checked by reflection as SlackNet checks its own.</summary>
public sealed class SlackWebApiConventionTests
{
    /// <summary>The method groups: what <see cref="SlackWebApiClient"/> exposes.</summary>
    private static readonly Type[] Groups =
        [.. typeof(SlackWebApiClient).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.PropertyType)];

    [Fact]
    public void Every_method_group_in_the_web_api_folder_is_reached_through_the_client()
    {
        var declared = typeof(SlackWebApiClient).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(SlackWebApiClient).Namespace && t.Name.EndsWith("Api", StringComparison.Ordinal))
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal);

        Assert.Equal(declared, Groups.Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_public_async_api_method_takes_a_cancellation_token_last()
    {
        var methods = Groups.Append(typeof(SlackApiTransport))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(IsAsync)
            .ToList();

        var offenders = methods
            .Where(m => m.GetParameters().LastOrDefault()?.ParameterType != typeof(CancellationToken))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}({string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name))})");

        Assert.True(methods.Count >= Groups.Length, "every group has at least one call");
        Assert.Empty(offenders);
    }

    private static bool IsAsync(MethodInfo method)
    {
        var returns = method.ReturnType.IsGenericType ? method.ReturnType.GetGenericTypeDefinition() : method.ReturnType;
        return returns == typeof(Task) || returns == typeof(Task<>) || returns == typeof(ValueTask) || returns == typeof(ValueTask<>);
    }
}
