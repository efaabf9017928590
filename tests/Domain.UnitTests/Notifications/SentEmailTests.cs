using CleanApp.Domain.Common;
using CleanApp.Domain.Notifications;

namespace CleanApp.Domain.UnitTests.Notifications;

public sealed class SentEmailTests
{
    [Test]
    public void Create_keeps_the_key_and_time()
    {
        var at = new DateTime(2026, 11, 21, 7, 0, 0, DateTimeKind.Utc);

        var mark = SentEmail.Create("digest:abc:2026-11-21", at);

        Assert.That((mark.Key, mark.SentAt), Is.EqualTo(("digest:abc:2026-11-21", at)));
    }

    [TestCase("")]
    [TestCase("  ")]
    public void A_blank_key_is_refused(string key) =>
        Assert.That(
            () => SentEmail.Create(key, DateTime.UtcNow),
            Throws.TypeOf<DomainException>().With.Property(nameof(DomainException.Key)).EqualTo("key")
        );

    [Test]
    public void A_key_longer_than_the_column_is_refused() =>
        Assert.That(() => SentEmail.Create(new string('k', SentEmail.KeyMaxLength + 1), DateTime.UtcNow), Throws.TypeOf<DomainException>());
}
