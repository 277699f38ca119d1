using Microsoft.EntityFrameworkCore;
using Warmglow.Web.Features.Governance;

namespace Warmglow.Web.Data;

public abstract partial class WarmglowDb
{
    public DbSet<GovernancePerson> GovernancePeople => Set<GovernancePerson>();
    public DbSet<RaciMatrix> RaciMatrices => Set<RaciMatrix>();
    public DbSet<DecisionFrameworkSetting> DecisionFrameworks => Set<DecisionFrameworkSetting>();
    public DbSet<GovernanceDecision> GovernanceDecisions => Set<GovernanceDecision>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingNote> MeetingNotes => Set<MeetingNote>();
    public DbSet<MeetingAttendee> MeetingAttendees => Set<MeetingAttendee>();
    public DbSet<MeetingSeries> MeetingSeries => Set<MeetingSeries>();
    public DbSet<CadenceTemplate> CadenceTemplates => Set<CadenceTemplate>();
    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();
    public DbSet<PartnershipNote> PartnershipNotes => Set<PartnershipNote>();
    public DbSet<RaciProposal> RaciProposals => Set<RaciProposal>();

    [Infrastructure.Modules.ModelPart]
    void OnGovernanceModel(ModelBuilder b)
    {
        // Partner users see who governs their own partnership, its RACI matrix, its meetings and the notes shared with
        // them (chosen when written); the decision framework, the decision log and internal notes stay internal.
        b.Entity<GovernancePerson>().PartnerSees(p => CurrentPartnerId == null || p.Partnership!.Members.Any(m => m.PartnerId == CurrentPartnerId));
        b.Entity<Meeting>().PartnerSees(m => CurrentPartnerId == null || m.Partnership!.Members.Any(x => x.PartnerId == CurrentPartnerId));
        b.Entity<MeetingNote>().PartnerSees(n => CurrentPartnerId == null || (n.Shared && n.Meeting!.Partnership!.Members.Any(x => x.PartnerId == CurrentPartnerId)));
        // Cadences and attendees of their own partnership (the calendar shows them); their own calendar feeds.
        b.Entity<MeetingSeries>().PartnerSees(m => CurrentPartnerId == null || m.Partnership!.Members.Any(x => x.PartnerId == CurrentPartnerId));
        b.Entity<MeetingAttendee>().PartnerSees(a => CurrentPartnerId == null || a.Meeting!.Partnership!.Members.Any(x => x.PartnerId == CurrentPartnerId));
        b.Entity<CalendarFeed>().PartnerSees(f => CurrentPartnerId == null || f.UserId == CurrentUserId);
        b.Entity<RaciMatrix>().PartnerSees(m => CurrentPartnerId == null || m.Partnership!.Members.Any(x => x.PartnerId == CurrentPartnerId));
        // The timeline's free notes: shared ones (chosen when written) of their own partnerships; RACI proposals of their
        // own partnerships, with the outcome (the comment and the reason are shared by design).
        b.Entity<PartnershipNote>().PartnerSees(n => CurrentPartnerId == null || (n.Shared && n.Partnership!.Members.Any(x => x.PartnerId == CurrentPartnerId)));
        b.Entity<RaciProposal>().PartnerSees(p => CurrentPartnerId == null || p.Partnership!.Members.Any(x => x.PartnerId == CurrentPartnerId));
    }
}
