using System.Net;
using Warmglow.Core.Webhooks;

namespace Warmglow.Core.Tests.Webhooks;

public class WebhooksTests
{
    [Fact]
    public void Sign_MatchesTheStandardWebhooksReferenceVector()
    {
        // The example in the Standard Webhooks specification's reference libraries.
        var signature = WebhookSigning.Sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}");
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Fact]
    public void SignatureHeader_CarriesOneSignaturePerSecret_DuringRotation()
    {
        var (a, b) = (WebhookSigning.NewSecret(), WebhookSigning.NewSecret());
        var header = WebhookSigning.SignatureHeader([a, b], "msg_1", 1, "{}");
        Assert.Equal([WebhookSigning.Sign(a, "msg_1", 1, "{}"), WebhookSigning.Sign(b, "msg_1", 1, "{}")], header.Split(' '));
        Assert.NotEqual(WebhookSigning.Sign(a, "msg_1", 1, "{}"), WebhookSigning.Sign(a, "msg_1", 2, "{}"));
    }

    [Fact]
    public void Secrets_AreWhsecBase64_AndIdsAreMsgPrefixed()
    {
        Assert.True(WebhookSigning.IsValidSecret(WebhookSigning.NewSecret()));
        Assert.False(WebhookSigning.IsValidSecret("whsec_not base64!"));
        Assert.False(WebhookSigning.IsValidSecret("secret"));
        Assert.False(WebhookSigning.IsValidSecret("whsec_AAAA")); // too short
        Assert.StartsWith("msg_", WebhookSigning.NewMessageId());
        Assert.NotEqual(WebhookSigning.NewMessageId(), WebhookSigning.NewMessageId());
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("8.8.8.8", true)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("64:ff9b::a00:1", false)]
    [InlineData("2002:a00:1::", false)]
    [InlineData("2001:db8::1", false)]
    [InlineData("2606:4700:4700::1111", true)]
    public void IsPublic_RefusesPrivateLoopbackAndLinkLocal(string address, bool expected) =>
        Assert.Equal(expected, WebhookTargets.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("https://hooks.example.com/warmglow", false, null)]
    [InlineData("ftp://hooks.example.com/", false, "Use an address that starts with https:// (or http://).")]
    [InlineData("hooks.example.com", false, "Use an address that starts with https:// (or http://).")]
    [InlineData("http://127.0.0.1:8080/", false, "Events cannot be sent to this machine (loopback addresses are refused).")]
    [InlineData("http://localhost/", false, "Events cannot be sent to this machine (loopback addresses are refused).")]
    [InlineData("http://10.0.0.5/", false, "Events cannot be sent to private, loopback or link-local addresses.")]
    [InlineData("http://[fe80::1]/", false, "Events cannot be sent to private, loopback or link-local addresses.")]
    [InlineData("http://127.0.0.1:8080/", true, null)]
    [InlineData("https://user:pw@hooks.example.com/", false, "Leave user names and passwords out of the address; the signature authenticates each event.")]
    [InlineData("", false, "Enter the address to send events to.")]
    public void Problem_ExplainsWhatIsWrongWithAUrl(string url, bool allowPrivate, string? expected) =>
        Assert.Equal(expected, WebhookTargets.Problem(url, allowPrivate));

    [Theory]
    [InlineData("*", true)]
    [InlineData("statement.issued", true)]
    [InlineData("task.action_item.overdue", true)]
    [InlineData("Statement.Issued", false)]
    [InlineData("statement", false)]
    [InlineData("statement.", false)]
    public void EventNames_AreDottedLowerCase(string name, bool ok) => Assert.Equal(ok, WebhookTargets.IsEventName(name));

    [Fact]
    public void Retry_FollowsTheSchedule_HonoursLongerRetryAfter_AndGivesUp()
    {
        var now = new DateTime(2026, 12, 2, 12, 0, 0, DateTimeKind.Utc);
        var delays = WebhookRetry.DefaultDelays;
        Assert.Equal(now.AddSeconds(5), WebhookRetry.Next(now, 1, delays, null));
        Assert.Equal(now.AddSeconds(5), WebhookRetry.Next(now, 1, delays, TimeSpan.FromSeconds(1))); // shorter: the schedule wins
        Assert.Equal(now.AddMinutes(10), WebhookRetry.Next(now, 2, delays, TimeSpan.FromMinutes(10)));
        Assert.Equal(now.AddHours(24), WebhookRetry.Next(now, 1, delays, TimeSpan.FromDays(30))); // capped
        Assert.Null(WebhookRetry.Next(now, delays.Count + 1, delays, null));
        Assert.Equal(TimeSpan.FromSeconds(120), WebhookRetry.ParseRetryAfter("120", now));
        Assert.Equal(TimeSpan.FromMinutes(1), WebhookRetry.ParseRetryAfter(now.AddMinutes(1).ToString("r"), now));
        Assert.Null(WebhookRetry.ParseRetryAfter("soon", now));
    }
}
