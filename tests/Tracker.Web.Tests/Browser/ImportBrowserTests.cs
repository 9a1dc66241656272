using Microsoft.Playwright;
using Tracker.Web.Infrastructure.Auth;

namespace Tracker.Web.Tests.BrowserTests;

/// <summary>The import page in a real Chromium: the seeded People's Daily page is recognized, a changed copy is imported.</summary>
public sealed class ImportBrowserTests(TrackerApp app, Chromium chromium)
{
    private static readonly string SeedPage = Path.Combine(AppContext.BaseDirectory, "seed", "documents", "2025-05-09_peoples-daily-page_zh.txt");

    [Fact]
    public async Task Choosing_another_start_paragraph_recuts_the_page_in_place()
    {
        await using var session = await chromium.SignInAsNewAsync(app, Roles.Curator);
        var page = session.Page;
        var marker = Guid.NewGuid().ToString("N")[..6];

        await page.GotoAsync("/documents/import");
        await page.GetByLabel("Paste the text").FillAsync($"""
            Joint Statement on Boundaries {marker}

            The Parties met in Geneva and agreed on the following.

            Joint Statement on Moving Boundaries {marker}

            The Parties reaffirm their commitments.

            They will meet again next year.
            """);
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        var documents = page.Locator("fieldset.import-document");
        await Assertions.Expect(documents).ToHaveCountAsync(2);
        await Assertions.Expect(documents.Nth(1).Locator(".span")).ToContainTextAsync("¶3–¶5");

        // The second document now starts at its last paragraph; htmx re-renders the preview, the page stays.
        await page.Locator("#Documents_1__Start").SelectOptionAsync("4");
        await Assertions.Expect(documents.Nth(1).Locator(".span")).ToContainTextAsync("¶5–¶5");
        await Assertions.Expect(documents.Nth(0).Locator(".span")).ToContainTextAsync("¶1–¶4");
        await Assertions.Expect(page.Locator("ol.paragraphs li[value='5'] .boundary-mark")).ToHaveTextAsync("Document 2");
        Assert.EndsWith("/documents/import?handler=Preview", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_curator_uploads_the_seed_page_sees_it_is_already_imported_and_imports_a_changed_copy()
    {
        await using var session = await chromium.SignInAsNewAsync(app, Roles.Curator);
        var page = session.Page;

        await page.GotoAsync("/documents");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "Import" }).ClickAsync();
        await page.Locator("input[type=file]").SetInputFilesAsync(SeedPage);
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();

        var documents = page.Locator("fieldset.import-document");
        await Assertions.Expect(documents).ToHaveCountAsync(3);
        await Assertions.Expect(documents.Locator(".notice")).ToHaveCountAsync(3);
        await Assertions.Expect(documents.Nth(0).Locator(".notice")).ToContainTextAsync("中华人民共和国和俄罗斯联邦关于全球战略稳定的联合声明");
        await Assertions.Expect(documents.Nth(2).Locator(".notice")).ToContainTextAsync("全面战略协作伙伴关系的联合声明（续）");
        await Assertions.Expect(page.Locator("#Documents_1__Title")).ToHaveValueAsync("中华人民共和国和俄罗斯联邦关于进一步加强合作维护国际法权威的联合声明");
        await session.ScreenshotAsync("import-preview");

        // The same page with one sentence changed in each document is new text, so it can be imported.
        var marker = Guid.NewGuid().ToString("N")[..6];
        var changed = (await File.ReadAllTextAsync(SeedPage, TestContext.Current.CancellationToken))
            .Replace("合、可持续安全。", $"合、可持续安全{marker}。", StringComparison.Ordinal)
            .Replace("条约未予规定的事项", $"条约未予规定的{marker}事项", StringComparison.Ordinal)
            .Replace("鉴于上述，双方认为优先任务是持续落实", $"鉴于上述{marker}，双方认为优先任务是持续落实", StringComparison.Ordinal);
        await page.GotoAsync("/documents/import");
        await page.GetByLabel("Paste the text").FillAsync(changed);
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(documents).ToHaveCountAsync(3);
        await Assertions.Expect(documents.Locator(".notice")).ToHaveCountAsync(0);

        string[] titles = ["关于全球战略稳定的联合声明", "关于进一步加强合作维护国际法权威的联合声明", "关于进一步深化新时代全面战略协作伙伴关系的联合声明（续）"];
        for (var i = 0; i < 3; i++)
        {
            await page.Locator($"#Documents_{i}__Title").FillAsync($"中华人民共和国和俄罗斯联邦{titles[i]} {marker}");
            await page.Locator($"#Documents_{i}__IssuedOn").FillAsync("2025-05-08");
            await page.Locator($"#Documents_{i}__Place").FillAsync("Moscow");

            // The typeahead offers the actor for an alias in Chinese; the slug it offers is what gets stored.
            var first = page.Locator($"input[name='Documents[{i}].Signatories[0]']");
            await first.FillAsync("中方");
            await Assertions.Expect(page.Locator("#actor-options option[value=china]")).ToHaveCountAsync(1);
            await first.FillAsync("china");

            // Adding a signatory re-renders the preview; wait for the new field before typing on.
            var inputs = documents.Nth(i).Locator("fieldset.signatories input");
            var count = await inputs.CountAsync();
            await documents.Nth(i).GetByRole(AriaRole.Button, new() { Name = "Add signatory" }).ClickAsync();
            await Assertions.Expect(inputs).ToHaveCountAsync(count + 1);
            await inputs.Nth(1).FillAsync("俄方");
        }

        // "Translation of" offers the stored documents of a date (or a title part), labelled with date, title and id.
        var original = page.GetByLabel("Translation of").First;
        await original.FillAsync("2025-05-08");
        var options = page.Locator("#document-options option");
        await Assertions.Expect(options.First).ToBeAttachedAsync();
        var labels = await options.EvaluateAllAsync<string[]>("options => options.map(o => o.value)");
        Assert.Contains(labels, l => l.Contains("关于全球战略稳定的联合声明", StringComparison.Ordinal));
        Assert.All(labels, l => Assert.Matches(@"^2025-05-08 · .+ \(#\d+\)$", l));
        await original.FillAsync("");

        // The normalized text is sticky; scrolled back to the top it sits beside the first document.
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await session.ScreenshotAsync("import-filled");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm and import 3 documents" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/documents/[0-9]+$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"关于全球战略稳定的联合声明 {marker}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync($"可持续安全{marker}。");
        await session.ScreenshotAsync("import-confirmed");
    }
}
