namespace CleanApp.Infrastructure.DataProtection;

/// <summary>One Data Protection key ring element, stored in the shared database so every instance can read it.</summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    public string Xml { get; set; } = string.Empty;
}
