using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.AccountMapping;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.AccountMapping;

/// <summary>A list's accounts, a page at a time: our own, or the partner's where they share all accounts.</summary>
public class RecordsModel(AccountMappingService mapping) : WarmglowPage
{
    public Paged<RecordDto> Result { get; private set; } = null!;
    public int Id { get; private set; }

    public async Task OnGetAsync(int id, [FromQuery(Name = "page")] int? page)
    {
        Id = id;
        Result = await mapping.RecordsAsync(id, page, null, MappingCaller.From(User), HttpContext.RequestAborted);
    }
}
