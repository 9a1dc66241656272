using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Tracker.Benchmarks;
using Tracker.Text;

// `-- digests [N]` is a load run of the weekly digest for N subscribers against a local SMTP server.
if (args is ["digests", ..])
{
    return await DigestLoad.RunAsync(args[1..]);
}

// `-- positions --data-dir DIR` is a load run of the position reads against the server over a synthetic database.
if (args is ["positions", ..])
{
    return await PositionsLoad.RunAsync(args[1..]);
}

// `-- --show FILE [signatory…]` prints the suggestions for one text, to eyeball the lexicon on unseen statements.
if (args is ["--show", var file, .. var signatoryArgs])
{
    var body = Normalizer.Normalize(File.ReadAllText(file)).Body;
    var sentences = Segmenter.Segment(body).Sentences;
    foreach (var s in Texts.Suggester().Suggest(body, sentences, signatoryArgs.Length > 0 ? signatoryArgs : ["signatories"]))
    {
        Console.WriteLine($"{s.Stance,-9} {s.Intensity} {(s.Negated ? "N" : " ")} {s.Confidence:0.00} {string.Join(',', s.Holders),-20} {s.TopicSlug ?? "+" + s.TopicLabel,-36} [{s.Cue}] {s.Quote[..Math.Min(90, s.Quote.Length)]}");
    }

    return 0;
}

// `-- --quick [--rules-only]` times each stage with a stopwatch for a figure in seconds; anything else goes to BenchmarkDotNet.
if (args is ["--quick", ..])
{
    var suggester = Texts.Suggester();
    var model = args.Contains("--rules-only") ? null : Texts.Model();
    string[] signatories = ["china", "russia"];
    foreach (var set in Texts.Sets)
    {
        var texts = Texts.Load(set);
        var kinds = Texts.Kinds(texts);
        var bytes = Texts.Utf8Bytes(texts);
        var bodies = texts.Select(t => Normalizer.Normalize(t).Body).ToArray();
        var sentences = bodies.Select(b => Segmenter.Segment(b).Sentences).ToArray();

        var all = Rate(bytes, () => Pipeline.Run(texts, kinds, suggester, model, signatories));
        var normalize = Rate(bytes, () => Array.ForEach(texts, t => Normalizer.Normalize(t)));
        var segment = Rate(bytes, () => Array.ForEach(bodies, b => Segmenter.Segment(b)));
        var suggest = Rate(bytes, () =>
        {
            for (int i = 0; i < bodies.Length; i++)
            {
                suggester.Suggest(bodies[i], sentences[i], signatories, model is not null && model.Reads(kinds[i]) ? model : null);
            }
        });
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{set,-10} {texts.Length,3} texts {bytes / 1e6,6:0.000} MB UTF-8: normalize+segment+suggest {all,6:0.0} MB/s (normalize {normalize:0.0}, segment {segment:0.0}, suggest {suggest:0.0})"));
    }

    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(SuggestBenchmarks).Assembly)
    .Run(args, DefaultConfig.Instance.AddColumn(new ThroughputColumn()));
return 0;

// Megabytes of raw input per second over at least two seconds, after a second of warm-up so that the
// measured code runs tiered-up, as in a long-running server.
static double Rate(long bytes, Action round)
{
    var warmUp = Stopwatch.StartNew();
    while (warmUp.Elapsed < TimeSpan.FromSeconds(1))
    {
        round();
    }

    var watch = Stopwatch.StartNew();
    int rounds = 0;
    while (watch.Elapsed < TimeSpan.FromSeconds(2))
    {
        round();
        rounds++;
    }

    return bytes * (double)rounds / watch.Elapsed.TotalSeconds / 1e6;
}
