using System.Buffers.Binary;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Warmglow.Core.Measurement;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Health;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Tests;

public sealed class SqliteSurveyAnonymityTests(SqliteApp app) : SurveyAnonymityTests<SqliteApp>(app)
{
    /// <summary>
    /// The attacker of docs/decisions/0010 on SQLite: copies of warmglow.db and warmglow.db-wal taken after every single
    /// response, parsed frame by frame into commits. A reader is held open so that SQLite cannot reset the WAL: every
    /// commit of the round stays readable, as it would in a backup taken before a checkpoint.
    /// </summary>
    [SkippableFact]
    public async Task WalAndPages_NeverHoldAnAnswerInTheCommitOfItsFlag_NorBeforeItsBatchOfThree()
    {
        var (round, clients, markers) = await RoundAsync("Forensic", 4);
        var path = new SqliteConnectionStringBuilder(App.Services.GetRequiredService<DatabaseOptions>().ConnectionString).DataSource;
        await using (var probe = new SqliteConnection($"Data Source={path}"))
        {
            await probe.OpenAsync();
            await using var mode = probe.CreateCommand();
            mode.CommandText = "PRAGMA journal_mode";
            Assert.Equal("wal", (string)(await mode.ExecuteScalarAsync())!);
        }
        var reader = new SqliteConnection($"Data Source={path};Pooling=False");
        await reader.OpenAsync();
        await using (var begin = reader.CreateCommand())
        {
            begin.CommandText = "BEGIN; SELECT COUNT(*) FROM \"SurveyRecipients\";";
            await begin.ExecuteScalarAsync();
        }

        for (var i = 0; i < 3; i++)
        {
            await Answer(clients[i], round, markers[i]);
            var image = Files.Read(path);
            // Not yet three people: nothing of theirs is anywhere in the files.
            if (i < 2)
                for (var j = 0; j <= i; j++)
                    Assert.False(image.Contains(markers[j]), $"response {j + 1}'s answer is in the database files before its batch of three");
            AssertNoCommitLinks(image, markers, path);
        }
        var afterThree = Files.Read(path);
        var batch = afterThree.Commits.Where(c => markers.Take(3).Any(m => c.Contains(m))).ToList();
        var release = Assert.Single(batch); // all three answers in one commit, together
        Assert.All(markers.Take(3), m => Assert.True(release.Contains(m)));

        // Let SQLite checkpoint again; the fourth response waits for the close, then joins the final rewrite.
        await using (var end = reader.CreateCommand()) { end.CommandText = "COMMIT"; await end.ExecuteNonQueryAsync(); }
        await reader.DisposeAsync();
        await Answer(clients[3], round, markers[3]);
        var afterFour = Files.Read(path);
        Assert.False(afterFour.Contains(markers[3]), "the fourth response is in the files before the round closed");
        AssertNoCommitLinks(afterFour, markers, path);
        Assert.Equal(HttpStatusCode.NoContent, (await Manager.PostAsync($"/api/surveys/{round}/close", null)).StatusCode);
        var closed = Files.Read(path);
        Assert.Empty(closed.Commits); // checkpointed and truncated: no page history left in the -wal file
        // secure_delete: the rewritten answers left no stale copies in freed space; each text is there exactly once.
        Assert.All(markers, m => Assert.Equal(1, closed.Count(m)));
    }

    static void AssertNoCommitLinks(Files image, IReadOnlyList<string> markers, string path)
    {
        var recipientPages = image.RecipientPages(path);
        Assert.NotEmpty(recipientPages);
        foreach (var commit in image.Commits)
        {
            var answers = markers.Count(commit.Contains);
            if (answers == 0) continue;
            Assert.False(commit.Pages.Keys.Any(recipientPages.Contains), "a commit holds both answer content and participation flags");
            Assert.True(answers >= 3, $"a commit holds the answers of only {answers} respondent(s)");
        }
    }

    /// <summary>A SQLite database file and its WAL as bytes, the WAL split into commits (frames up to a commit frame).</summary>
    sealed class Files
    {
        public required byte[] Db { get; init; }
        public required byte[] Wal { get; init; }
        public required List<Commit> Commits { get; init; }
        public int PageSize { get; init; }

        public static Files Read(string path)
        {
            var db = ReadShared(path);
            var wal = File.Exists(path + "-wal") ? ReadShared(path + "-wal") : [];
            var commits = new List<Commit>();
            int pageSize = BinaryPrimitives.ReadUInt16BigEndian(db.AsSpan(16));
            if (pageSize == 1) pageSize = 65536;
            if (wal.Length >= 32)
            {
                var walPage = (int)BinaryPrimitives.ReadUInt32BigEndian(wal.AsSpan(8));
                uint salt1 = BinaryPrimitives.ReadUInt32BigEndian(wal.AsSpan(16)), salt2 = BinaryPrimitives.ReadUInt32BigEndian(wal.AsSpan(20));
                var current = new Dictionary<int, byte[]>();
                for (var off = 32; off + 24 + walPage <= wal.Length; off += 24 + walPage)
                {
                    var frame = wal.AsSpan(off);
                    if (BinaryPrimitives.ReadUInt32BigEndian(frame[8..]) != salt1 || BinaryPrimitives.ReadUInt32BigEndian(frame[12..]) != salt2) break;
                    current[(int)BinaryPrimitives.ReadUInt32BigEndian(frame)] = frame.Slice(24, walPage).ToArray();
                    if (BinaryPrimitives.ReadUInt32BigEndian(frame[4..]) != 0) { commits.Add(new Commit(current)); current = []; }
                }
            }
            return new Files { Db = db, Wal = wal, Commits = commits, PageSize = pageSize };
        }

        static byte[] ReadShared(string file)
        {
            using var s = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var m = new MemoryStream();
            s.CopyTo(m);
            return m.ToArray();
        }

        public bool Contains(string marker) => Count(marker) > 0;
        public int Count(string marker) => Occurrences(Db, marker) + Occurrences(Wal, marker);

        /// <summary>The latest image of a page: the last committed WAL frame for it, else the database file's.</summary>
        byte[] Page(int number) =>
            Commits.LastOrDefault(c => c.Pages.ContainsKey(number))?.Pages[number] ?? Db.AsSpan((number - 1) * PageSize, PageSize).ToArray();

        /// <summary>Every b-tree page of the participation table and its indexes (what flipping a flag rewrites).</summary>
        public HashSet<int> RecipientPages(string path)
        {
            var roots = new List<int>();
            using (var conn = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False"))
            {
                conn.Open();
                using var cmd = conn.CreateCommand();
                cmd.CommandText = "SELECT rootpage FROM sqlite_master WHERE tbl_name = 'SurveyRecipients' AND rootpage > 0";
                using var r = cmd.ExecuteReader();
                while (r.Read()) roots.Add(r.GetInt32(0));
            }
            var pages = new HashSet<int>();
            var todo = new Stack<int>(roots);
            while (todo.Count > 0)
            {
                var n = todo.Pop();
                if (!pages.Add(n)) continue;
                var data = Page(n);
                var h = n == 1 ? 100 : 0;
                if (data[h] is not (2 or 5)) continue; // leaf
                var cells = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(h + 3));
                todo.Push((int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(h + 8)));
                for (var i = 0; i < cells; i++)
                    todo.Push((int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(h + 12 + 2 * i)))));
            }
            return pages;
        }
    }

    sealed record Commit(Dictionary<int, byte[]> Pages)
    {
        public bool Contains(string marker) => Pages.Values.Any(p => Occurrences(p, marker) > 0);
    }

    static int Occurrences(byte[] haystack, string marker)
    {
        var needle = Encoding.UTF8.GetBytes(marker);
        var count = 0;
        for (var i = haystack.AsSpan().IndexOf(needle); i >= 0;)
        {
            count++;
            var next = haystack.AsSpan(i + 1).IndexOf(needle);
            i = next < 0 ? -1 : i + 1 + next;
        }
        return count;
    }
}

public sealed class PostgresSurveyAnonymityTests(PostgresApp app) : SurveyAnonymityTests<PostgresApp>(app);

/// <summary>Anonymous answers are stored only in shuffled batches of three or more, never with their flags (0010, threat model).</summary>
public abstract class SurveyAnonymityTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TestApp
{
    protected TApp App { get; } = app;
    protected HttpClient Manager { get; private set; } = null!;
    TestWorkspace _ws = null!;

    protected async Task<(int Round, List<HttpClient> Clients, List<string> Markers)> RoundAsync(string name, int people)
    {
        Skip.If(App.Provider == DatabaseProvider.Postgres && PostgresApp.Unavailable is not null, PostgresApp.Unavailable);
        _ws = await App.CreateWorkspaceAsync(name);
        Manager = await _ws.As(Roles.Manager);
        var partner = await (await Manager.PostJson("/api/partners", new { name = $"{name} partner" })).Read<PartnerDto>();
        var partnership = await (await Manager.PostJson("/api/partnerships", new { name = $"{name} alliance", type = "CoMarketing", partnerId = partner.Id })).Read<PartnershipDto>();
        var emails = new List<string>();
        for (var i = 0; i < people; i++) emails.Add(await _ws.NewUserAsync(Roles.Evaluator));
        var ids = new List<string>();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            foreach (var e in emails) ids.Add((await users.FindByEmailAsync(e))!.Id);
        }
        var round = await (await Manager.PostJson("/api/surveys", new { partnershipId = partnership.Id, templateKey = "quarterly-health", period = Quarter.Of(DateTime.UtcNow).Label, anonymous = true, recipientIds = ids })).Read<SurveyDto>();
        var clients = new List<HttpClient>();
        foreach (var e in emails) clients.Add(await App.ClientForAsync(e));
        return (round.Id, clients, Enumerable.Range(0, people).Select(i => $"zq{Guid.NewGuid():N}{i}"[..20]).ToList());
    }

    protected static async Task Answer(HttpClient client, int round, string marker)
    {
        // The marker is the one free answer ("connection"); the other free question is left empty.
        var answers = HealthSurveys.Quarterly.Questions.Where(q => q.Key != "improve").ToDictionary(q => q.Key, q => q.Kind switch
        {
            QuestionKind.Text => (object)new { text = marker },
            QuestionKind.Nps => new { score = 8 },
            _ => new { score = 4 },
        });
        var r = await client.PostJson($"/api/surveys/{round}/responses", new { answers });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
    }

    /// <summary>Every row of every table, as text: what a database dump or backup shows.</summary>
    async Task<string> DumpAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
        var sb = new StringBuilder();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).Where(t => t is not null).Distinct())
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                for (var i = 0; i < reader.FieldCount; i++)
                    sb.Append(reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
        }
        return sb.ToString();
    }

    async Task<int> Responded(int round)
    {
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Tenant>().Use(_ws.Id);
        return await scope.ServiceProvider.GetRequiredService<WarmglowDb>().SurveyRecipients.CountAsync(r => r.SurveyRoundId == round && r.Responded);
    }

    [SkippableFact]
    public async Task AnonymousAnswers_ReachTheDatabaseOnlyInBatchesOfThree_OrAtClose()
    {
        var (round, clients, markers) = await RoundAsync("Batches", 5);
        for (var i = 0; i < 5; i++)
        {
            await Answer(clients[i], round, markers[i]);
            Assert.Equal(i + 1, await Responded(round)); // the flag is committed at once
            var dump = await DumpAsync();
            var stored = markers.Count(dump.Contains);
            Assert.Equal(i < 2 ? 0 : 3, stored); // 1, 2: held; 3: released together; 4, 5: held until the close
        }
        // A second answer is still refused, and results stay hidden while the round is open.
        var again = await clients[0].PostJson($"/api/surveys/{round}/responses", new { answers = new Dictionary<string, object>() });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.False((await (await Manager.GetAsync($"/api/surveys/{round}/results")).Read<SurveyResultsDto>()).Visible);

        Assert.Equal(HttpStatusCode.NoContent, (await Manager.PostAsync($"/api/surveys/{round}/close", null)).StatusCode);
        var closed = await DumpAsync();
        Assert.All(markers, m => Assert.Contains(m, closed));
        var results = await (await Manager.GetAsync($"/api/surveys/{round}/results")).Read<SurveyResultsDto>();
        Assert.True(results.Visible);
        Assert.Equal(5, results.Responses);
        Assert.Equal(5, results.Texts.First(t => t.QuestionKey == "connection").Answers.Count);
    }

    [SkippableFact]
    public async Task ARoundClosedWithFewerThanThreeRespondents_NeverStoresTheirAnswers()
    {
        var (round, clients, markers) = await RoundAsync("Too few", 3);
        await Answer(clients[0], round, markers[0]);
        await Answer(clients[1], round, markers[1]);
        Assert.Equal(HttpStatusCode.NoContent, (await Manager.PostAsync($"/api/surveys/{round}/close", null)).StatusCode);
        var dump = await DumpAsync();
        Assert.DoesNotContain(markers[0], dump);
        Assert.DoesNotContain(markers[1], dump);
        Assert.Equal(2, await Responded(round));
        var results = await (await Manager.GetAsync($"/api/surveys/{round}/results")).Read<SurveyResultsDto>();
        Assert.False(results.Visible);
        Assert.Equal(HttpStatusCode.Conflict, (await clients[2].PostJson($"/api/surveys/{round}/responses", new { answers = new Dictionary<string, object>() })).StatusCode);
    }
}
