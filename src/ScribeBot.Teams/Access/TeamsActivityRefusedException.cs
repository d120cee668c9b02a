namespace ScribeBot.Teams.Access;

/// <summary>
/// Thrown by the bot at the start of a turn whose activity <see cref="TeamsAccess"/> refuses, before anything is read
/// or stored; the endpoint answers it with 403. An exception because the SDK's turn has no other way out that leaves
/// the HTTP answer to us.
/// </summary>
internal sealed class TeamsActivityRefusedException(string reason) : Exception(reason);
