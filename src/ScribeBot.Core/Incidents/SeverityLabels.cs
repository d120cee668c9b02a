using System.Globalization;

namespace ScribeBot.Core.Incidents;

/// <summary>How a severity is written everywhere people read it (<c>SEV1</c>..<c>SEV4</c>), and its name in addresses and markup.</summary>
public static class SeverityLabels
{
    public static string ToLabel(this Severity severity) => $"SEV{(int)severity}";

    /// <summary>"sev1".."sev4": the dashboard's filter value and style class.</summary>
    public static string ToName(this Severity severity) => severity switch
    {
        Severity.Sev1 => "sev1",
        Severity.Sev2 => "sev2",
        Severity.Sev3 => "sev3",
        Severity.Sev4 => "sev4",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Not a severity."),
    };

    /// <summary>
    /// Reads a severity as people and configuration write it: <c>sev1</c>..<c>sev4</c> in any case, or the bare level
    /// (<c>2</c>), with surrounding spaces.
    /// </summary>
    public static bool TryParse(string? text, out Severity severity)
    {
        var trimmed = text?.Trim() ?? "";
        var digits = trimmed.StartsWith("sev", StringComparison.OrdinalIgnoreCase) ? trimmed[3..] : trimmed;
        if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var level) && level is >= 1 and <= 4)
        {
            severity = (Severity)level;
            return true;
        }

        severity = default;
        return false;
    }
}
