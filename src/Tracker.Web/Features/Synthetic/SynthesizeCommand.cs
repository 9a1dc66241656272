using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Tracker.Data;
using Tracker.Domain;
using Tracker.Domain.Claims;

namespace Tracker.Web.Features.Synthetic;

/// <summary>How much synthetic data to make, and where.</summary>
public sealed record SynthesizeOptions(string DataDirectory, int Documents, int Actors, int Topics, int Claims, int RandomSeed = 20261124);

/// <summary>
/// <c>dotnet run -c Release --project src/Tracker.Web -- synthesize --data-dir DIR [--documents N] [--actors N]
/// [--topics N] [--claims N]</c>: a new database for load runs, with the shape of real data. Activity is Zipf-like
/// (a few actors sign most statements, a few topics carry most claims), the taxonomy is 3–4 levels deep,
/// statements are often joint with their claims held by several signatories, dates spread over 25 years, every
/// stance occurs, some claims are negated or aim at a target by implication, and a tenth are not accepted.
/// Everything made is marked: slugs and titles start with "synthetic", documents carry the note "synthetic".
/// It writes only into a data directory named on the command line that holds no database yet, so it never fills
/// the app's own database by accident. The rows go in through prepared commands in one transaction.
/// </summary>
public static class SynthesizeCommand
{
    public const string Marker = "synthetic";

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken = default)
    {
        var directory = Option(args, "--data-dir");
        if (string.IsNullOrWhiteSpace(directory))
        {
            await output.WriteLineAsync("synthesize: name the data directory with --data-dir DIR (a folder without a tracker.db).");
            return 2;
        }

        var options = new SynthesizeOptions(
            Path.GetFullPath(directory),
            Number(args, "--documents", 20_000),
            Number(args, "--actors", 300),
            Number(args, "--topics", 2_000),
            Number(args, "--claims", 1_000_000));
        if (File.Exists(Path.Combine(options.DataDirectory, "tracker.db")))
        {
            await output.WriteLineAsync($"synthesize: {options.DataDirectory} already holds a tracker.db; synthetic data goes only into a new one.");
            return 2;
        }

        var watch = Stopwatch.StartNew();
        var counts = await SynthesizeAsync(options, cancellationToken);
        var size = new DirectoryInfo(options.DataDirectory).EnumerateFiles("tracker.db*").Sum(f => f.Length);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"synthesized {counts.Documents:N0} documents, {counts.Actors:N0} actors, {counts.Topics:N0} topics, {counts.Claims:N0} claims ({counts.Holders:N0} holder rows, {counts.Positions:N0} held positions) in {watch.Elapsed.TotalSeconds:0.0} s; {Path.Combine(options.DataDirectory, "tracker.db")} is {size / 1024.0 / 1024:0} MB"));
        return 0;
    }

    public sealed record Counts(int Documents, int Actors, int Topics, int Claims, int Holders, int Positions);

    public static async Task<Counts> SynthesizeAsync(SynthesizeOptions options, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.DataDirectory);
        var settings = new DatabaseSettings { DataDirectory = options.DataDirectory };
        var builder = new DbContextOptionsBuilder<TrackerDbContext>();
        settings.Configure(builder);
        await using (var db = new TrackerDbContext(builder.Options))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        await using var connection = new SqliteConnection(settings.ResolveSqliteConnectionString());
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;", cancellationToken);
        var counts = Generator.Write(connection, options);
        await ExecuteAsync(connection, "ANALYZE;", cancellationToken);
        SqliteConnection.ClearPool(connection);
        return counts;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string? Option(string[] args, string name) =>
        args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

    private static int Number(string[] args, string name, int fallback) =>
        Option(args, name) is { } value ? int.Parse(value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : fallback;

    /// <summary>The rows, made and written in one pass with a seeded random source, so a run is repeatable.</summary>
    private sealed class Generator(SqliteConnection connection, SynthesizeOptions options)
    {
        private static readonly Stance[] Stances = Enum.GetValues<Stance>();

        // Supports and calls-for dominate real statements; condemnation is rare.
        private static readonly double[] StanceWeights = [25, 10, 15, 15, 10, 10, 10, 5];

        private static readonly string[] Verbs = ["support", "welcome", "reaffirm", "call for", "commit to", "are concerned about", "oppose", "condemn"];
        private static readonly string[] NegatedVerbs = ["do not support", "do not welcome", "do not reaffirm", "do not call for", "do not commit to", "are not concerned about", "do not oppose", "do not condemn"];

        private readonly Random random = new(options.RandomSeed);
        private readonly SqliteTransaction transaction = connection.BeginTransaction();
        private readonly long now = (long)new DateTimeOffsetToBinaryConverter().ConvertToProvider(DateTimeOffset.UtcNow)!;

        public static Counts Write(SqliteConnection connection, SynthesizeOptions options) => new Generator(connection, options).Run();

        private Counts Run()
        {
            var actorNames = WriteActors();
            var topicNames = WriteTopics();
            var (claims, holders) = WriteDocumentsAndClaims(actorNames, topicNames);
            var positions = Execute("""
                INSERT INTO "HeldPositions" ("ClaimId", "ActorId", "TopicId", "DocumentId", "IssuedOn", "Stance", "Intensity", "Negated", "Start")
                SELECT c."Id", h."ActorId", c."TopicId", c."DocumentId", d."IssuedOn", c."Stance", c."Intensity", c."Negated", c."Start"
                FROM "ClaimHolders" h JOIN "Claims" c ON c."Id" = h."ClaimId" JOIN "Documents" d ON d."Id" = c."DocumentId"
                WHERE c."Status" = 'Accepted'
                """);
            Execute("""
                INSERT INTO "Commitments" ("ClaimId", "Status", "UpdatedAt")
                SELECT "Id", 'Made', "CreatedAt" FROM "Claims" WHERE "Stance" = 'commits' AND "Status" = 'Accepted'
                """);
            transaction.Commit();
            return new Counts(options.Documents, options.Actors, options.Topics, claims, holders, positions);
        }

        private string[] WriteActors()
        {
            using var actor = Prepare("Actors", "Id", "Slug", "Kind", "IsoCode");
            using var alias = Prepare("ActorAliases", "ActorId", "Language", "Text", "Key", "IsName");
            var names = new string[options.Actors + 1];
            for (var id = 1; id <= options.Actors; id++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"Synthetic Actor {id:000}");
                names[id] = name;
                var kind = id % 10 == 0 ? "Organisation" : "State";
                Run(actor, id, string.Create(CultureInfo.InvariantCulture, $"{Marker}-actor-{id:000}"), kind, kind == "State" ? IsoCode(id) : null);
                Run(alias, id, Languages.English, name, AliasKey.From(name), true);
            }

            return names;
        }

        /// <summary>A tree 3–4 levels deep: about 1% roots, 5% second level, 20% third, the rest fourth.</summary>
        private string[] WriteTopics()
        {
            using var topic = Prepare("Topics", "Id", "Slug", "ParentId", "Description");
            using var alias = Prepare("TopicAliases", "TopicId", "Language", "Text", "Key", "IsName");
            var names = new string[options.Topics + 1];
            int[] levelEnds = [Math.Max(1, options.Topics / 100), Math.Max(2, options.Topics * 6 / 100), Math.Max(3, options.Topics * 26 / 100), options.Topics];
            for (var id = 1; id <= options.Topics; id++)
            {
                var level = Array.FindIndex(levelEnds, end => id <= end);
                int? parent = level == 0 ? null : random.Next(level == 1 ? 1 : levelEnds[level - 2] + 1, levelEnds[level - 1] + 1);
                var name = string.Create(CultureInfo.InvariantCulture, $"synthetic topic {id:0000}");
                names[id] = name;
                Run(topic, id, string.Create(CultureInfo.InvariantCulture, $"{Marker}-topic-{id:0000}"), parent, "Synthetic data for load runs.");
                Run(alias, id, Languages.English, name, AliasKey.From(name), true);
            }

            return names;
        }

        private (int Claims, int Holders) WriteDocumentsAndClaims(string[] actorNames, string[] topicNames)
        {
            using var document = Prepare("Documents", "Id", "Title", "Kind", "IssuedOn", "Language", "Note", "RawText", "Body", "ContentHash", "CreatedAt", "CreatedBy");
            using var signatory = Prepare("DocumentSignatories", "DocumentId", "ActorId", "Position", "IssuedOn");
            using var sentence = Prepare("DocumentSentences", "DocumentId", "Ordinal", "Start", "End");
            using var claim = Prepare("Claims", "Id", "DocumentId", "Start", "End", "Exact", "Prefix", "Suffix", "Stance", "Intensity", "TopicId",
                "TargetActorId", "Implicit", "Negated", "Status", "CuratedBy", "CuratedAt", "CreatedAt", "Version");
            using var holder = Prepare("ClaimHolders", "ClaimId", "ActorId");

            // Ranks are shuffled against ids, so the busiest topics sit anywhere in the tree.
            var actorPick = new Zipf(options.Actors, 1.0, random);
            var topicPick = new Zipf(options.Topics, 0.9, random);
            var claimsPer = Spread(options.Claims, options.Documents);
            var first = new DateOnly(2001, 1, 1);
            var days = new DateOnly(2025, 12, 31).DayNumber - first.DayNumber;
            var body = new StringBuilder();
            var spans = new List<(int Start, int End, string[] Holders, Stance Stance, bool Negated, int Topic)>();
            var signatories = new List<int>();
            var holders = new List<int>();
            int claimId = 0, holderRows = 0;
            for (var documentId = 1; documentId <= options.Documents; documentId++)
            {
                // Most statements have one to three parties; a few are multilateral.
                signatories.Clear();
                var parties = Math.Min(options.Actors, random.NextDouble() switch { < 0.35 => 1, < 0.75 => 2, < 0.9 => 3, _ => random.Next(4, 9) });
                while (signatories.Count < parties)
                {
                    var actor = actorPick.Next();
                    if (!signatories.Contains(actor))
                    {
                        signatories.Add(actor);
                    }
                }

                body.Clear();
                spans.Clear();
                var parties_ = string.Join(" and ", signatories.Select(a => actorNames[a]));
                body.Append(string.Create(CultureInfo.InvariantCulture, $"Synthetic statement {documentId} of {parties_}.\n"));
                for (var i = 0; i < claimsPer[documentId - 1]; i++)
                {
                    // A joint statement speaks for all its parties; now and then one party speaks for itself.
                    var own = signatories.Count > 1 && random.NextDouble() < 0.25;
                    var by = own ? [actorNames[signatories[random.Next(signatories.Count)]]] : signatories.Select(a => actorNames[a]).ToArray();
                    var stance = Stances[Pick(StanceWeights)];
                    var negated = random.NextDouble() < 0.05;
                    var topic = topicPick.Next();
                    var start = body.Length;
                    body.Append(own ? by[0] : "The Sides").Append(' ').Append(negated ? NegatedVerbs[(int)stance] : Verbs[(int)stance]).Append(' ').Append(topicNames[topic]).Append('.');
                    spans.Add((start, body.Length, by, stance, negated, topic));
                    body.Append(' ');
                }

                var text = body.ToString().TrimEnd();
                var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
                var issuedOn = first.AddDays(random.Next(days + 1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                Run(document, documentId, string.Create(CultureInfo.InvariantCulture, $"Synthetic statement {documentId:00000}"),
                    signatories.Count > 1 ? "joint_statement" : "press_release", issuedOn, Languages.English, Marker, text, text, hash, now, Marker);
                for (var i = 0; i < signatories.Count; i++)
                {
                    Run(signatory, documentId, signatories[i], i, issuedOn);
                }

                for (var i = 0; i < spans.Count; i++)
                {
                    var (start, end, by, stance, negated, topic) = spans[i];
                    Run(sentence, documentId, i, start, end);
                    claimId++;
                    var status = random.NextDouble() switch { < 0.90 => "Accepted", < 0.98 => "Suggested", _ => "Rejected" };
                    var targeted = stance is Stance.Concerned or Stance.Opposes or Stance.Condemns && random.NextDouble() < 0.3;
                    Run(claim, claimId, documentId, start, end, text[start..end], text[Math.Max(0, start - 32)..start], text[end..Math.Min(text.Length, end + 32)],
                        stance.Code(), Math.Clamp(stance.DefaultIntensity() + random.Next(-1, 2), StanceRules.MinIntensity, StanceRules.MaxIntensity), topic,
                        targeted ? actorPick.Next() : null, targeted && random.NextDouble() < 0.3, negated, status,
                        status == "Suggested" ? null : Marker, status == "Suggested" ? null : now, now, 1);
                    holders.Clear();
                    holders.AddRange(by.Length == 1 ? [Array.IndexOf(actorNames, by[0])] : signatories);
                    foreach (var actor in holders)
                    {
                        Run(holder, claimId, actor);
                        holderRows++;
                    }
                }
            }

            return (claimId, holderRows);
        }

        /// <summary>Claims per document: lognormal around the mean, so some documents are long; totals exact.</summary>
        private int[] Spread(int total, int documents)
        {
            var weights = Enumerable.Range(0, documents).Select(_ => Math.Exp(0.7 * Gaussian())).ToArray();
            var sum = weights.Sum();
            var counts = weights.Select(w => (int)(total * w / sum)).ToArray();
            for (var left = total - counts.Sum(); left > 0; left--)
            {
                counts[random.Next(documents)]++;
            }

            return counts;
        }

        private double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

        private int Pick(double[] weights)
        {
            var r = random.NextDouble() * weights.Sum();
            for (var i = 0; i < weights.Length; i++)
            {
                if ((r -= weights[i]) < 0)
                {
                    return i;
                }
            }

            return weights.Length - 1;
        }

        private static string IsoCode(int id) => string.Concat((char)('A' + id / 676 % 26), (char)('A' + id / 26 % 26), (char)('A' + id % 26));

        private SqliteCommand Prepare(string table, params string[] columns)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
            for (var i = 0; i < columns.Length; i++)
            {
                command.Parameters.Add(new SqliteParameter($"$p{i}", null));
            }

            command.Prepare();
            return command;
        }

        private static void Run(SqliteCommand command, params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
        }

        private int Execute(string sql)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            return command.ExecuteNonQuery();
        }
    }

    /// <summary>Draws 1..n with probability proportional to 1/rank^s, ranks shuffled over the ids.</summary>
    private sealed class Zipf
    {
        private readonly double[] cumulative;
        private readonly int[] idOfRank;
        private readonly Random random;

        public Zipf(int n, double s, Random random)
        {
            this.random = random;
            cumulative = new double[n];
            var total = 0.0;
            for (var rank = 1; rank <= n; rank++)
            {
                total += 1 / Math.Pow(rank, s);
                cumulative[rank - 1] = total;
            }

            idOfRank = Enumerable.Range(1, n).ToArray();
            random.Shuffle(idOfRank);
        }

        public int Next()
        {
            var index = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
            return idOfRank[index < 0 ? ~index : index];
        }
    }
}
