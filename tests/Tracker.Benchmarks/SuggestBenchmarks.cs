using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Tracker.Domain.Documents;
using Tracker.Text;
using Tracker.Text.Suggesting;

namespace Tracker.Benchmarks;

/// <summary>
/// Normalize + segment + suggest over whole documents, as an import followed by a suggestion request does, with the model
/// learned from the curated statements as the app runs it.
/// </summary>
[MemoryDiagnoser]
public class SuggestBenchmarks
{
    private static readonly string[] Signatories = ["china", "russia"];
    private string[] _texts = [];
    private DocumentKind[] _kinds = [];
    private ClaimSuggester _suggester = null!;
    private StanceModel? _model;

    [ParamsSource(nameof(Sets))]
    public string Set { get; set; } = "seed-zh";

    public static IEnumerable<string> Sets => Texts.Sets;

    /// <summary>With the model learned from the curated statements (as the app runs), or the rules alone.</summary>
    [Params(true, false)]
    public bool Learned { get; set; } = true;

    [GlobalSetup]
    public void Setup()
    {
        _texts = Texts.Load(Set);
        _kinds = Texts.Kinds(_texts);
        _suggester = Texts.Suggester();
        _model = Learned ? Texts.Model() : null;
    }

    [Benchmark]
    public int NormalizeSegmentSuggest() => Pipeline.Run(_texts, _kinds, _suggester, _model, Signatories);
}

public static class Pipeline
{
    public static int Run(string[] texts, DocumentKind[] kinds, ClaimSuggester suggester, StanceModel? model, IReadOnlyList<string> signatories)
    {
        int count = 0;
        for (int i = 0; i < texts.Length; i++)
        {
            var body = Normalizer.Normalize(texts[i]).Body;
            var segmentation = Segmenter.Segment(body);
            count += suggester.Suggest(body, segmentation.Sentences, signatories, model is not null && model.Reads(kinds[i]) ? model : null).Count;
        }

        return count;
    }
}

/// <summary>MB/s of raw UTF-8 input, from the mean time of each case.</summary>
public sealed class ThroughputColumn : IColumn
{
    public string Id => nameof(ThroughputColumn);
    public string ColumnName => "MB/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Raw UTF-8 megabytes (10^6) processed per second";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is not { } statistics)
        {
            return "-";
        }

        var set = (string)benchmarkCase.Parameters["Set"];
        var bytes = Texts.Utf8Bytes(Texts.Load(set));
        return (bytes / (statistics.Mean / 1e9) / 1e6).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
