using Hangfire.Logging;
using Microsoft.Extensions.Logging;
using HangfireLogLevel = Hangfire.Logging.LogLevel;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace CleanApp.Infrastructure.Jobs;

/// <summary>
/// Hangfire's log provider is process-wide; <c>AddHangfire</c> would bind it to the first host's logger factory, which
/// breaks every other host in the process once that one is disposed (parallel test hosts). This one forwards to the
/// logger factory of the host that configured Hangfire last and drops messages once it is gone.
/// </summary>
public sealed class HangfireLogProvider : ILogProvider
{
    public static readonly HangfireLogProvider Instance = new();
    private ILoggerFactory? _factory;

    public static void Attach(ILoggerFactory factory) => Instance._factory = factory;

    public ILog GetLogger(string name) => new Logger(this, name);

    private sealed class Logger(HangfireLogProvider provider, string name) : ILog
    {
        public bool Log(HangfireLogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                var logger = provider._factory?.CreateLogger(name);
                if (logger is null)
                {
                    return false;
                }

                var level = logLevel switch
                {
                    HangfireLogLevel.Trace => LogLevel.Trace,
                    HangfireLogLevel.Debug => LogLevel.Debug,
                    HangfireLogLevel.Info => LogLevel.Information,
                    HangfireLogLevel.Warn => LogLevel.Warning,
                    HangfireLogLevel.Error => LogLevel.Error,
                    _ => LogLevel.Critical,
                };
                if (messageFunc is null)
                {
                    return logger.IsEnabled(level);
                }

#pragma warning disable CA1848, CA2254 // Hangfire hands over finished messages, not templates.
                logger.Log(level, exception, messageFunc());
#pragma warning restore CA1848, CA2254
                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
