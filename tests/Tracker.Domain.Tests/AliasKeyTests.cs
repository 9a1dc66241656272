namespace Tracker.Domain.Tests;

public sealed class AliasKeyTests
{
    [Theory]
    [InlineData("U.S.", "US")]
    [InlineData("United  States", "united states")]
    [InlineData("ＵＳＡ", "usa")]
    [InlineData("弗·弗·普京", "弗弗普京")]
    [InlineData("People's Republic of China", "Peoples Republic of China")]
    public void Names_that_differ_only_in_case_width_spacing_or_dots_meet(string a, string b) =>
        Assert.Equal(AliasKey.From(a), AliasKey.From(b));

    [Fact]
    public void Different_names_stay_apart() => Assert.NotEqual(AliasKey.From("中方"), AliasKey.From("俄方"));

    [Theory]
    [InlineData("Golden Dome", "golden-dome")]
    [InlineData("  Côte d'Ivoire ", "cote-d-ivoire")]
    [InlineData("U.S.-Russia talks", "u-s-russia-talks")]
    [InlineData("金穹", "")]
    public void Slugs_are_lower_case_ascii_words_joined_by_dashes(string text, string slug) =>
        Assert.Equal(slug, AliasKey.Slugify(text));
}
