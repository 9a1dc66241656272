using FluentValidation;
using Tracker.Text;
using Tracker.Web.Infrastructure;

namespace Tracker.Web.Features.Documents;

public sealed record SplitRequest(string? Text) : IHasText;

public sealed record SplitResponse(IReadOnlyList<ProposedDocumentDto> Documents);

/// <summary>One document the splitter found; offsets are code points into the submitted text.</summary>
public sealed record ProposedDocumentDto(
    string? Title,
    int Start,
    int End,
    int BodyStart,
    bool ContinuedFromEarlierPage,
    bool ContinuesOnLaterPage,
    string Text);

public sealed class SplitRequestValidator : AbstractValidator<SplitRequest>
{
    public SplitRequestValidator() =>
        RuleFor(x => x.Text).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("The text is empty.");
}

public static class SplitDocument
{
    public static SplitResponse Handle(SplitRequest request)
    {
        // Offsets refer to the submitted text, so a client can cut it itself; a corpus header is skipped.
        var header = CorpusHeader.Parse(request.Text!);
        var index = new CodePointIndex(request.Text!);
        var shift = header.BodyStart;
        return new SplitResponse(DocumentSplitter.Split(header.Body)
            .Select(p => new ProposedDocumentDto(
                p.Title,
                p.Span.Start + shift,
                p.Span.End + shift,
                p.BodySpan.Start + shift,
                p.ContinuedFromEarlierPage,
                p.ContinuesOnLaterPage,
                index.Slice(new TextSpan(p.BodySpan.Start + shift, p.BodySpan.End + shift))))
            .ToList());
    }
}
