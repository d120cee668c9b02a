namespace ScribeBot.Tests.Web;

public sealed class IncidentListFilterTests
{
    [Fact]
    public void Values_are_read_case_insensitively_and_empty_means_any()
    {
        var filter = IncidentListFilter.Parse(" Resolved ", "SEV2", "", "3");

        Assert.Equal((IncidentStatus.Resolved, Severity.Sev2, (ChatPlatform?)null, 3), (filter.Status, filter.Severity, filter.Platform, filter.Page));
        Assert.Empty(filter.Problems);
        var query = filter.ToQuery();
        Assert.Equal((50, 25, IncidentStatus.Resolved, Severity.Sev2, (ChatPlatform?)null), (query.Skip, query.Take, query.Status, query.Severity, query.Platform));
    }

    [Theory]
    [InlineData("5")]
    [InlineData("2")]
    [InlineData("Sev1")]
    public void Numbers_and_enum_names_that_are_not_options_are_refused(string status)
    {
        var filter = IncidentListFilter.Parse(status, null, null, null);

        Assert.Null(filter.Status);
        Assert.Single(filter.Problems);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("99999999999")]
    public void A_page_that_is_not_a_positive_number_is_page_one_with_a_message(string page)
    {
        var filter = IncidentListFilter.Parse(null, null, null, page);

        Assert.Equal(1, filter.Page);
        Assert.Equal($"\"{page}\" is not a page number; showing page 1.", Assert.Single(filter.Problems));
    }

    [Fact]
    public void A_huge_page_number_skips_past_everything_without_overflowing()
    {
        var query = IncidentListFilter.Parse(null, null, null, int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToQuery();

        Assert.Equal(int.MaxValue, query.Skip);
    }

    [Fact]
    public void Links_keep_the_valid_filters_drop_the_ignored_ones_and_omit_page_one()
    {
        var filter = IncidentListFilter.Parse("bogus", "sev4", "WEB", "2");

        Assert.Equal("/?severity=sev4&platform=web&page=3", filter.Url(3));
        Assert.Equal("/?severity=sev4&platform=web", filter.Url(1));
        Assert.Equal("/", IncidentListFilter.Parse(null, null, null, null).Url(1));
    }

    [Fact]
    public void A_long_bad_value_is_shortened_in_the_message()
    {
        var filter = IncidentListFilter.Parse(new string('x', 500), null, null, null);

        Assert.True(Assert.Single(filter.Problems).Length < 200);
    }
}
