using Warmglow.Core.Partners;
using Warmglow.Core.Validation;

namespace Warmglow.Core.Tests;

public class FieldRulesTests
{
    // ---- Required ----

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    public void Required_MissingOrBlank_IsRefused(string? value)
    {
        var errors = new FieldErrors().Required("name", value, 10).ToDictionary();

        Assert.Equal(["is required."], errors["name"]);
    }

    [Fact]
    public void Required_TooLong_IsRefusedAndNamesMaxAndActualLength()
    {
        var errors = new FieldErrors().Required("name", new string('x', 11), 10);

        Assert.False(errors.IsEmpty);
        var message = Assert.Single(errors.ToDictionary()["name"]);
        Assert.Equal("must be at most 10 characters (got 11).", message);
    }

    [Fact]
    public void Required_ExactlyMax_IsAccepted()
    {
        Assert.True(new FieldErrors().Required("name", new string('x', 10), 10).IsEmpty);
    }

    [Fact]
    public void Required_LengthIsMeasuredAfterTrimming()
    {
        Assert.True(new FieldErrors().Required("name", "  " + new string('x', 10) + "  ", 10).IsEmpty);
    }

    [Fact]
    public void Optional_NullOrShort_IsAccepted_TooLong_IsRefused()
    {
        Assert.True(new FieldErrors().Optional("notes", null, 5).IsEmpty);
        Assert.True(new FieldErrors().Optional("notes", "", 5).IsEmpty);
        Assert.True(new FieldErrors().Optional("notes", "12345", 5).IsEmpty);
        Assert.Equal(["must be at most 5 characters (got 6)."], new FieldErrors().Optional("notes", "123456", 5).ToDictionary()["notes"]);
    }

    [Fact]
    public void FieldErrors_CollectsSeveralMessagesPerField_AndFormatsThem()
    {
        var errors = new FieldErrors();
        errors.Add("name", "a");
        errors.Add("NAME", "b");
        errors.Add("email", "c");

        var dict = errors.ToDictionary();
        Assert.Equal(["a", "b"], dict["name"]);
        Assert.Equal(["c"], dict["Email"]);
        Assert.Equal("name: a; name: b; email: c", errors.ToString());
    }

    // ---- Url ----

    [Theory]
    [InlineData("http://example.com")]
    [InlineData("https://example.com")]
    [InlineData("https://www.example.co.uk/path?q=1#top")]
    [InlineData("HTTPS://EXAMPLE.COM")]
    [InlineData("  https://example.com  ")]
    [InlineData("https://example.com:8443/x")]
    public void IsHttpUrl_AbsoluteHttpOrHttpsWithDottedHost_IsAccepted(string value)
    {
        Assert.True(FieldRules.IsHttpUrl(value));
        Assert.True(new FieldErrors().Url("website", value).IsEmpty);
    }

    [Theory]
    [InlineData("ftp://example.com")]
    [InlineData("mailto:someone@example.com")]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("/relative/path")]
    [InlineData("relative/path")]
    [InlineData("example.com")]
    [InlineData("www.example.com")]
    [InlineData("not a url")]
    [InlineData("https://localhost")]
    [InlineData("http://intranet/page")]
    [InlineData("https://example.")]
    [InlineData("https://")]
    public void IsHttpUrl_NotAnAbsoluteWebAddress_IsRefused(string value)
    {
        Assert.False(FieldRules.IsHttpUrl(value));
        var errors = new FieldErrors().Url("website", value).ToDictionary();
        Assert.Equal(["must be an absolute http(s) address, e.g. https://example.com."], errors["website"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Url_IsOptional(string? value)
    {
        Assert.True(new FieldErrors().Url("website", value).IsEmpty);
    }

    [Fact]
    public void Url_LongerThan300_IsRefusedForLength()
    {
        var url = "https://example.com/" + new string('a', 300);

        var errors = new FieldErrors().Url("website", url).ToDictionary();

        Assert.Contains(errors["website"], m => m.StartsWith("must be at most 300 characters"));
    }

    // ---- Email ----

    [Theory]
    [InlineData("name@example.com")]
    [InlineData("first.last+tag@mail.example.org")]
    [InlineData("a@b.co")]
    [InlineData("  name@example.com  ")]
    public void IsEmail_PlainAddress_IsAccepted(string value)
    {
        Assert.True(FieldRules.IsEmail(value));
        Assert.True(new FieldErrors().Email("email", value).IsEmpty);
    }

    [Theory]
    [InlineData("plainaddress")]
    [InlineData("@example.com")]
    [InlineData("name@")]
    [InlineData("name@@example.com")]
    [InlineData("a@b@example.com")]
    [InlineData("name @example.com")]
    [InlineData("first last@example.com")]
    [InlineData("name@exa mple.com")]
    [InlineData("name@localhost")]
    [InlineData("name@example")]
    [InlineData("Name <a@b.com>")]
    [InlineData("Name<a@b.com>")]
    [InlineData("<a@b.com>")]
    [InlineData("\"Name\" <a@b.com>")]
    public void IsEmail_NotAPlainAddress_IsRefused(string value)
    {
        Assert.False(FieldRules.IsEmail(value));
        var errors = new FieldErrors().Email("email", value).ToDictionary();
        Assert.Equal(["must be an e-mail address such as name@example.com."], errors["email"]);
    }

    [Fact]
    public void Email_Blank_IsOkUnlessRequired()
    {
        Assert.True(new FieldErrors().Email("email", "  ").IsEmpty);
        Assert.True(new FieldErrors().Email("email", null).IsEmpty);
        Assert.Equal(["is required."], new FieldErrors().Email("email", null, required: true).ToDictionary()["email"]);
    }

    // ---- Clean ----

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData("  Acme  ", "Acme")]
    public void Clean_TrimsAndTurnsBlankIntoNull(string? value, string? expected)
    {
        Assert.Equal(expected, FieldRules.Clean(value));
    }

    // ---- PartnerRules ----

    [Fact]
    public void PartnerRules_Validate_ValidPartner_HasNoErrors()
    {
        var errors = PartnerRules.Validate("Acme", "https://acme.example", "Software", "50-200", "EU", "Notes");

        Assert.True(errors.IsEmpty, errors.ToString());
    }

    [Fact]
    public void PartnerRules_Validate_ReportsErrorsUnderTheJsonFieldNames()
    {
        var tooLong = new string('x', PartnerRules.ShortTextMax + 1);

        var errors = PartnerRules.Validate(
            name: "", website: "not a url", industry: tooLong, size: tooLong, region: tooLong,
            notes: new string('x', PartnerRules.NotesMax + 1)).ToDictionary();

        Assert.Equal(["industry", "name", "notes", "region", "size", "website"], errors.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(["is required."], errors["name"]);
    }

    [Fact]
    public void PartnerRules_Validate_WithPrefix_PrefixesEveryFieldName()
    {
        var errors = PartnerRules.Validate("", "ftp://x.example", null, null, null, null, prefix: "partner_").ToDictionary();

        Assert.Equal(["partner_name", "partner_website"], errors.Keys.OrderBy(k => k, StringComparer.Ordinal));
    }

    [Fact]
    public void PartnerRules_Validate_NameAtMaxIsOk_OneMoreIsRefused()
    {
        Assert.True(PartnerRules.Validate(new string('n', PartnerRules.NameMax), null, null, null, null, null).IsEmpty);
        Assert.Equal(
            [$"must be at most {PartnerRules.NameMax} characters (got {PartnerRules.NameMax + 1})."],
            PartnerRules.Validate(new string('n', PartnerRules.NameMax + 1), null, null, null, null, null).ToDictionary()["name"]);
    }

    [Fact]
    public void PartnerRules_ValidateContact_ReportsErrorsUnderTheJsonFieldNames()
    {
        var errors = PartnerRules.ValidateContact(
            name: " ", email: "Name <a@b.com>", title: new string('t', PartnerRules.ShortTextMax + 1), phone: new string('1', 41)).ToDictionary();

        Assert.Equal(["email", "name", "phone", "title"], errors.Keys.OrderBy(k => k, StringComparer.Ordinal));
    }

    [Fact]
    public void PartnerRules_ValidateContact_WithPrefix_AndValidContact()
    {
        Assert.True(PartnerRules.ValidateContact("Ana", "ana@example.com", "CTO", "+1 555 0100").IsEmpty);
        Assert.Equal(
            ["contact_email", "contact_name"],
            PartnerRules.ValidateContact(null, "nope", null, null, prefix: "contact_").ToDictionary().Keys.OrderBy(k => k, StringComparer.Ordinal));
    }
}
