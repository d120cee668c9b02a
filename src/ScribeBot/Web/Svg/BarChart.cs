namespace ScribeBot.Web.Svg;

/// <summary>A bar chart of durations: one bar per category, drawn by <see cref="BarChartSvg"/>.</summary>
/// <param name="Title">The chart's accessible name (<c>&lt;title&gt;</c>).</param>
/// <param name="Description">What it shows, for screen readers (<c>&lt;desc&gt;</c>).</param>
/// <param name="Colour">The bars' fill.</param>
/// <param name="Bars">In drawing order, left to right.</param>
/// <param name="EmptyText">Shown instead of bars when no bar has a value.</param>
internal sealed record BarChart(string Title, string Description, string Colour, IReadOnlyList<ChartBar> Bars, string EmptyText = "No data");

/// <summary>One category: its axis label, its value (null when the category has nothing to measure) and the tooltip.</summary>
internal sealed record ChartBar(string Label, TimeSpan? Value, string Tooltip);
