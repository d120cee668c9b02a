using Microsoft.Extensions.Options;

namespace ScribeBot.Hosting;

/// <summary>Refuses an unknown <c>Storage:Provider</c> at start, in one line naming the key and the values it takes.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options) =>
        options.IsKnown
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{StorageOptions.SectionName}:{nameof(StorageOptions.Provider)} is '{options.Provider}'; it must be {StorageOptions.LiteDb} or {StorageOptions.Postgres}.");
}
