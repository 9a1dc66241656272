using Tracker.Web.Features.Documents;

namespace Tracker.Web.Tests.Features.Documents;

/// <summary>The kind an import proposes from a title, on titles of shared/corpus: the learned model reads by kind.</summary>
public sealed class ImportKindTests
{
    [Theory]
    [InlineData("Statement by Barack Obama (President), United States, at the General Debate of the 71st session of the UN General Assembly", "speech")]
    [InlineData("Quad Leaders’ Joint Statement: “The Spirit of the Quad”", "joint_statement")]
    [InlineData("CARBIS BAY G7 SUMMIT COMMUNIQUÉ", "communique")]
    [InlineData("Readout of President Biden’s Video Call with President Vladimir Putin of Russia", "readout")]
    [InlineData("中华人民共和国和俄罗斯联邦关于进一步深化新时代全面战略协作伙伴关系的联合声明", "joint_statement")]
    public void A_title_proposes_its_kind(string title, string kind)
    {
        Assert.Equal(kind, ImportDraft.DetectKind(title));
    }
}
