using CleanApp.Application;
using CleanApp.Infrastructure;
using CleanApp.Infrastructure.Persistence;
using CleanApp.WebApi;
using CleanApp.WebApi.CommandLine;
using Serilog;

// Until the host's own logger exists (configuration read, container built), a failure still gets a readable line.
Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);

    builder
        .Services.AddApplicationServices()
        .AddInfrastructureServices(builder.Configuration, builder.Environment)
        .AddWebApiServices(builder.Configuration);

    var app = builder.Build();

    // `dotnet run --project src/WebApi -- migrate`: the explicit migration step for production (docs/operations.md).
    if (args.Contains("migrate", StringComparer.Ordinal))
    {
        await DatabaseInitializer.MigrateAsync(app.Services);
        return;
    }

    if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value.ShouldMigrateOnStartup)
    {
        await DatabaseInitializer.MigrateAsync(app.Services);
    }

    // `dotnet run --project src/WebApi -- create-ops-user --email ops@example.com --role operator`, password from
    // CLEANAPP_OPS_PASSWORD or stdin: the first dashboard account (docs/dashboard.md).
    if (args.Contains(CreateOpsUserVerb.Name, StringComparer.Ordinal))
    {
        Environment.ExitCode = await CreateOpsUserVerb.RunAsync(app.Services, args, Console.In, Console.Out);
        return;
    }

    // `dotnet run --project src/WebApi -- create-admin --email admin@example.com --username admin`, password from
    // CLEANAPP_ADMIN_PASSWORD or stdin: the first administrator of the publishing platform (README, "Administration").
    if (args.Contains(CreateAdminVerb.Name, StringComparer.Ordinal))
    {
        Environment.ExitCode = await CreateAdminVerb.RunAsync(app.Services, args, Console.In, Console.Out);
        return;
    }

    // `dotnet run --project src/WebApi -- grant-role --username ann --role editor`: the first editor or admin (README).
    if (args.Contains(GrantRoleVerb.Name, StringComparer.Ordinal))
    {
        Environment.ExitCode = await GrantRoleVerb.RunAsync(app.Services, args, Console.Out);
        return;
    }

    app.UseWebApiPipeline();
    await app.RunAsync();
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    // HostAbortedException is how WebApplicationFactory stops Program once it has the host: not a failure.
    Log.Fatal(ex, "CleanApp stopped unexpectedly");
    Environment.ExitCode = 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
