using System.Net.Mail;

namespace Warmglow.Core.Validation;

/// <summary>Collects field errors the way ProblemDetails reports them: field → messages.</summary>
public sealed class FieldErrors
{
    readonly Dictionary<string, List<string>> _errors = new(StringComparer.OrdinalIgnoreCase);

    public bool IsEmpty => _errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.OrdinalIgnoreCase);

    public override string ToString() => string.Join("; ", _errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")));

    /// <summary>A required text between 1 and <paramref name="max"/> characters after trimming.</summary>
    public FieldErrors Required(string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, "is required.");
        else if (value.Trim().Length > max) Add(field, $"must be at most {max} characters (got {value.Trim().Length}).");
        return this;
    }

    public FieldErrors Optional(string field, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max) Add(field, $"must be at most {max} characters (got {value.Trim().Length}).");
        return this;
    }

    public FieldErrors Url(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return this;
        Optional(field, value, 300);
        if (!FieldRules.IsHttpUrl(value)) Add(field, "must be an absolute http(s) address, e.g. https://example.com.");
        return this;
    }

    public FieldErrors Email(string field, string? value, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Add(field, "is required.");
            return this;
        }
        Optional(field, value, 254);
        if (!FieldRules.IsEmail(value)) Add(field, "must be an e-mail address such as name@example.com.");
        return this;
    }
}

public static class FieldRules
{
    public static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Contains('.') && !uri.Host.StartsWith('.') && !uri.Host.EndsWith('.');

    public static bool IsEmail(string value)
    {
        var v = value.Trim();
        if (v.Contains(' ') || v.Count(c => c == '@') != 1) return false;
        try
        {
            var address = new MailAddress(v);
            return address.Address == v && address.Host.Contains('.');
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Trims; turns blank into null.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
