using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Partnerships;
using Warmglow.Web.Data;
using Warmglow.Web.Features.Partnerships;
using Warmglow.Web.Features.Users;

using Warmglow.Web.Features.Workspaces;

namespace Warmglow.Web.Pages.Partnerships;

[Authorize(Policy = Policies.Manage)]
public class EditModel(PartnershipService partnerships, UserService users, Pickers pickers, TimeProvider clock) : WarmglowPage
{
    /// <summary>The partner picker lists at most this many; larger workspaces start from the partner's page.</summary>
    const int PickerLimit = 500;

    public sealed class PartnershipForm
    {
        public string? Name { get; set; }
        public PartnershipType? Type { get; set; }
        public int? PartnerId { get; set; }
        public string? ManagerId { get; set; }
        public string? SponsorId { get; set; }
        public DateOnly? StartDate { get; set; }
        public string? Notes { get; set; }
        public int? PersonaId { get; set; }
        public bool NotesShared { get; set; }
        public PartnershipInput ToInput() => new(Name, Type, PartnerId, ManagerId, SponsorId, StartDate, Notes, PersonaId, NotesShared);
    }

    [BindProperty(SupportsGet = true)] public int? Id { get; set; }
    [BindProperty] public PartnershipForm Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }
    public List<(int Id, string Name)> Partners { get; private set; } = [];
    public List<(string Id, string Name)> Staff { get; private set; } = [];
    public List<(int Id, string Name)> Personas { get; private set; } = [];

    public async Task OnGetAsync(int? partnerId)
    {
        if (Id is { } id)
        {
            var p = await partnerships.GetAsync(id);
            Input = new PartnershipForm { Name = p.Name, Type = p.Type, ManagerId = p.Manager?.Id, SponsorId = p.Sponsor?.Id, StartDate = p.StartDate, Notes = p.Notes, NotesShared = p.NotesShared, PersonaId = p.Persona?.Id };
            Version = p.Version;
        }
        else
        {
            Input.PartnerId = partnerId;
            Input.ManagerId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
            Input.StartDate = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        }
        await LoadChoicesAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        int savedId = 0;
        if (await TryAsync(async () => savedId = Id is { } id
                ? (await partnerships.UpdateAsync(id, Input.ToInput(), Version)).Id
                : (await partnerships.CreateAsync(Input.ToInput())).Id))
        {
            Flash(Id is null ? "Partnership created in stage Prospect." : "Partnership saved.");
            return Redirect($"/Partnerships/{savedId}");
        }
        await LoadChoicesAsync();
        return Page();
    }

    async Task LoadChoicesAsync()
    {
        Staff = await users.StaffAsync();
        Personas = await pickers.PersonasAsync(PickerLimit);
        if (Id is not null) return;
        Partners = await pickers.PartnersAsync(PickerLimit, Input.PartnerId);
    }
}
