using System.Globalization;
using System.Text;
using ScribeBot.Core.Text;

namespace ScribeBot.Pictures.Svg;

/// <summary>
/// Writes SVG markup by hand so the output is byte-for-byte deterministic. Every text and attribute value goes
/// through <see cref="Escape"/>, so user text can never open an element or an entity, and elements are closed by the
/// writer itself, so the result is always well-formed XML (the tests parse it).
/// </summary>
public sealed class SvgWriter
{
    public const string Namespace = "http://www.w3.org/2000/svg";

    private readonly StringBuilder _builder = new(4096);
    private readonly Stack<string> _open = new();

    /// <summary>Opens an element; attributes whose value is null are left out.</summary>
    public SvgWriter Start(string name, params (string Name, object? Value)[] attributes)
    {
        Tag(name, attributes);
        _builder.Append('>');
        _open.Push(name);
        return this;
    }

    public SvgWriter End()
    {
        _builder.Append("</").Append(_open.Pop()).Append('>');
        return this;
    }

    /// <summary>An element with no content: <c>&lt;rect .../&gt;</c>.</summary>
    public SvgWriter Empty(string name, params (string Name, object? Value)[] attributes)
    {
        Tag(name, attributes);
        _builder.Append("/>");
        return this;
    }

    /// <summary>An element holding only text, escaped.</summary>
    public SvgWriter Text(string name, string text, params (string Name, object? Value)[] attributes)
    {
        Tag(name, attributes);
        _builder.Append('>').Append(Escape(text)).Append("</").Append(name).Append('>');
        return this;
    }

    public override string ToString()
    {
        if (_open.Count > 0)
        {
            throw new InvalidOperationException($"<{_open.Peek()}> is still open.");
        }

        return _builder.ToString();
    }

    /// <summary>
    /// Text safe in XML content and in a double- or single-quoted attribute. Characters XML 1.0 does not allow
    /// (control characters, lone surrogates) are dropped rather than escaped: no escape makes them legal.
    /// </summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&apos;"); break;
                case '\t' or '\n' or '\r': builder.Append(c); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else if (c >= ' ' && !char.IsSurrogate(c) && c is not '\uFFFE' and not '\uFFFF')
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append(BidiText.Closers(text));
        return builder.ToString();
    }

    /// <summary>A coordinate: invariant culture, at most two decimals, no exponent.</summary>
    public static string Number(double value)
    {
        var text = Math.Round(double.IsFinite(value) ? value : 0, 2).ToString("0.##", CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }

    /// <summary>Text cut to <paramref name="max"/> characters with an ellipsis, for labels drawn in little room.</summary>
    public static string Shorten(string text, int max)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return TextShortener.ShortenWithin(flat, max, trimEnd: true);
    }

    private void Tag(string name, (string Name, object? Value)[] attributes)
    {
        _builder.Append('<').Append(name);
        foreach (var (attribute, value) in attributes)
        {
            var text = value switch
            {
                null => null,
                double d => Number(d),
                float f => Number(f),
                int n => n.ToString(CultureInfo.InvariantCulture),
                string s => s,
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            };
            if (text is not null)
            {
                _builder.Append(' ').Append(attribute).Append("=\"").Append(Escape(text)).Append('"');
            }
        }
    }
}
