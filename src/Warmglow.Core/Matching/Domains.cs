using System.Globalization;
using System.Net;

namespace Warmglow.Core.Matching;

/// <summary>
/// Web domains as matching keys: the registrable domain (the public suffix plus one label, from the Public Suffix List,
/// ICANN and private sections) of whatever a person typed — a URL, a bare host or an e-mail address — and which domains
/// never identify one company (free mail, social networks, site builders, reserved names).
/// </summary>
public static class Domains
{
    static readonly Lazy<SuffixRules> Rules = new(SuffixRules.Load);
    static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = true };

    /// <summary>
    /// "https://www.Acme.co.uk/about" → "acme.co.uk"; "bob@sales.acme.com" → "acme.com"; "münchen-gmbh.de" → its
    /// punycode form. Null for nothing usable: blank, an IP address, a bare public suffix ("co.uk"), a single label, or
    /// characters no host name may hold.
    /// </summary>
    public static string? Registrable(string? input)
    {
        var host = Host(input);
        if (host is null) return null;
        var labels = host.Split('.');
        var suffixLength = Rules.Value.SuffixLabelCount(labels);
        if (labels.Length <= suffixLength) return null;
        return string.Join('.', labels[^(suffixLength + 1)..]);
    }

    /// <summary>The lower-case ASCII host name in <paramref name="input"/>, or null when there is none.</summary>
    public static string? Host(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var s = input.Trim();
        var at = s.LastIndexOf('@');
        if (at >= 0) s = s[(at + 1)..];
        var scheme = s.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0) s = s[(scheme + 3)..];
        var end = s.IndexOfAny(['/', '?', '#', '\\']);
        if (end >= 0) s = s[..end];
        var userInfo = s.LastIndexOf('@');
        if (userInfo >= 0) s = s[(userInfo + 1)..];
        if (s.StartsWith('[')) return null; // an IPv6 literal
        var colon = s.IndexOf(':');
        if (colon >= 0) s = s[..colon];
        s = s.Trim().TrimEnd('.');
        if (s.Length == 0 || s.Contains(' ') || IPAddress.TryParse(s, out _)) return null;
        string ascii;
        try { ascii = Idn.GetAscii(s).ToLowerInvariant(); }
        catch (ArgumentException) { return null; }
        if (!ascii.Contains('.') || ascii.Length > 253) return null;
        foreach (var label in ascii.Split('.'))
            if (label.Length is 0 or > 63) return null;
        return ascii;
    }

    /// <summary>A free e-mail provider's domain (gmail.com, yahoo.co.uk, gmx.de…): its users are people, not one company.</summary>
    public static bool IsFreeMail(string? domain) =>
        domain is not null && (FreeMail.Contains(domain) || FreeMailBrands.Contains(domain.Split('.')[0]));

    /// <summary>A domain shared by unrelated organizations (social networks, site builders, link shorteners, reserved names).</summary>
    public static bool IsGeneric(string? domain) =>
        domain is not null && Generic.Contains(domain);

    /// <summary>The registrable domain when it can identify a company: not free mail, not generic; otherwise null.</summary>
    public static string? CompanyDomain(string? input)
    {
        var domain = Registrable(input);
        return domain is null || IsFreeMail(domain) || IsGeneric(domain) ? null : domain;
    }

    // A brand whose every country domain is free mail (yahoo.fr, hotmail.it, gmx.net, outlook.de…).
    static readonly HashSet<string> FreeMailBrands = new(StringComparer.Ordinal)
    {
        "gmail", "googlemail", "yahoo", "ymail", "hotmail", "outlook", "live", "msn", "aol", "gmx", "yandex", "protonmail",
        "tutanota", "rocketmail",
    };

    static readonly HashSet<string> FreeMail = new(StringComparer.Ordinal)
    {
        "icloud.com", "me.com", "mac.com", "proton.me", "pm.me", "zoho.com", "zohomail.com", "mail.com", "email.com",
        "inbox.com", "fastmail.com", "fastmail.fm", "hey.com", "web.de", "t-online.de", "freenet.de", "mail.ru", "bk.ru",
        "list.ru", "inbox.ru", "rambler.ru", "ya.ru", "qq.com", "163.com", "126.com", "sina.com", "naver.com", "daum.net",
        "hanmail.net", "orange.fr", "free.fr", "laposte.net", "sfr.fr", "wanadoo.fr", "libero.it", "virgilio.it", "tiscali.it",
        "btinternet.com", "sky.com", "virginmedia.com", "comcast.net", "verizon.net", "att.net", "sbcglobal.net",
        "cox.net", "charter.net", "earthlink.net", "rediffmail.com", "seznam.cz", "wp.pl", "o2.pl", "onet.pl", "interia.pl",
        "bol.com.br", "uol.com.br", "terra.com.br", "shaw.ca", "rogers.com", "bigpond.com", "optusnet.com.au", "xtra.co.nz",
        "telenet.be", "skynet.be", "ziggo.nl", "kpnmail.nl", "bluewin.ch", "online.no", "telia.com", "mail.ee", "abv.bg",
    };

    static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        "linkedin.com", "facebook.com", "fb.com", "twitter.com", "x.com", "instagram.com", "youtube.com", "tiktok.com",
        "google.com", "goo.gl", "bit.ly", "t.co", "tinyurl.com", "wix.com", "wixsite.com", "wordpress.com", "squarespace.com",
        "weebly.com", "godaddysites.com", "webflow.io", "medium.com", "substack.com", "notion.site", "sites.google.com",
        "example.com", "example.org", "example.net", "localhost", "crunchbase.com", "wikipedia.org",
    };

    /// <summary>The parsed list: exact rules, wildcard rules (stored by their parent) and exceptions, all in ASCII.</summary>
    sealed class SuffixRules
    {
        readonly HashSet<string> exact = new(StringComparer.Ordinal);
        readonly HashSet<string> wildcardParents = new(StringComparer.Ordinal);
        readonly HashSet<string> exceptions = new(StringComparer.Ordinal);

        public static SuffixRules Load()
        {
            var rules = new SuffixRules();
            using var stream = typeof(Domains).Assembly.GetManifestResourceStream("Warmglow.Core.Matching.public_suffix_list.dat")
                ?? throw new InvalidOperationException("The Public Suffix List is not embedded in Warmglow.Core.");
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal)) continue;
                var rule = line.Trim();
                if (rule.StartsWith('!')) rules.exceptions.Add(ToAscii(rule[1..]));
                else if (rule.StartsWith("*.", StringComparison.Ordinal)) rules.wildcardParents.Add(ToAscii(rule[2..]));
                else rules.exact.Add(ToAscii(rule));
            }
            return rules;
        }

        static string ToAscii(string rule)
        {
            try { return Idn.GetAscii(rule).ToLowerInvariant(); }
            catch (ArgumentException) { return rule.ToLowerInvariant(); }
        }

        /// <summary>How many trailing labels of <paramref name="labels"/> form the public suffix (at least 1: the implicit "*" rule).</summary>
        public int SuffixLabelCount(string[] labels)
        {
            var best = 1;
            for (var n = labels.Length; n >= 1; n--)
            {
                var candidate = string.Join('.', labels[^n..]);
                if (exceptions.Contains(candidate)) return n - 1; // an exception beats every other rule
                if (n > best && exact.Contains(candidate)) best = n;
                if (n < labels.Length && n + 1 > best && wildcardParents.Contains(candidate)) best = n + 1;
            }
            return best;
        }
    }
}
