using ScribeBot.LiteDb.Mapping;

namespace ScribeBot.LiteDb.Tests.LiteDb;

/// <summary>The end of impact (<see cref="Incident.Recovered"/>) is one more optional field: written when set, absent in older documents.</summary>
public sealed class RecoveredFieldTests : DataFileTests
{
    [Fact]
    public async Task The_recovery_round_trips_and_a_document_written_before_it_existed_reads_as_not_recovered()
    {
        var channel = Channel();
        Incident recovered;
        await using (var store = OpenStore())
        {
            var opened = (await store.OpenIncidentAsync(channel, Create(channel), None)).Incident;
            recovered = opened with { Recovered = new Milestone(T0.AddMinutes(25).AddTicks(123).ToOffset(TimeSpan.FromHours(-4)), new Person("U2", "Bo Chen"), "req-9") };
            await store.SaveIncidentAsync(recovered, [], [], None);
        }

        await using (var reopened = OpenStore())
        {
            var read = await reopened.GetIncidentAsync(recovered.Id, None);
            Assert.Equal(recovered.Recovered, read?.Recovered);
            AssertSame(recovered, read);
        }

        // As an older version wrote it: the same document without the field.
        using (var database = LiteDbIncidentStore.OpenDatabase(StorePath))
        {
            var incidents = database.GetCollection(IncidentMapping.Collection);
            var document = incidents.FindById(recovered.Id);
            Assert.True(document.Remove("recovered"));
            incidents.Update(document);
        }

        await using (var older = OpenStore())
        {
            AssertSame(recovered with { Recovered = null }, await older.GetIncidentAsync(recovered.Id, None));
        }
    }
}
