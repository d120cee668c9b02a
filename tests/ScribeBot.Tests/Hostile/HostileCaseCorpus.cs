using System.Diagnostics.CodeAnalysis;
using ScribeBot.Testing.Hostile;

namespace ScribeBot.Tests.Hostile;

/// <summary>What a platform's hostile corpus says about itself: its own cases, and how it sends a JSON body.</summary>
public interface IHostileCases
{
    /// <summary>The cases particular to the platform, by name.</summary>
    static abstract IReadOnlyDictionary<string, Func<ScribeBotApplication, Task<HttpResponseMessage>>> PlatformCases { get; }

    /// <summary>The <c>type</c> the platform's JSON bodies carry (Slack's envelope type, Teams' activity type).</summary>
    static abstract string TypeName { get; }

    /// <summary>Sends <paramref name="body"/> as <c>application/json</c>, the way the platform's cases are sent.</summary>
    static abstract Task<HttpResponseMessage> SendJsonAsync(ScribeBotApplication host, byte[] body);
}

/// <summary>
/// A chat endpoint's hostile corpus as one table of named cases: the platform's own (<see cref="IHostileCases"/>), and
/// the cases every JSON endpoint is sent alike, held here once: 10,000 levels of nesting, and JSON that is not an
/// object at the top level.
/// </summary>
/// <typeparam name="TPlatform">The derived test class itself.</typeparam>
public abstract class HostileCaseCorpus<TPlatform> : HostileCorpusContract
    where TPlatform : IHostileCases
{
    private static readonly Dictionary<string, Func<ScribeBotApplication, Task<HttpResponseMessage>>> Cases =
        new(TPlatform.PlatformCases)
        {
            { "10,000 levels of nested JSON", h => TPlatform.SendJsonAsync(h, HostileBodies.DeeplyNested()) },
            { "JSON null at the top level", h => TPlatform.SendJsonAsync(h, "null"u8.ToArray()) },
            { "JSON array at the top level", h => TPlatform.SendJsonAsync(h, Encoding.UTF8.GetBytes($"[{{\"type\":\"{TPlatform.TypeName}\"}}]")) },
            { "JSON number at the top level", h => TPlatform.SendJsonAsync(h, "12345678901234567890e999"u8.ToArray()) },
            { "JSON string at the top level", h => TPlatform.SendJsonAsync(h, Encoding.UTF8.GetBytes($"\"{TPlatform.TypeName}\"")) },
        };

    /// <summary>Every case's name: the contract's theory reads it from the derived test class.</summary>
    [SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "xunit's MemberData reads it through the derived test class.")]
    public static TheoryData<string> Names => [.. Cases.Keys];

    protected override Task<HttpResponseMessage> SendCaseAsync(ScribeBotApplication host, string name) => Cases[name](host);
}
