using Warmglow.Core.Validation;
using Warmglow.Web.Features.Tasks;
using Warmglow.Web.Infrastructure;

namespace Warmglow.Web.Pages.Tasks;

/// <summary>What the task pages share: the field names people read, and the status choices.</summary>
public static class TaskForms
{
    /// <summary>Runs <paramref name="change"/>, renaming the API's fields ("assigneeId") to the form's ("assignee").</summary>
    public static async Task Renamed(Func<Task> change)
    {
        try
        {
            await change();
        }
        catch (ValidationFailed v)
        {
            var errors = new FieldErrors();
            foreach (var (field, messages) in v.Errors.ToDictionary())
                foreach (var m in messages)
                    errors.Add(field switch { "assigneeId" => "assignee", "partnershipId" => "partnership", "dueOn" => "due", _ => field }, m);
            throw new ValidationFailed(errors);
        }
    }

    public static readonly IReadOnlyList<WorkTaskStatus> Statuses = [WorkTaskStatus.Open, WorkTaskStatus.InProgress, WorkTaskStatus.Done, WorkTaskStatus.Dropped];
}

/// <summary>What the _TaskFields partial needs.</summary>
public sealed record TaskFieldsModel(string Prefix, TaskFormInput Input, bool HandMade, List<(int Id, string Name)> Partnerships, List<(string Id, string Name)> People);
