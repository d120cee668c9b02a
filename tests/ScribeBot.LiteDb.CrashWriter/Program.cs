using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ScribeBot.Core.Channels;
using ScribeBot.Core.Storage;
using ScribeBot.Core.Timeline;
using ScribeBot.LiteDb;

// Usage: <data file> <tasks> <messages per task> [message id prefix]
// Prints "<message id>;" after each AppendEntryAsync returned; the test kills this process mid-burst.
var path = args[0];
var tasks = int.Parse(args[1], CultureInfo.InvariantCulture);
var perTask = int.Parse(args[2], CultureInfo.InvariantCulture);
var prefix = args.Length > 3 ? args[3] : "";

var configuration = new ConfigurationBuilder()
    .AddInMemoryCollection(new Dictionary<string, string?> { [$"{LiteDbOptions.SectionName}:Path"] = path })
    .Build();
await using var services = new ServiceCollection()
    .AddSingleton<IConfiguration>(configuration)
    .AddLogging()
    .AddLiteDbStore()
    .BuildServiceProvider();
var store = services.GetRequiredService<IIncidentStore>();
var author = new Person("U1", "Crash Writer");
var start = new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.Zero);

await Task.WhenAll(Enumerable.Range(0, tasks).Select(t => Task.Run(async () =>
{
    for (var m = 0; m < perTask; m++)
    {
        var id = $"{prefix}t{t}-m{m}";
        var entry = new TimelineEntry { IncidentId = "slack:T1:1", MessageId = id, At = start.AddSeconds(m), Author = author, Text = id };
        await store.AppendEntryAsync(entry, CancellationToken.None);
        Console.Out.WriteLine(id + ";");
        if (m % 7 == 3)
        {
            // A platform redelivery of a message already acknowledged.
            await store.AppendEntryAsync(entry, CancellationToken.None);
        }
    }
})));
