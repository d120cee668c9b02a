using Microsoft.Bot.Schema.Teams;
using Newtonsoft.Json.Linq;
using ScribeBot.Teams.Inbound;

namespace ScribeBot.Teams.Tests.Inbound;

/// <summary>The published Teams payloads, unedited, read into the core's events.</summary>
public sealed class TeamsActivityReaderTests
{
    /// <summary>A channel thread reply that mentions the bot.</summary>
    private const string ThreadReply = "activity_message_channel_mention_thread_reply.json";

    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_channel_message_that_mentions_the_bot_is_a_command_without_the_mention()
    {
        var read = TeamsActivityReader.ReadMessage(Activity("activity_message_channel_mention_botbuilder_teams_sample.json"), Now);

        var command = Assert.IsType<TeamsCommandRead>(read);
        Assert.Equal("Test Message", command.Request.Text);
        Assert.Equal(new ChannelRef(ChatPlatform.Teams, "3b9e9fbb-ed2f-415b-b776-cf788e573366", "19:ThreadID@thread.skype"), command.Request.Channel);
        Assert.Equal("1400900100700", command.Request.RequestId);
        Assert.Equal(new DateTimeOffset(2017, 3, 31, 0, 12, 59, 893, TimeSpan.Zero), command.Request.At);
        Assert.Equal(new Person("29:SAMPLEID", "SAMPLE USER"), command.Request.Caller);
        Assert.True(command.Conversation.IsChannel);
    }

    [Fact]
    public void A_thread_reply_that_mentions_the_bot_keeps_the_channel_and_links_the_message()
    {
        var read = TeamsActivityReader.ReadMessage(Activity(ThreadReply), Now);

        var command = Assert.IsType<TeamsCommandRead>(read);
        Assert.Equal("reply to thread", command.Request.Text);
        Assert.Equal("19:6848757105754c8981c67612732d9aa7@thread.tacv2", command.Request.Channel.Channel);
        Assert.Equal("1759881511856", command.Conversation.ThreadRootId);
        Assert.Equal(new Person("b15a9416-0ad3-4172-9210-7beb711d3f70", "rido"), command.Request.Caller);
        Assert.StartsWith("https://teams.microsoft.com/l/message/19%3A6848757105754c8981c67612732d9aa7%40thread.tacv2/1759944781430?", command.Request.Permalink, StringComparison.Ordinal);
        Assert.Contains("parentMessageId=1759881511856", command.Request.Permalink, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_bot_mention_a_channel_reply_is_a_chat_line_in_its_thread()
    {
        var read = TeamsActivityReader.ReadMessage(UnmentionedReply(json => json["text"] = "checkout p99 <b>is</b> up &amp; climbing"), Now);

        var chat = Assert.IsType<TeamsChatRead>(read);
        Assert.Equal("1759944781430", chat.Message.MessageId);
        Assert.Equal("1759881511856", chat.Message.ThreadId);
        Assert.Equal("checkout p99 is up & climbing", chat.Message.Text);
        Assert.Equal(new DateTimeOffset(2025, 10, 8, 17, 33, 1, TimeSpan.Zero).AddTicks(4953744), chat.Message.At);
        Assert.False(chat.Message.IsFromSelf);
    }

    [Fact]
    public void A_mention_of_someone_else_is_not_a_command()
    {
        var read = TeamsActivityReader.ReadMessage(Edited(ThreadReply, json => json["entities"]![0]!["mentioned"]!["id"] = "29:someone-else"), Now);

        var chat = Assert.IsType<TeamsChatRead>(read);
        Assert.Equal("@ridotest reply to thread", chat.Message.Text);
    }

    [Theory]
    [InlineData("/incident start Checkout returns 502 sev2", "start Checkout returns 502 sev2")]
    [InlineData("/INCIDENT ack", "ack")]
    public void A_channel_message_starting_with_slash_incident_is_a_command(string text, string expected)
    {
        var command = Assert.IsType<TeamsCommandRead>(TeamsActivityReader.ReadMessage(UnmentionedReply(json => json["text"] = text), Now));
        Assert.Equal(expected, command.Request.Text);
    }

    [Fact]
    public void A_word_that_merely_starts_with_incident_is_chat()
    {
        var reply = UnmentionedReply(json => json["text"] = "/incidents are up this week");

        Assert.IsType<TeamsChatRead>(TeamsActivityReader.ReadMessage(reply, Now));
    }

    [Fact]
    public void The_incident_word_after_the_mention_is_optional()
    {
        var reply = Edited(ThreadReply, json => json["text"] = "<at>ridotest</at> incident start Checkout returns 502 sev2");

        var command = Assert.IsType<TeamsCommandRead>(TeamsActivityReader.ReadMessage(reply, Now));
        Assert.Equal("start Checkout returns 502 sev2", command.Request.Text);
        Assert.Equal("start", command.Verb);
    }

    [Theory]
    [InlineData("activity_message_personal_1to1.json")]
    [InlineData("activity_message_personal_botbuilder_teams_sample.json")]
    public void A_one_to_one_message_is_a_command_outside_any_channel(string fixture)
    {
        var command = Assert.IsType<TeamsCommandRead>(TeamsActivityReader.ReadMessage(Activity(fixture), Now));
        Assert.False(command.Conversation.IsChannel);
        Assert.True(command.Conversation.IsPersonal);
    }

    [Fact]
    public void A_reaction_is_read_for_the_message_it_answers()
    {
        var activity = Activity("activity_messageReaction_reactionsAdded.json");

        var change = Assert.Single(TeamsActivityReader.ReadReactions(activity, activity.ReactionsAdded, added: true));
        Assert.Equal("1575667808184", change.MessageId);
        Assert.Equal("like", change.Reaction);
        Assert.True(change.Added);
        Assert.Equal("c33aafc4-646d-4543-9d4c-abd28e4d2110", change.User.Id);
        Assert.Equal(new ChannelRef(ChatPlatform.Teams, "72f988bf-86f1-41af-91ab-2d7cd011db47", "19:3629591d4b774aa08cb0887902eee7c1@thread.skype"), change.Channel);
    }

    [Fact]
    public void A_removed_reaction_is_read_as_removed()
    {
        var activity = Activity("activity_messageReaction_reactionsRemoved.json");

        var change = Assert.Single(TeamsActivityReader.ReadReactions(activity, activity.ReactionsRemoved, added: false));
        Assert.False(change.Added);
        Assert.Equal(activity.ReactionsRemoved[0].Type, change.Reaction);
    }

    [Fact]
    public void An_edit_without_text_is_not_applied_and_one_with_text_is()
    {
        var published = Activity("activity_messageUpdate_editMessage.json");
        Assert.Null(TeamsActivityReader.ReadEdit(published, Now));

        var edit = TeamsActivityReader.ReadEdit(Edited("activity_messageUpdate_editMessage.json", json => json["text"] = "p99 latency is through the roof"), Now);

        Assert.NotNull(edit);
        Assert.Equal("1666977568748", edit.MessageId);
        Assert.Equal("p99 latency is through the roof", edit.NewText);
        Assert.Equal(new DateTimeOffset(2022, 10, 28, 17, 19, 39, TimeSpan.Zero).AddTicks(4615413), edit.At);
    }

    [Fact]
    public void Soft_delete_and_undelete_are_read_for_the_message()
    {
        var deletion = TeamsActivityReader.ReadDeletion(Activity("activity_messageDelete_softDeleteMessage.json"), undeleted: false, Now);
        var undeletion = TeamsActivityReader.ReadDeletion(Activity("activity_messageUpdate_undeleteMessage.json"), undeleted: true, Now);

        Assert.NotNull(deletion);
        Assert.NotNull(undeletion);
        Assert.Equal("1666977568748", deletion.MessageId);
        Assert.False(deletion.Undeleted);
        Assert.True(undeletion.Undeleted);
        Assert.Equal(ChatPlatform.Teams, deletion.Channel.Platform);
    }

    [Fact]
    public void The_message_action_payload_becomes_a_tag_request_with_the_original_message()
    {
        var activity = Activity("invoke_composeExtension_fetchTask_message_action_channel_thread.json");
        var action = JObject.FromObject(activity.Value).ToObject<MessagingExtensionAction>()!;
        action.Data = new JObject { ["kind"] = "root-cause", ["note"] = "  the webhook was the trigger  " };

        var (request, error) = TeamsActivityReader.ReadTagSubmission(activity, action, Now);

        Assert.Null(error);
        Assert.NotNull(request);
        Assert.Equal(TimelineTag.RootCause, request.Tag);
        Assert.Equal("1611060744833", request.MessageId);
        Assert.Equal("the webhook was the trigger", request.Note);
        Assert.Equal("b130c271-d2eb-45f9-83ab-9eb3fe3788bc", request.User.Id);
        Assert.NotNull(request.Original);
        Assert.Equal("@Testing outgoing Webhook-Nikitha - Hi", request.Original.Text);
        Assert.Equal(new DateTimeOffset(2021, 1, 19, 12, 52, 24, 833, TimeSpan.Zero), request.Original.At);
        Assert.Equal(new Person("b130c271-d2eb-45f9-83ab-9eb3fe3788bc", "Olo Brockhouse"), request.Original.Author);
        Assert.Equal("https://teams.microsoft.com/l/message/19:6decf54d86d945e4b3924b63a9161a78@thread.skype/1611060744833", request.Original.Permalink);
        Assert.Equal("19:6decf54d86d945e4b3924b63a9161a78@thread.skype", request.Channel.Channel);
    }

    [Theory]
    [InlineData("note")]
    [InlineData("everything")]
    [InlineData("")]
    public void A_submit_without_a_listed_kind_is_refused(string kind)
    {
        var activity = Activity("invoke_composeExtension_fetchTask_message_action_channel_thread.json");
        var action = JObject.FromObject(activity.Value).ToObject<MessagingExtensionAction>()!;
        action.Data = new JObject { ["kind"] = kind };

        var (request, error) = TeamsActivityReader.ReadTagSubmission(activity, action, Now);

        Assert.Null(request);
        Assert.Equal("Choose one of the listed kinds.", error);
    }

    [Theory]
    [InlineData("root-cause", TimelineTag.RootCause)]
    [InlineData("Root cause", TimelineTag.RootCause)]
    [InlineData("root_cause", TimelineTag.RootCause)]
    [InlineData("KEY-EVENT", TimelineTag.KeyEvent)]
    [InlineData("Misleading path", TimelineTag.Misleading)]
    [InlineData("action", TimelineTag.Action)]
    public void A_kind_is_read_by_name_or_label(string value, TimelineTag expected)
    {
        Assert.Equal(expected, TeamsActivityReader.KindOf(value));
    }

    [Fact]
    public void Without_a_thread_in_the_conversation_id_the_reply_to_id_places_the_message()
    {
        var reply = UnmentionedReply(json =>
        {
            json["conversation"]!["id"] = "19:6848757105754c8981c67612732d9aa7@thread.tacv2";
            json["replyToId"] = "1759881511856";
        });

        var chat = Assert.IsType<TeamsChatRead>(TeamsActivityReader.ReadMessage(reply, Now));

        Assert.Equal("1759881511856", chat.Message.ThreadId);
        Assert.Contains("parentMessageId=1759881511856", chat.Message.Permalink, StringComparison.Ordinal);
    }

    private static Activity Activity(string fixture) =>
        JsonConvert.DeserializeObject<Activity>(Fixtures.Teams.Text(fixture).TrimStart('\uFEFF'))!;

    /// <summary>A published payload with <paramref name="edit"/> applied to its JSON.</summary>
    private static Activity Edited(string fixture, Action<JObject> edit)
    {
        var json = JObject.Parse(Fixtures.Teams.Text(fixture));
        edit(json);
        return json.ToObject<Activity>()!;
    }

    /// <summary>
    /// The <see cref="ThreadReply"/> as received with resource-specific consent: the same message, nobody mentioned,
    /// with <paramref name="edit"/> applied to its JSON.
    /// </summary>
    private static Activity UnmentionedReply(Action<JObject> edit) => Edited(ThreadReply, json =>
    {
        ((JArray)json["entities"]!).RemoveAt(0);
        edit(json);
    });
}
