using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Warmglow.Web.Features.Strategy;
using Warmglow.Web.Features.Users;

namespace Warmglow.Web.Pages.Strategy;

[Authorize(Policy = Policies.Manage)]
public class StatementModel(StrategyService strategy) : WarmglowPage
{
    public sealed class StatementForm
    {
        public string? WhatWeNeed { get; set; }
        public string? WhatWeCanGive { get; set; }
        public string? WhoCanHelp { get; set; }
        public string? Strengths { get; set; }
        public string? Weaknesses { get; set; }
        public string? Opportunities { get; set; }
        public string? Threats { get; set; }
    }

    [BindProperty] public StatementForm Input { get; set; } = new();
    [BindProperty] public int Version { get; set; }

    public async Task OnGetAsync()
    {
        var s = await strategy.GetStatementAsync();
        Input = new StatementForm
        {
            WhatWeNeed = s.WhatWeNeed, WhatWeCanGive = s.WhatWeCanGive, WhoCanHelp = s.WhoCanHelp,
            Strengths = Join(s.Strengths), Weaknesses = Join(s.Weaknesses), Opportunities = Join(s.Opportunities), Threats = Join(s.Threats),
        };
        Version = s.Version;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var input = new StatementInput(Input.WhatWeNeed, Input.WhatWeCanGive, Input.WhoCanHelp,
            Lines(Input.Strengths), Lines(Input.Weaknesses), Lines(Input.Opportunities), Lines(Input.Threats), Version);
        if (!await TryAsync(() => strategy.SaveStatementAsync(input))) return Page();
        Flash("Strategy statement saved.");
        return Redirect("/Strategy");
    }

    static string Join(IReadOnlyList<string> items) => string.Join("\n", items);

    /// <summary>One entry per line; blank lines are skipped.</summary>
    internal static List<string?> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select(l => (string?)l).ToList();
}
