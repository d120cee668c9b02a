using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ScribeBot.Core.Commands;
using ScribeBot.Core.Incidents;
using ScribeBot.Core.Outbox;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Postgres.Documents;

/// <summary>
/// The JSON documents (<c>jsonb</c>) of incidents, timeline entries and outbox items: the Core records' own
/// properties in camelCase, enums by name, instants as ISO 8601 with their offset (so they come back exactly as
/// given). Derived properties (<see cref="Incident.IsOpen"/>, <see cref="Core.Channels.ChannelRef.Key"/>...) are left
/// out: a document holds only what constructs the record. A NUL character, which <c>jsonb</c> cannot hold, is stored as
/// U+FFFD (<see cref="NulFreeStringConverter"/>). A post names its kind (<c>announcement</c>, <c>private</c>,
/// <c>timeline</c>, <c>postmortem</c>, <c>followups</c>), the same names the LiteDB store uses. Renaming a stored
/// property of these records is a schema change: it needs a migration (docs/decisions.md).
/// </summary>
internal static class StoreJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    public static string Serialize(Incident incident) => JsonSerializer.Serialize(incident, Options);

    public static string Serialize(TimelineEntry entry) => JsonSerializer.Serialize(entry, Options);

    public static string Serialize(OutboxItem item) => JsonSerializer.Serialize(item, Options);

    public static Incident ToIncident(string json) => Deserialize<Incident>(json);

    public static TimelineEntry ToEntry(string json) => Deserialize<TimelineEntry>(json);

    public static OutboxItem ToOutboxItem(string json) => Deserialize<OutboxItem>(json);

    private static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidOperationException($"A stored {typeof(T).Name} document is null.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

            // jsonb keeps keys in its own order, so a post's "kind" may not come first.
            AllowOutOfOrderMetadataProperties = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { StoredPropertiesOnly, PostKinds } },
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new NulFreeStringConverter());
        options.MakeReadOnly();
        return options;
    }

    /// <summary>Drops computed properties: those with no setter that no constructor parameter takes.</summary>
    private static void StoredPropertiesOnly(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var parameters = typeInfo.Type.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .SelectMany(c => c.GetParameters())
            .Select(p => p.Name)
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var index = typeInfo.Properties.Count - 1; index >= 0; index--)
        {
            var property = typeInfo.Properties[index];
            var member = property.AttributeProvider as PropertyInfo;
            if (property.Set is null && (member is null || !parameters.Contains(member.Name)))
            {
                typeInfo.Properties.RemoveAt(index);
            }
        }
    }

    /// <summary>The post of an outbox item, by kind; without it a post could not be read back as its own type.</summary>
    private static void PostKinds(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Type != typeof(ChannelPost))
        {
            return;
        }

        typeInfo.PolymorphismOptions = new JsonPolymorphismOptions
        {
            TypeDiscriminatorPropertyName = "kind",
            UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization,
            DerivedTypes =
            {
                new JsonDerivedType(typeof(AnnouncementPost), "announcement"),
                new JsonDerivedType(typeof(PrivatePost), "private"),
                new JsonDerivedType(typeof(TimelinePost), "timeline"),
                new JsonDerivedType(typeof(PostmortemPost), "postmortem"),
                new JsonDerivedType(typeof(FollowupsPost), "followups"),
            },
        };
    }
}
