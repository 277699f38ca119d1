using Microsoft.AspNetCore.Mvc;
using Warmglow.Core.Knowledge;
using Warmglow.Core.Portfolio;
using Warmglow.Web.Features.Knowledge;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Pages.Knowledge;

public sealed class ArticleForm
{
    public string? Title { get; set; }
    public ArticleKind? Kind { get; set; } = ArticleKind.Playbook;
    public string? Tags { get; set; }
    public string? Body { get; set; }
    public bool Shared { get; set; }
    public List<Tier> Tiers { get; set; } = [];
    public string? Note { get; set; }
    public int? Version { get; set; }

    public ArticleInput ToInput() => new(Title, Kind, Body, Tags, Shared, Tiers, Version, Note);
}

/// <summary>Write a new article or edit one (each save is a new version); managers and admins.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Policies.Manage)]
public class EditModel(KnowledgeService knowledge) : WarmglowPage
{
    [BindProperty] public ArticleForm Input { get; set; } = new();
    public int? Id { get; private set; }
    public bool IsLesson { get; private set; }

    public async Task OnGetAsync(int? id)
    {
        Id = id;
        if (id is not { } i) return;
        var a = await knowledge.GetAsync(i, HttpContext.RequestAborted);
        IsLesson = a.Kind == ArticleKind.LessonLearned;
        Input = new ArticleForm { Title = a.Title, Kind = a.Kind, Tags = string.Join(", ", a.Tags), Body = a.Body, Shared = a.Shared, Tiers = a.Tiers.ToList(), Version = a.Version };
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        ModelState.Clear();
        Id = id;
        ArticleDto? saved = null;
        if (await TryAsync(async () => saved = id is { } i
                ? await knowledge.UpdateAsync(i, Input.ToInput(), HttpContext.RequestAborted)
                : await knowledge.CreateAsync(Input.ToInput(), HttpContext.RequestAborted)))
        {
            Flash(id is null ? "Article saved." : $"Saved as version {saved!.Number}.");
            return Redirect($"/Knowledge/Article/{saved!.Id}");
        }
        IsLesson = Input.Kind == ArticleKind.LessonLearned;
        return Page();
    }
}
