namespace ScribeBot.Core.Text;

/// <summary>Reads an enum value back from the name it is written with in keys, addresses and configuration.</summary>
public static class EnumNames
{
    /// <summary>
    /// The value whose <paramref name="nameOf"/> equals <paramref name="text"/>, in any case and with surrounding spaces
    /// (<c>slack</c>, <c>PagerDuty</c>, <c>sev2</c>).
    /// </summary>
    public static bool TryParse<TEnum>(string? text, Func<TEnum, string> nameOf, out TEnum value)
        where TEnum : struct, Enum
    {
        var trimmed = text?.Trim();
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(nameOf(candidate), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
