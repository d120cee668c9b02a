using ScribeBot.Core.Incidents;
using ScribeBot.Core.Timeline;

namespace ScribeBot.Core.Channels;

/// <summary>
/// Renames the people of an incident and its entries to the best name known at render time: the directories' name,
/// else the stored one (which is the person's id when nobody could name them at capture). Only names change; ids,
/// texts and everything else are the stored ones, so a render is still a pure function of what it was given.
/// </summary>
public static class PeopleNames
{
    public static async Task<(Incident Incident, IReadOnlyList<TimelineEntry> Entries)> ApplyAsync(
        IEnumerable<IPeopleDirectory> directories,
        Incident incident,
        IReadOnlyList<TimelineEntry> entries,
        CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var person in PeopleOf(incident))
        {
            ids.Add(person.Id);
        }

        foreach (var entry in entries)
        {
            ids.Add(entry.Author.Id);
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var directory in directories)
        {
            var missing = ids.Where(id => !names.ContainsKey(id)).ToArray();
            if (missing.Length == 0)
            {
                break;
            }

            foreach (var (id, name) in await directory.FindNamesAsync(incident.Channel, missing, cancellationToken).ConfigureAwait(false))
            {
                if (!string.IsNullOrWhiteSpace(name))
                {
                    names[id] = name;
                }
            }
        }

        if (names.Count == 0)
        {
            return (incident, entries);
        }

        Person Named(Person person) =>
            names.TryGetValue(person.Id, out var name) && name != person.DisplayName ? person with { DisplayName = name } : person;
        Milestone? NamedMilestone(Milestone? milestone) => milestone is null ? null : milestone with { By = Named(milestone.By) };

        var renamed = incident with
        {
            Commander = incident.Commander is { } commander ? Named(commander) : null,
            ImpactBegan = NamedMilestone(incident.ImpactBegan),
            Detected = NamedMilestone(incident.Detected),
            Declared = NamedMilestone(incident.Declared)!,
            Acknowledged = NamedMilestone(incident.Acknowledged),
            Recovered = NamedMilestone(incident.Recovered),
            Resolved = NamedMilestone(incident.Resolved),
        };
        var renamedEntries = entries
            .Select(e => Named(e.Author) is var author && !ReferenceEquals(author, e.Author) ? e with { Author = author } : e)
            .ToArray();
        return (renamed, renamedEntries);
    }

    private static IEnumerable<Person> PeopleOf(Incident incident)
    {
        if (incident.Commander is { } commander)
        {
            yield return commander;
        }

        foreach (var milestone in new[] { incident.ImpactBegan, incident.Detected, incident.Declared, incident.Acknowledged, incident.Recovered, incident.Resolved })
        {
            if (milestone is not null)
            {
                yield return milestone.By;
            }
        }
    }
}
