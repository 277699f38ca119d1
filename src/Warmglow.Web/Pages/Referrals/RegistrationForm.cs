using Warmglow.Core.Referrals;
using Warmglow.Web.Features.Referrals;

namespace Warmglow.Web.Pages.Referrals;

/// <summary>The registration form shared by the staff page and the portal (field names match the API's, under "Input").</summary>
public sealed class RegistrationForm
{
    public int? PartnershipId { get; set; }
    public int? PartnerId { get; set; }
    public RegistrationKind? Kind { get; set; } = RegistrationKind.Deal;
    public string? CompanyName { get; set; }
    public string? Website { get; set; }
    public string? Country { get; set; }
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactTitle { get; set; }
    public decimal? Amount { get; set; }
    public string? Currency { get; set; }
    public DateOnly? ExpectedCloseOn { get; set; }
    public string? Interests { get; set; }
    public string? Notes { get; set; }
    public string? InternalNotes { get; set; }

    public RegisterInput ToInput() => new(PartnershipId, PartnerId, Kind, CompanyName, Website, Country, ContactName, ContactEmail, ContactTitle,
        Amount, Currency, ExpectedCloseOn, Interests, Notes, InternalNotes);
}

/// <summary>What the fields partial needs: the form, the partnerships to choose from, and whether internal notes are offered.</summary>
public sealed record RegistrationFormView(RegistrationForm Input, IReadOnlyList<(int Id, string Name)> Partnerships, bool Staff);
