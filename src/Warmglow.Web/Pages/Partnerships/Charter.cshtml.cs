using Microsoft.AspNetCore.Mvc;
using Warmglow.Core.Agreements;
using Warmglow.Web.Features.Agreements;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Partnerships;

/// <summary>The partnership charter: both sides side by side, misalignments highlighted next to the fields.</summary>
public class CharterModel(CharterService charters) : WarmglowPage
{
    public sealed class SideForm
    {
        public string? PrimaryObjective { get; set; }
        public string? SecondaryObjective { get; set; }
        public string? TertiaryObjective { get; set; }
        public int? MonthsToFirstValue { get; set; }
        public string? TimelineNotes { get; set; }
        public string? ResourceCommitments { get; set; }
        public string? SuccessMetrics { get; set; }
        public string? CommunicationChannel { get; set; }
        public MeetingCadence? MeetingCadence { get; set; }

        public CharterSide ToSide() => new()
        {
            PrimaryObjective = PrimaryObjective, SecondaryObjective = SecondaryObjective, TertiaryObjective = TertiaryObjective,
            MonthsToFirstValue = MonthsToFirstValue, TimelineNotes = TimelineNotes, ResourceCommitments = ResourceCommitments,
            SuccessMetrics = (SuccessMetrics ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList(),
            CommunicationChannel = CommunicationChannel, MeetingCadence = MeetingCadence,
        };

        public static SideForm From(CharterSide s) => new()
        {
            PrimaryObjective = s.PrimaryObjective, SecondaryObjective = s.SecondaryObjective, TertiaryObjective = s.TertiaryObjective,
            MonthsToFirstValue = s.MonthsToFirstValue, TimelineNotes = s.TimelineNotes, ResourceCommitments = s.ResourceCommitments,
            SuccessMetrics = string.Join("\n", s.SuccessMetrics), CommunicationChannel = s.CommunicationChannel, MeetingCadence = s.MeetingCadence,
        };
    }

    public sealed class CharterForm
    {
        public SideForm Ours { get; set; } = new();
        public SideForm Theirs { get; set; } = new();
    }

    [BindProperty(SupportsGet = true)] public int PartnershipId { get; set; }
    [BindProperty] public CharterForm Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public CharterDto Charter { get; private set; } = null!;
    public bool CanManage { get; private set; }

    async Task LoadAsync(bool fillForm)
    {
        Charter = await charters.GetAsync(PartnershipId);
        CanManage = await AllowedAsync(Policies.Manage);
        if (fillForm)
        {
            Input = new() { Ours = SideForm.From(Charter.Ours), Theirs = SideForm.From(Charter.Theirs) };
            Version = Charter.Version;
        }
    }

    public Task OnGetAsync() => LoadAsync(true);

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        if (await TryAsync(() => charters.SaveAsync(PartnershipId, new(Input.Ours.ToSide(), Input.Theirs.ToSide(), Version))))
        {
            Flash("Charter saved.");
            return Redirect($"/Partnerships/Charter/{PartnershipId}");
        }
        await LoadAsync(false);
        return Page();
    }

    /// <summary>Misalignment messages that concern a field ("ours.primaryObjective").</summary>
    public IEnumerable<string> Flags(string field) => Charter.Misalignments.Where(m => m.Fields.Contains(field)).Select(m => m.Message);

    public string? ErrorFor(string field)
    {
        var key = $"Input.{char.ToUpperInvariant(field[0])}{field[1..]}";
        var list = ModelState.Where(e => e.Key.StartsWith(key, StringComparison.OrdinalIgnoreCase)).SelectMany(e => e.Value!.Errors).Select(e => e.ErrorMessage).ToList();
        return list.Count == 0 ? null : string.Join(" ", list);
    }
}
