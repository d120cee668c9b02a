using static ScribeBot.Alerts.Tests.Endpoint.AlertHost;

namespace ScribeBot.Alerts.Tests.Endpoint;

/// <summary><c>POST /alerts/pagerduty</c> over real HTTP with real signatures: what is let in, what is kept out, what is answered.</summary>
public sealed class PagerDutyEndpointTests
{
    private readonly RecordingPageReceiver _receiver = new();

    [Fact]
    public async Task A_signed_trigger_is_handed_on_and_answered_with_what_became_of_it()
    {
        await using var host = await StartAsync(_receiver, h => h.WithPagerDuty());
        var body = Fixtures.Alerts.Bytes(Trigger);

        using var response = await host.PostPagerDutyAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("{\"recorded\":1,\"duplicates\":0,\"unrouted\":0}", await response.Content.ReadAsStringAsync());
        var page = Assert.Single(_receiver.Pages);
        Assert.Equal("Q2CKYRLH85UNN4", page.AlertId);
        Assert.Equal("01FKZSRAPTMF55RE69G8BQHGC6", page.EventId);
        Assert.Equal(PageAction.Triggered, page.Action);
    }

    [Fact]
    public async Task The_core_s_counts_are_passed_back_as_they_are()
    {
        _receiver.Answer = _ => new PageIntakeResult(0, 1, 0);
        await using var host = await StartAsync(_receiver, h => h.WithPagerDuty());

        using var response = await host.PostPagerDutyAsync(Fixtures.Alerts.Bytes(Trigger));

        var json = await JsonOf(response);
        Assert.Equal(0, json.GetProperty("recorded").GetInt32());
        Assert.Equal(1, json.GetProperty("duplicates").GetInt32());
        Assert.Equal(0, json.GetProperty("unrouted").GetInt32());
    }

    [Fact]
    public async Task PagerDuty_s_own_signing_example_verifies_and_its_mismatch_does_not()
    {
        using var vector = JsonDocument.Parse(Fixtures.Alerts.Bytes("pagerduty_v3_signing_example.go_pagerduty_test.json"));
        var secret = vector.RootElement.GetProperty("signing_secret").GetString()!;
        var signature = vector.RootElement.GetProperty("headers").GetProperty("X-PagerDuty-Signature").GetString()!;
        var mismatch = vector.RootElement.GetProperty("mismatch_case").GetProperty("X-PagerDuty-Signature").GetString()!;
        var body = Fixtures.Alerts.Bytes("pagerduty_v3_signing_example.go_pagerduty_test.body.txt");
        await using var host = await StartAsync(_receiver, h => h.WithPagerDuty(secret), new DateTimeOffset(2021, 4, 26, 17, 40, 0, TimeSpan.Zero));

        using var refused = await host.PostPagerDutyAsync(body, mismatch);
        Assert.Equal(0, _receiver.Calls);
        using var accepted = await host.PostPagerDutyAsync(body, signature);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(AlertRequests.SignPagerDuty(body, secret), signature);
        Assert.Equal("PGR0VU2", Assert.Single(_receiver.Pages).AlertId);
    }

    [Fact]
    public async Task Unsigned_forged_tampered_malformed_and_stale_requests_get_401_and_reach_nothing()
    {
        var body = Fixtures.Alerts.Bytes(Trigger);
        var other = Fixtures.Alerts.Bytes("pagerduty_v3_incident_resolved.aldaviva_pagerduty_test.json");
        await using var host = await StartAsync(_receiver, h => h.WithPagerDuty(), TriggerReceivedAt.AddHours(2));
        using var stale = await host.PostPagerDutyAsync(body);
        await using var current = await StartAsync(_receiver, h => h.WithPagerDuty());

        HttpResponseMessage[] responses =
        [
            stale,
            await current.PostPagerDutyAsync(body, signature: ""),
            await current.PostPagerDutyAsync(body, AlertRequests.SignPagerDuty(body, "not-the-secret-but-long-enough")),
            await current.PostPagerDutyAsync(body, AlertRequests.SignPagerDuty(other)),
            await current.PostPagerDutyAsync(body, "v1=" + new string('z', 64)),
            await current.PostPagerDutyAsync(body, "v0=" + AlertRequests.SignPagerDuty(body)[3..]),
            await current.PostPagerDutyAsync(body, AlertRequests.SignPagerDuty(body)[..^1]),
            // The published negative case: a real PagerDuty signature with its last digit changed.
            await current.PostPagerDutyAsync(Fixtures.Alerts.Bytes("pagerduty_v3_pagey_ping.aldaviva_pagerduty_test.json"),
                "v1=0e83584cbab86f98c51517cf96a70c90e910532d3d2f067d58c753cc8980a05c"),
        ];

        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
            response.Dispose();
        }

        Assert.Equal(0, _receiver.Calls);
    }

    [Fact]
    public async Task During_a_rotation_either_secret_verifies_and_after_it_only_the_new_one()
    {
        const string Old = "old-signing-secret-0123456789abcdef";
        const string New = "new-signing-secret-0123456789abcdef";
        var body = Fixtures.Alerts.Bytes(Trigger);
        await using var rotating = await StartAsync(_receiver, h => h.WithPagerDuty(Old, New));
        await using var rotated = await StartAsync(new RecordingPageReceiver(), h => h.WithPagerDuty(New));

        using var byOld = await rotating.PostPagerDutyAsync(body, AlertRequests.SignPagerDuty(body, Old));
        using var byNew = await rotating.PostPagerDutyAsync(body, AlertRequests.SignPagerDuty(body, New));
        // As PagerDuty sends it while its subscription has two secrets: one value per secret, comma-separated.
        using var both = await rotated.PostPagerDutyAsync(
            body, $"{AlertRequests.SignPagerDuty(body, Old)}, {AlertRequests.SignPagerDuty(body, New)}");
        using var oldAfter = await rotated.PostPagerDutyAsync(body, AlertRequests.SignPagerDuty(body, Old));

        Assert.Equal(HttpStatusCode.OK, byOld.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byNew.StatusCode);
        Assert.Equal(HttpStatusCode.OK, both.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldAfter.StatusCode);
    }

    [Theory]
    [InlineData("pagerduty_v3_pagey_ping.aldaviva_pagerduty_test.json", "2025-04-07T03:01:00Z")]
    [InlineData("pagerduty_v3_service_updated.docs.json", "2021-03-02T13:36:00Z")]
    public async Task Events_that_are_no_page_are_answered_200_and_count_nothing(string fixture, string now)
    {
        await using var host = await StartAsync(_receiver, h => h.WithPagerDuty(), DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        using var response = await host.PostPagerDutyAsync(Fixtures.Alerts.Bytes(fixture));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"recorded\":0,\"duplicates\":0,\"unrouted\":0}", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, _receiver.Calls);
    }
}
