using Bogus;
using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Partnerships;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Partners;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Features.Workspaces;

namespace Warmglow.Web.Features.Demo;

/// <summary>
/// Fills a workspace with realistic volume (Bogus) for benchmarks and for trying the UI at scale:
/// partners with contacts, one partnership each with a legal stage history walked along <see cref="Lifecycle"/>.
/// Deterministic for a given seed.
/// </summary>
public sealed class DataGenerator(WarmglowDb db)
{
    static readonly string[] Industries = ["Fitness & Yoga", "Food & Grocery", "Software", "Logistics", "Healthcare", "Hospitality", "Education", "Retail", "Media", "Research", "Corporate Services"];
    static readonly string[] Regions = ["North America", "Europe", "UK & Ireland", "Asia Pacific", "Latin America"];
    static readonly string[] Sizes = ["1-10", "11-50", "51-200", "201-1000", "1000+"];

    /// <summary>Startup switch --generate N: creates workspace "Generated" (if missing) and adds N partners to it.</summary>
    public static async Task RunAsync(IServiceProvider services, int count, ILogger log)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WarmglowDb>();
        var workspace = await db.Workspaces.FirstOrDefaultAsync(w => w.Name == "Generated");
        if (workspace is null)
        {
            workspace = new Workspace { Name = "Generated", CreatedAt = db.UtcNow };
            db.Workspaces.Add(workspace);
            await db.SaveChangesAsync();
        }
        db.Tenant.Use(workspace.Id, "data generator");
        var started = System.Diagnostics.Stopwatch.StartNew();
        await scope.ServiceProvider.GetRequiredService<DataGenerator>().GenerateAsync(count, seed: 7,
            progress: done => log.LogInformation("--generate: {Done}/{Count} partners", done, count));
        log.LogInformation("--generate: {Count} partners in workspace 'Generated' in {Seconds:0.0} s", count, started.Elapsed.TotalSeconds);
    }

    public async Task GenerateAsync(int count, int seed = 7, int batchSize = 1000, Action<int>? progress = null, CancellationToken ct = default)
    {
        Randomizer.Seed = new Random(seed);
        var faker = new Faker("en");
        var now = db.UtcNow;
        var types = Enum.GetValues<PartnershipType>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var done = 0; done < count;)
        {
            var n = Math.Min(batchSize, count - done);
            for (var i = 0; i < n; i++)
            {
                var company = faker.Company.CompanyName();
                var domain = $"{new string(company.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray())}{done + i}.example";
                var partner = new Partner
                {
                    Name = $"{company} #{done + i + 1}", Website = $"https://{domain}", Industry = faker.PickRandom(Industries),
                    Region = faker.PickRandom(Regions), Size = faker.PickRandom(Sizes), Notes = faker.Company.CatchPhrase(),
                    Contacts = Enumerable.Range(0, faker.Random.Int(0, 3)).Select(_ =>
                    {
                        var person = new Bogus.Person("en");
                        return new Contact { Name = person.FullName, Email = $"{person.FirstName.ToLowerInvariant()}@{domain}", Title = faker.Name.JobTitle(), Phone = null };
                    }).ToList(),
                };
                var type = faker.PickRandom(types);
                var startedDaysAgo = faker.Random.Int(30, 900);
                var partnership = new Partnership
                {
                    Name = $"{partner.Name} — {PartnershipTypes.Get(type).Name}", Type = type, Stage = PartnershipStage.Prospect,
                    StartDate = DateOnly.FromDateTime(now.AddDays(-startedDaysAgo)),
                };
                partnership.Members.Add(new PartnershipMember { Partner = partner, IsLead = true });
                partnership.Transitions.Add(new StageTransition { ToStage = PartnershipStage.Prospect, Reason = "Added to the pipeline.", ByUserName = "data generator", At = now.AddDays(-startedDaysAgo) });
                var day = startedDaysAgo;
                for (var step = faker.Random.Int(0, 10); step > 0 && day > 1; step--)
                {
                    var moves = Lifecycle.AllowedMoves(partnership.Stage, partnership.HeldFromStage);
                    if (moves.Count == 0) break;
                    // Mostly forward: the first allowed move is the next pipeline stage (or the resume from hold).
                    var to = faker.Random.Double() < 0.85 ? moves[0] : faker.PickRandom(moves.ToArray());
                    day = faker.Random.Int(0, day - 1);
                    partnership.Transitions.Add(new StageTransition { FromStage = partnership.Stage, ToStage = to, Reason = faker.Lorem.Sentence(), ByUserName = "data generator", At = now.AddDays(-day) });
                    partnership.HeldFromStage = to == PartnershipStage.OnHold ? partnership.Stage : null;
                    partnership.Stage = to;
                }
                db.Partners.Add(partner);
                db.Partnerships.Add(partnership);
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            done += n;
            progress?.Invoke(done);
        }
        db.ChangeTracker.AutoDetectChangesEnabled = true;
    }
}
