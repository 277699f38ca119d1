using Microsoft.AspNetCore.Mvc;
using Warmglow.Core.Knowledge;
using Warmglow.Web.Features.Knowledge;
using Warmglow.Web.Features.Users;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Knowledge;

public sealed class LessonsForm
{
    public string? WhatWorked { get; set; }
    public string? WhatDidNot { get; set; }
    public string? WhyEnded { get; set; }
    public PartnerAgain? PartnerAgain { get; set; }
    public string? Notes { get; set; }
    public string? Tags { get; set; }
    public int? Version { get; set; }

    public KnowledgeService.LessonsInput ToInput() => new(WhatWorked, WhatDidNot, WhyEnded, PartnerAgain, Notes, Tags, Version);
}

/// <summary>A partnership's lessons learned: staff read them, managers record or edit them (sunsetting or ended partnerships).</summary>
public class LessonsModel(KnowledgeService knowledge) : WarmglowPage
{
    [BindProperty] public LessonsForm Input { get; set; } = new();
    public KnowledgeService.LessonsDto Lessons { get; private set; } = null!;
    public bool CanManage { get; private set; }

    async Task LoadAsync(int partnershipId)
    {
        Lessons = await knowledge.LessonsAsync(partnershipId, HttpContext.RequestAborted);
        CanManage = await AllowedAsync(Policies.Manage);
    }

    public async Task OnGetAsync(int partnershipId)
    {
        await LoadAsync(partnershipId);
        var l = Lessons;
        Input = new LessonsForm { WhatWorked = l.WhatWorked, WhatDidNot = l.WhatDidNot, WhyEnded = l.WhyEnded, PartnerAgain = l.PartnerAgain, Notes = l.Notes,
            Tags = string.Join(", ", l.Tags.Where(t => t != "lesson learned")), Version = l.Version };
    }

    [RequirePolicy(Policies.Manage)]
    public async Task<IActionResult> OnPostAsync(int partnershipId)
    {
        ModelState.Clear();
        KnowledgeService.LessonsDto? saved = null;
        if (await TryAsync(async () => saved = await knowledge.SaveLessonsAsync(partnershipId, Input.ToInput(), HttpContext.RequestAborted)))
        {
            Flash("Lessons learned saved. They are in the knowledge base as an internal article.");
            return Redirect($"/Knowledge/Article/{saved!.ArticleId}");
        }
        await LoadAsync(partnershipId);
        return Page();
    }
}
