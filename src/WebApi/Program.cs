using CleanApp.Application;
using CleanApp.Infrastructure;
using CleanApp.Infrastructure.Persistence;
using CleanApp.WebApi;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

var logger = new LoggerConfiguration().ReadFrom.Configuration(builder.Configuration).CreateLogger();
builder.Logging.ClearProviders();
builder.Logging.AddSerilog(logger, dispose: true);

builder.Services
    .AddApplicationServices()
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

app.UseWebApiPipeline();
await app.RunAsync();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
