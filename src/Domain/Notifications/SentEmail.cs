using CleanApp.Domain.Common;

namespace CleanApp.Domain.Notifications;

/// <summary>
/// Marks an email as sent, under a unique <see cref="Key"/> that names what it was about (e.g.
/// <c>article:{article}:{user}</c>, <c>digest:{user}:{date}</c>). Email jobs run at least once: they check for the key
/// before sending and add it after ("check, act, mark"), so a retried job does not send the same email again.
/// </summary>
public sealed class SentEmail
{
    public const int KeyMaxLength = 200;

    private SentEmail(string key, DateTime sentAt)
    {
        Key = key;
        SentAt = sentAt;
    }

    public string Key { get; private set; }

    public DateTime SentAt { get; private set; }

    public static SentEmail Create(string key, DateTime sentAt)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new DomainException("key", "can't be blank");
        }

        if (key.Length > KeyMaxLength)
        {
            throw new DomainException("key", $"is too long (maximum is {KeyMaxLength} characters)");
        }

        return new SentEmail(key, sentAt);
    }
}
