using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Warmglow.Web.Pages;

[IgnoreAntiforgeryToken]
public class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Something went wrong";
    public string Message { get; private set; } = "The error was logged. Try again, or go back.";

    public void OnGet(int? code) => Describe(code);
    public void OnPost(int? code) => Describe(code);

    void Describe(int? code)
    {
        (Title, Message) = code switch
        {
            404 => ("Not found", "There is nothing at this address in your workspace. It may have been deleted, or the link is wrong."),
            403 => ("Not allowed", "Your role does not allow this. Ask an admin of your workspace if you need it."),
            400 => ("Bad request", "The request could not be read."),
            _ => (Title, Message),
        };
    }
}
