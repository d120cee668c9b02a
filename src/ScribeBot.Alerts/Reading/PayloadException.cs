namespace ScribeBot.Alerts.Reading;

/// <summary>
/// A payload that cannot be read as its source's webhook: the reason names the field. Thrown while reading and caught
/// once, in <see cref="PayloadJson"/>, where it becomes a 400 with that reason.
/// </summary>
internal sealed class PayloadException(string reason) : Exception(reason);
