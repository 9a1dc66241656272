using System.Text;

namespace Tracker.Text;

/// <summary>
/// Proposes the documents on a page: a new one starts at each heading (letter-spaced, or ending in a document
/// kind such as 联合声明 or Joint Statement) and at each （上接…版） continuation; one ends at each （下转…版）.
/// Text without any of these is one document. A corpus header, if any, should be stripped first.
/// </summary>
public static class DocumentSplitter
{
    public static IReadOnlyList<ProposedDocument> Split(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        using var source = LineReader.Read(raw, 0);
        var lines = source.Lines;
        var documents = new List<ProposedDocument>();
        Part? part = null;

        foreach (var paragraph in LayoutAnalyzer.Paragraphs(source))
        {
            var first = lines[paragraph.First];
            var last = lines[paragraph.Last];
            bool heading = first.IsHeading;
            bool continued = first.Has(LineFlags.ContinuedFrom);

            if (part is not null && (continued || (heading && part.HasBody)))
            {
                documents.Add(part.ToDocument());
                part = null;
            }

            part ??= new Part(first.RawStart, continued);
            if (heading && !part.HasBody)
            {
                // A heading set as two headings (kicker and title) still names one document.
                part.AddTitle(source, paragraph);
            }
            else
            {
                part.AddBody(first.RawStart);
            }

            part.End = last.RawEnd;
            if (last.Has(LineFlags.ContinuesLater))
            {
                part.ContinuesLater = true;
                documents.Add(part.ToDocument());
                part = null;
            }
        }

        if (part is not null)
        {
            bool headingWithoutBody = !part.HasBody && !part.ContinuedFrom && documents.Count > 0
                && !documents[^1].ContinuesOnLaterPage;
            if (headingWithoutBody)
            {
                // Nothing follows the last heading: it is a line of the previous document, not a new one.
                var previous = documents[^1];
                documents[^1] = previous with
                {
                    Span = new TextSpan(previous.Span.Start, part.End),
                    BodySpan = new TextSpan(previous.BodySpan.Start, part.End),
                };
            }
            else
            {
                documents.Add(part.ToDocument());
            }
        }

        return documents;
    }

    private sealed class Part(int start, bool continuedFrom)
    {
        private readonly StringBuilder _title = new();
        private int _titleEnd = -1;
        private int _bodyStart = -1;

        public bool ContinuedFrom { get; } = continuedFrom;

        public int Start { get; } = start;

        public int End { get; set; } = start;

        public bool ContinuesLater { get; set; }

        public bool HasBody => _bodyStart >= 0;

        public void AddTitle(SourceText source, LineRange paragraph)
        {
            var lines = source.Lines;
            for (int i = paragraph.First; i <= paragraph.Last; i++)
            {
                var text = source.TextOf(lines[i]);
                if (_title.Length > 0 && Normalizer.NeedsSpace(_title.ToString().AsSpan(), text))
                {
                    _title.Append(' ');
                }

                _title.Append(text);
            }

            _titleEnd = lines[paragraph.Last].RawEnd;
        }

        public void AddBody(int rawStart)
        {
            if (_bodyStart < 0)
            {
                _bodyStart = rawStart;
            }
        }

        public ProposedDocument ToDocument()
        {
            var span = new TextSpan(Start, End);
            int bodyStart = _bodyStart >= 0 ? _bodyStart : End;
            return new ProposedDocument(
                _title.Length > 0 ? _title.ToString() : null,
                span,
                _titleEnd >= 0 ? new TextSpan(Start, _titleEnd) : null,
                new TextSpan(bodyStart, End),
                ContinuedFrom,
                ContinuesLater);
        }
    }
}
