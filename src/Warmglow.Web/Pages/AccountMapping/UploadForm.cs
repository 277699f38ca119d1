using Warmglow.Web.Features.AccountMapping;

namespace Warmglow.Web.Pages.AccountMapping;

/// <summary>The upload form's fields (shared by our page and the portal); <see cref="Mapping"/> only carries its errors.</summary>
public sealed class UploadForm
{
    public string? Name { get; set; }
    public string? Kind { get; set; } = "customers";
    public string? NameColumn { get; set; }
    public string? WebsiteColumn { get; set; }
    public string? CountryColumn { get; set; }
    public string? TypeColumn { get; set; }
    public string? OwnerColumn { get; set; }
    public string? Mapping { get; set; }

    public UploadInput ToInput() => new(Name, Kind, NameColumn, WebsiteColumn, CountryColumn, TypeColumn, OwnerColumn);

    public static readonly (string Value, string Label)[] Kinds =
        [("customers", "Customers"), ("open opportunities", "Open opportunities"), ("prospects", "Prospects"), ("custom", "Custom")];
}
