using System.Text.Json;
using CleanApp.Infrastructure.Jobs.Storage;

namespace CleanApp.Infrastructure.Jobs;

/// <summary>Payloads are plain System.Text.Json of the command's own type: no type names, no polymorphism.</summary>
public static class JobSerializer
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize(object command) => JsonSerializer.Serialize(command, command.GetType(), Options);

    /// <summary>Null when the payload does not describe a <paramref name="type"/> (a poison payload).</summary>
    public static object? TryDeserialize(string payload, Type type, out string? error)
    {
        try
        {
            error = null;
            var value = JsonSerializer.Deserialize(payload, type, Options);
            if (value is null)
            {
                error = "The payload is null.";
            }

            return value;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            error = ex.Message;
            return null;
        }
    }

    public static string? SerializeRetryPolicy(JobRetryPolicy? policy) =>
        policy is null || (policy.DelaysSeconds is null && policy.OnlyOn is null && policy.ExceptOn is null)
            ? null
            : JsonSerializer.Serialize(policy, Options);

    public static JobRetryPolicy DeserializeRetryPolicy(string? json) =>
        string.IsNullOrEmpty(json)
            ? new JobRetryPolicy()
            : JsonSerializer.Deserialize<JobRetryPolicy>(json, Options) ?? new JobRetryPolicy();
}

internal static class JobText
{
    public static string? Cap(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
