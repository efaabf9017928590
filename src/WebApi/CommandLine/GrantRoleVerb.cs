using CleanApp.Infrastructure.Identity;

namespace CleanApp.WebApi.CommandLine;

/// <summary>
/// <c>dotnet run --project src/WebApi -- grant-role --username ann --role editor</c> gives a registered account a public
/// API role (<c>user</c>, <c>editor</c>, <c>admin</c>): how the first editor or admin comes to exist.
/// </summary>
public static class GrantRoleVerb
{
    public const string Name = "grant-role";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var username = Option(args, "--username");
        var role = Option(args, "--role")?.Trim().ToLowerInvariant();
        if (string.IsNullOrWhiteSpace(username) || string.IsNullOrWhiteSpace(role))
        {
            await output.WriteLineAsync($"usage: {Name} --username <name> --role {string.Join('|', UserRoleGrants.Grantable)}");
            return 2;
        }

        using var scope = services.CreateScope();
        if (await scope.ServiceProvider.GetRequiredService<UserRoleGrants>().GrantAsync(username, role) is { } error)
        {
            await output.WriteLineAsync(error);
            return 1;
        }

        await output.WriteLineAsync($"{username.Trim()} now has the role {role}.");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (string.Equals(args[i], name, StringComparison.Ordinal) && i + 1 < args.Length)
            {
                return args[i + 1];
            }

            if (args[i].StartsWith(name + "=", StringComparison.Ordinal))
            {
                return args[i][(name.Length + 1)..];
            }
        }

        return null;
    }
}
