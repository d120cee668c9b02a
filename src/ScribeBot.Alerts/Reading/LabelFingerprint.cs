using System.Globalization;
using System.Text;

namespace ScribeBot.Alerts.Reading;

/// <summary>
/// The fingerprint of an alert that came without one, derived from its labels as Prometheus derives its own
/// (<c>model.LabelSet.Fingerprint</c>: FNV-1a 64 over the labels sorted by name, each name and value followed by a
/// 0xFF byte, written as 16 hex digits). So the same labels give the same id every time, and an Alertmanager alert
/// gets the fingerprint Alertmanager itself would have sent.
/// </summary>
internal static class LabelFingerprint
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;
    private const byte Separator = 0xFF;

    public static string Of(IEnumerable<KeyValuePair<string, string>> labels)
    {
        var hash = OffsetBasis;
        foreach (var (name, value) in labels.OrderBy(label => label.Key, StringComparer.Ordinal))
        {
            hash = Add(Add(hash, name), value);
        }

        return hash.ToString("x16", CultureInfo.InvariantCulture);
    }

    private static ulong Add(ulong hash, string text)
    {
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * Prime;
        }

        return (hash ^ Separator) * Prime;
    }
}
