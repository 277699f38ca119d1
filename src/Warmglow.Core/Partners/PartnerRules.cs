using Warmglow.Core.Validation;

namespace Warmglow.Core.Partners;

/// <summary>What makes a partner (organization) and a contact valid. Field names match the API's JSON.</summary>
public static class PartnerRules
{
    public const int NameMax = 200;
    public const int ShortTextMax = 100;
    public const int NotesMax = 4000;

    public static FieldErrors Validate(string? name, string? website, string? industry, string? size, string? region, string? notes, string prefix = "") =>
        new FieldErrors()
            .Required(prefix + "name", name, NameMax)
            .Url(prefix + "website", website)
            .Optional(prefix + "industry", industry, ShortTextMax)
            .Optional(prefix + "size", size, ShortTextMax)
            .Optional(prefix + "region", region, ShortTextMax)
            .Optional(prefix + "notes", notes, NotesMax);

    public static FieldErrors ValidateContact(string? name, string? email, string? title, string? phone, string prefix = "") =>
        new FieldErrors()
            .Required(prefix + "name", name, NameMax)
            .Email(prefix + "email", email)
            .Optional(prefix + "title", title, ShortTextMax)
            .Optional(prefix + "phone", phone, 40);
}
