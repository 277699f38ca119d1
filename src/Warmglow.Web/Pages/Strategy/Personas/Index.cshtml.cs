using Microsoft.AspNetCore.Mvc.RazorPages;
using Warmglow.Web.Features.Strategy;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Strategy.Personas;

public class IndexModel(PersonaService personas) : PageModel
{
    public Paged<PersonaDto> Result { get; private set; } = null!;

    public async Task OnGetAsync([Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")] int? page) => Result = await personas.ListAsync(page, null);
}
