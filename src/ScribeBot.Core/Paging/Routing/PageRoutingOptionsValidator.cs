using Microsoft.Extensions.Options;

namespace ScribeBot.Core.Paging.Routing;

/// <summary>Refuses to start with a route that names an unknown source, a malformed channel key, matcher or severity.</summary>
public sealed class PageRoutingOptionsValidator : IValidateOptions<PageRoutingOptions>
{
    public ValidateOptionsResult Validate(string? name, PageRoutingOptions options)
    {
        PageRouter.Read(options, out var failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
