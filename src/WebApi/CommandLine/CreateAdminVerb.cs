using CleanApp.Application.Accounts.Commands.CreateAdministrator;
using CleanApp.Application.Common.Exceptions;
using MediatR;

namespace CleanApp.WebApi.CommandLine;

/// <summary>
/// <c>dotnet run --project src/WebApi -- create-admin --email admin@example.com --username admin</c> makes that account an
/// administrator of the publishing platform (creating it when needed; <c>--username</c> is needed only then). The password
/// is read from <see cref="PasswordVariable"/> or, when unset, from standard input (first line; typed without echo on a
/// terminal). There is no default password. Recorded in the audit log (actor <c>system</c>).
/// </summary>
public static class CreateAdminVerb
{
    public const string Name = "create-admin";
    public const string PasswordVariable = "CLEANAPP_ADMIN_PASSWORD";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output)
    {
        var email = CommandLineOptions.Value(args, "--email");
        if (string.IsNullOrWhiteSpace(email))
        {
            await output.WriteLineAsync(
                $"usage: {Name} --email <address> [--username <name>]   (password from ${PasswordVariable} or stdin)"
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
        var command = new CreateAdministratorCommand(email.Trim(), password) { Username = CommandLineOptions.Value(args, "--username") };
        try
        {
            var account = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command);
            await output.WriteLineAsync(
                $"Administrator {account.Username} <{account.Email}> is ready (roles: {string.Join(", ", account.Roles)}). Sign in with POST /api/users/login."
            );
            return 0;
        }
        catch (ValidationException ex)
        {
            await WriteErrorsAsync(output, ex.Errors);
        }
        catch (ConflictException ex)
        {
            await WriteErrorsAsync(output, ex.Errors);
        }
        catch (Domain.Common.DomainException ex)
        {
            await output.WriteLineAsync($"{ex.Key}: {ex.Message}");
        }

        return 1;
    }

    private static async Task WriteErrorsAsync(TextWriter output, IReadOnlyDictionary<string, string[]> errors)
    {
        foreach (var (key, messages) in errors)
        {
            await output.WriteLineAsync($"{key}: {string.Join("; ", messages)}");
        }
    }
}
