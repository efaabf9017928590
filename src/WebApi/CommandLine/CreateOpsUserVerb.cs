using CleanApp.Application.Common.Interfaces;
using CleanApp.Application.Common.Security;

namespace CleanApp.WebApi.CommandLine;

/// <summary>
/// <c>dotnet run --project src/WebApi -- create-ops-user --email ops@example.com --role operator</c> creates the first ops
/// user (or resets its password and role). The password is read from <see cref="PasswordVariable"/> or, when unset, from
/// standard input (first line; typed without echo on a terminal). There is no default password.
/// </summary>
public static class CreateOpsUserVerb
{
    public const string Name = "create-ops-user";
    public const string PasswordVariable = "CLEANAPP_OPS_PASSWORD";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output)
    {
        var email = CommandLineOptions.Value(args, "--email");
        var role = OpsRoles.FromOption(CommandLineOptions.Value(args, "--role") ?? "reader");
        if (string.IsNullOrWhiteSpace(email) || role is null)
        {
            await output.WriteLineAsync(
                $"usage: {Name} --email <address> [--role reader|operator]   (password from ${PasswordVariable} or stdin)"
            );
            return 2;
        }

        var password = await CommandLineOptions.PasswordAsync(PasswordVariable, input, output);
        if (string.IsNullOrEmpty(password))
        {
            await output.WriteLineAsync($"No password: set {PasswordVariable} or pipe it on standard input.");
            return 2;
        }

        using var scope = services.CreateScope();
        var errors = await scope.ServiceProvider.GetRequiredService<IOpsUserService>().CreateOrUpdateAsync(email.Trim(), password, role);
        if (errors.Count > 0)
        {
            foreach (var (key, messages) in errors)
            {
                await output.WriteLineAsync($"{key}: {string.Join("; ", messages)}");
            }

            return 1;
        }

        await output.WriteLineAsync($"Ops user {email.Trim()} is ready with role {role}. Sign in at /hangfire.");
        return 0;
    }
}
