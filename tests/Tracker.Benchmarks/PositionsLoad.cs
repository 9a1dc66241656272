using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace Tracker.Benchmarks;

/// <summary>
/// A load run of the position reads against the real server: the app on Kestrel over a database made by
/// <c>synthesize</c>, one request at a time through HTTP and JSON as a page would make them. Per endpoint it
/// prints p50/p95/max, and beside it the same reads as hand-written SQL through Microsoft.Data.Sqlite: the floor,
/// what the database alone needs.
/// Run: dotnet run -c Release --project tests/Tracker.Benchmarks -- positions --data-dir DIR [--requests N] [--only WORD] [--buffer-bodies] [--quick-warmup]
/// </summary>
internal static class PositionsLoad
{
    private const string Token = "positions-load-token";

    public static async Task<int> RunAsync(string[] args)
    {
        var directory = Option(args, "--data-dir");
        if (directory is null || !File.Exists(Path.Combine(directory, "tracker.db")))
        {
            Console.Error.WriteLine("positions: name a data directory made by `synthesize` with --data-dir DIR.");
            return 2;
        }

        var requests = int.Parse(Option(args, "--requests") ?? "200", CultureInfo.InvariantCulture);
        // --only WORD times just the endpoints whose name contains WORD (e.g. timeline), for a quicker look at one.
        var only = Option(args, "--only");
        // --buffer-bodies reads each body into a new array (ReadAsByteArrayAsync), as the load run did before; by
        // default the bodies are read through one buffer.
        var bufferBodies = args.Contains("--buffer-bodies");
        var readBuffer = new byte[64 * 1024];
        QuickWarmup = args.Contains("--quick-warmup");
        directory = Path.GetFullPath(directory);
        var database = Path.Combine(directory, "tracker.db");

        // --server URL times a server started apart, in its own process (with Tracker__AdminToken set to --token): no
        // client shares its heap or its processor time; the run's process counters then describe only the client, so
        // they are left out, and each endpoint warms up for --warmup-seconds (default 5) instead of until the JIT settles.
        var external = Option(args, "--server");
        External = external is not null;
        WarmupSeconds = double.Parse(Option(args, "--warmup-seconds") ?? "5", CultureInfo.InvariantCulture);
        var started = Stopwatch.StartNew();
        await using var app = External ? null : StartApp(directory);
        using var client = app?.CreateClient() ?? new HttpClient { BaseAddress = new Uri(external!) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", External ? Option(args, "--token") ?? Token : Token);
        Console.WriteLine(External
            ? $"server at {external} over {database} ({new FileInfo(database).Length / 1024.0 / 1024:0} MB), in its own process"
            : string.Create(CultureInfo.InvariantCulture, $"server started over {database} ({new FileInfo(database).Length / 1024.0 / 1024:0} MB) in {started.Elapsed.TotalSeconds:0.0} s"));

        await using var floor = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await floor.OpenAsync();
        await using (var pragmas = floor.CreateCommand())
        {
            // The server's own read settings (SqlitePragmas), so that the floor is the same database work.
            pragmas.CommandText = "PRAGMA mmap_size=1073741824; PRAGMA cache_size=-65536;";
            await pragmas.ExecuteNonQueryAsync();
        }

        var cases = (await PositionsFloor.CasesAsync(floor)).Where(c => only is null || c.Name.Contains(only, StringComparison.OrdinalIgnoreCase)).ToList();

        // The first dashboard computes the aggregates it then remembers until the data changes: timed on its own.
        var cold = Stopwatch.StartNew();
        using (var first = await client.GetAsync("/api/dashboard"))
        {
            first.EnsureSuccessStatusCode();
        }

        var coldMs = cold.Elapsed.TotalMilliseconds;
        var aggregates = Stopwatch.StartNew();
        await PositionsFloor.PrepareDashboardAsync(floor);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first dashboard (aggregates computed): {coldMs:0} ms; the aggregates alone in SQL: {aggregates.Elapsed.TotalMilliseconds:0} ms"));
        Console.WriteLine($"load average before: {LoadAverage()}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"endpoint",-46} {"server p50",10} {"p95",7} {"max",7}   {"SQL floor p50",13} {"p95",7} {"max",7}   {"target p95",10}  {"response",9}   {"alloc/req",9} {"gen0/1/2 per 100 req",20} {"GC pause ms per 100 req",23} {"CPU ms/req",10}"));
        var failed = false;
        foreach (var c in cases)
        {
            var bytes = 0L;
            var sent = 0;
            var gc = External ? null : new GcCount();
            var server = await MeasureAsync(requests, gc, async () =>
            {
                var url = c.Vary is null ? c.Url : c.Vary(sent++).Url;
                if (bufferBodies)
                {
                    using var response = await client.GetAsync(url);
                    var body = await response.Content.ReadAsByteArrayAsync();
                    if (!response.IsSuccessStatusCode)
                    {
                        throw new InvalidOperationException($"{c.Url} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
                    }

                    bytes = body.Length;
                }
                else
                {
                    // The whole body is read, through one buffer kept for the run: a client in another process
                    // allocates nothing in the server's heap, and one here that made a new array per body (1.5 MB
                    // for a matrix, on the large object heap) set off the server's full collections.
                    using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
                    await using var stream = await response.Content.ReadAsStreamAsync();
                    var length = 0L;
                    for (int n; (n = await stream.ReadAsync(readBuffer)) > 0;)
                    {
                        length += n;
                    }

                    if (!response.IsSuccessStatusCode)
                    {
                        throw new InvalidOperationException($"{c.Url} answered {(int)response.StatusCode}.");
                    }

                    bytes = length;
                }
            });
            var read = 0;
            var sql = await MeasureAsync(requests, null, () => c.Vary is null ? c.Floor(floor) : c.Vary(read++).Floor(floor));
            failed |= server.P95 > c.TargetMs;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{c.Name,-46} {server.P50,10:0.0} {server.P95,7:0.0} {server.Max,7:0.0}   {sql.P50,13:0.0} {sql.P95,7:0.0} {sql.Max,7:0.0}   {c.TargetMs,10} {(server.P95 <= c.TargetMs ? "met" : "MISSED"),-6} {bytes / 1024.0,6:0} KB   {(gc is null ? "  (server apart: its process counters are not read)" : $"{(gc.Allocated >= 0 ? $"{gc.Allocated / requests / 1024.0,6:0} KB" : "     n/a")} {gc.Gen0 * 100.0 / requests,8:0}/{gc.Gen1 * 100.0 / requests:0}/{gc.Gen2 * 100.0 / requests:0} {gc.Paused.TotalMilliseconds * 100 / requests,12:0} {gc.Cpu.TotalMilliseconds / requests,20:0.0}")}"));
        }

        Console.WriteLine($"load average after: {LoadAverage()}");
        Console.WriteLine(External
            ? string.Create(CultureInfo.InvariantCulture, $"each endpoint warmed up for {WarmupSeconds:0.#} s against the server apart")
            : $"methods the JIT compiled while warming up past the first requests: {WarmupCompiled}{(QuickWarmup ? " (--quick-warmup)" : "")}");
        Console.WriteLine("Times in ms, one request at a time; each endpoint warmed up first. Details of each case:");
        foreach (var c in cases)
        {
            var url = c.Vary is null ? c.Url : c.Vary(0).Url;
            Console.WriteLine($"  {c.Name}: GET {(url.Length > 160 ? url[..160] + "…" : url)}");
        }

        SqliteConnection.ClearAllPools();
        return failed ? 1 : 0;
    }

    internal sealed record Timings(double P50, double P95, double Max);

    private static bool QuickWarmup;

    private static bool External;

    private static double WarmupSeconds;

    private static long WarmupCompiled;

    /// <summary>
    /// What the timed requests allocated in the whole process (the runtime's count, which with the server GC's
    /// changing number of heaps now and then goes backwards or jumps: n/a when it went backwards) (server and client: the client reads each body into
    /// one array) and the collections they caused, generation by generation.
    /// </summary>
    private sealed class GcCount
    {
        private long _allocated;
        private int _gen0, _gen1, _gen2;
        private TimeSpan _paused, _cpu;

        public long Allocated { get; private set; }

        public int Gen0 { get; private set; }

        public int Gen1 { get; private set; }

        public int Gen2 { get; private set; }

        /// <summary>Processor time the process used (server and client): the work, whatever else runs on the machine.</summary>
        public TimeSpan Cpu { get; private set; }

        /// <summary>How long the collections stopped the process (server and client threads alike).</summary>
        public TimeSpan Paused { get; private set; }

        public void Start()
        {
            (_allocated, _gen0, _gen1, _gen2, _paused) = (GC.GetTotalAllocatedBytes(precise: true), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
            _cpu = Environment.CpuUsage.TotalTime;
        }

        public void Stop()
        {
            (Allocated, Gen0, Gen1, Gen2, Paused) = (GC.GetTotalAllocatedBytes(precise: true) - _allocated, GC.CollectionCount(0) - _gen0, GC.CollectionCount(1) - _gen1, GC.CollectionCount(2) - _gen2, GC.GetTotalPauseDuration() - _paused);
            Cpu = Environment.CpuUsage.TotalTime - _cpu;
        }
    }

    /// <summary>
    /// A tenth of the requests (at least 10) warm up, and then more until the JIT has settled: no method compiled
    /// for half a second of requests (at most 20 s). Tiered compilation recompiles hot code in the background some
    /// time after its first calls; ten requests were not enough, and the busiest timeline's measured requests then
    /// shared the two cores with that compiling, 4 ms of processor time a request (with DOTNET_TieredCompilation=0
    /// the same run used 7 ms a request instead of 11 and its p95 fell from 11 to 9 ms). A server that has been up
    /// for a while runs its hot paths compiled; <c>--quick-warmup</c> keeps the old ten-request warm-up.
    /// </summary>
    private static async Task<Timings> MeasureAsync(int requests, GcCount? gc, Func<Task> request)
    {
        for (var i = 0; i < Math.Max(10, requests / 10); i++)
        {
            await request();
        }

        var warming = Stopwatch.StartNew();
        while (External && warming.Elapsed.TotalSeconds < WarmupSeconds)
        {
            await request();
        }

        var settled = Stopwatch.StartNew();
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        while (!QuickWarmup && !External && settled.ElapsedMilliseconds < 500 && warming.Elapsed.TotalSeconds < 20)
        {
            await request();
            if (System.Runtime.JitInfo.GetCompiledMethodCount() is var now && now != compiled)
            {
                (compiled, WarmupCompiled) = (now, WarmupCompiled + now - compiled);
                settled.Restart();
            }
        }

        var times = new double[requests];
        gc?.Start();
        for (var i = 0; i < requests; i++)
        {
            var watch = Stopwatch.StartNew();
            await request();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        gc?.Stop();
        Array.Sort(times);
        return new Timings(Percentile(times, 0.50), Percentile(times, 0.95), times[^1]);
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

    private static string? Option(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

    private static LoadApp StartApp(string directory)
    {
        // The app's files sit beside this program; the factory would otherwise look for the project folder.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_TRACKER_WEB", AppContext.BaseDirectory);
        return new LoadApp(directory);
    }

    // Any type of the web assembly names its entry point; this project has a Program of its own.
    private sealed class LoadApp : WebApplicationFactory<Tracker.Web.Infrastructure.TrackerOptions>
    {
        private readonly string _dataDirectory;

        public LoadApp(string dataDirectory)
        {
            _dataDirectory = dataDirectory;
            UseKestrel(0);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Tracker:DataDirectory", _dataDirectory);
            builder.UseSetting("Tracker:AdminToken", Token);
            builder.UseSetting("Tracker:Seed", "false");
            builder.UseSetting("Tracker:Jobs", "false");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }
}
