namespace CleanApp.Domain.Common;

/// <summary>Timestamps maintained by the persistence layer's auditing interceptor, always UTC with millisecond precision.</summary>
public interface IAuditable
{
    DateTime CreatedAt { get; set; }

    DateTime UpdatedAt { get; set; }
}
