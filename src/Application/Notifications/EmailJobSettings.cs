namespace CleanApp.Application.Notifications;

/// <summary>Settings of the email jobs, bound from the <c>Email</c> configuration section by Infrastructure.</summary>
public sealed class EmailJobSettings
{
    public const int DefaultFanOutBatchSize = 100;

    private readonly int _fanOutBatchSize = DefaultFanOutBatchSize;

    /// <summary><c>Email:FanOutBatchSize</c>: recipients per batch job when an email goes to many users (at least 1).</summary>
    public int FanOutBatchSize
    {
        get => _fanOutBatchSize;
        init => _fanOutBatchSize = value < 1 ? DefaultFanOutBatchSize : value;
    }
}
