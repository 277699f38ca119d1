using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Warmglow.Core.Validation;
using Warmglow.Web.Data;

namespace Warmglow.Web.Infrastructure;

/// <summary>Input broke a rule; carries field → messages, becomes a 400 ValidationProblem.</summary>
public sealed class ValidationFailed(FieldErrors errors, string? title = null) : Exception(title ?? "One or more fields are invalid.")
{
    public FieldErrors Errors { get; } = errors;

    public static void ThrowIfAny(FieldErrors errors)
    {
        if (!errors.IsEmpty) throw new ValidationFailed(errors);
    }

    public static ValidationFailed For(string field, string message)
    {
        var e = new FieldErrors();
        e.Add(field, message);
        return new ValidationFailed(e);
    }
}

/// <summary>The thing asked for does not exist in this workspace (or is not visible to this user).</summary>
public sealed class NotFound(string what) : Exception($"{what} was not found.");

/// <summary>The caller may read the thing but not do this to it (a 403 with a reason).</summary>
public sealed class Forbidden(string message) : Exception(message);

/// <summary>The request conflicts with the current state (a stale version, a duplicate).</summary>
public sealed class Conflict(string message) : Exception(message);

/// <summary>Turns every failure into an RFC 9457 ProblemDetails a person can act on.</summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        ProblemDetails problem = exception switch
        {
            ValidationFailed v => new HttpValidationProblemDetails(v.Errors.ToDictionary())
            {
                Status = 400, Title = v.Message, Detail = v.Errors.ToString(),
            },
            NotFound n => new ProblemDetails { Status = 404, Title = "Not found", Detail = n.Message },
            Conflict c => new ProblemDetails { Status = 409, Title = "Conflict", Detail = c.Message },
            Forbidden f => new ProblemDetails { Status = 403, Title = "Forbidden", Detail = f.Message },
            DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = 409, Title = "Edited by someone else",
                Detail = "Someone else saved a change to this record after you loaded it. Reload it to see their change, then apply yours again.",
            },
            DbUpdateException d when DbErrors.IsForeignKeyViolation(d) => new ProblemDetails
            {
                Status = 409, Title = "Still in use",
                Detail = "This cannot be changed or deleted because other records still refer to it (for example a ledger, an agreement or a member). Nothing was changed.",
            },
            DbUpdateException d when DbErrors.IsUniqueViolation(d) => new ProblemDetails
            {
                Status = 409, Title = "Already exists", Detail = "Something with the same name or key already exists. Nothing was changed.",
            },
            BadHttpRequestException { InnerException: JsonException j } => new ProblemDetails
            {
                Status = 400, Title = "Malformed JSON", Detail = DescribeJson(j),
            },
            InvalidDataException when http.Request.HasFormContentType => new ProblemDetails
            {
                Status = 400, Title = "Malformed form data", Detail = "The uploaded form could not be read: send multipart/form-data with a file field.",
            },
            BadHttpRequestException b => new ProblemDetails { Status = b.StatusCode, Title = "Bad request", Detail = b.Message },
            _ => new ProblemDetails { Status = 500, Title = "Something went wrong on our side", Detail = "The error was logged." },
        };
        if (problem.Status == 500) log.LogError(exception, "Unhandled error on {Path}", http.Request.Path);
        http.Response.StatusCode = problem.Status!.Value;
        // Pages get the friendly error page (status code pages re-execute /Error); the API gets ProblemDetails.
        if (!http.Request.Path.StartsWithSegments("/api")) return true;
        return await problems.TryWriteAsync(new() { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    static string DescribeJson(JsonException j)
    {
        var field = string.IsNullOrEmpty(j.Path) || j.Path == "$" ? "the body" : $"field '{j.Path.TrimStart('$', '.')}'";
        var reason = j.InnerException?.Message ?? j.Message;
        if (reason.Contains("could not be converted", StringComparison.Ordinal)) reason = "the value has the wrong type or is not one of the allowed values";
        return $"Could not read {field}: {reason}";
    }
}
