using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CleanApp.WebApi.FunctionalTests.Support;

/// <summary>
/// Counts the SQL commands EF Core executes against one database file, from EF's DiagnosticListener events, so a test can
/// prove a request runs a constant number of statements (no N+1). Filtering by the file keeps other hosts out.
/// </summary>
public sealed class SqlStatementCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _databasePath;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly List<string> _statements = [];

    public SqlStatementCounter(string databasePath)
    {
        _databasePath = databasePath;
        _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    public IReadOnlyList<string> Statements
    {
        get
        {
            lock (_statements)
            {
                return [.. _statements];
            }
        }
    }

    public void Reset()
    {
        lock (_statements)
        {
            _statements.Clear();
        }
    }

    /// <summary>Runs <paramref name="action"/> and returns the statements it executed.</summary>
    public async Task<IReadOnlyList<string>> CountAsync(Func<Task> action)
    {
        Reset();
        await action();
        return Statements;
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (
            value.Key == RelationalEventId.CommandExecuting.Name
            && value.Value is CommandEventData data
            && data.Command.Connection?.ConnectionString.Contains(_databasePath, StringComparison.Ordinal) == true
        )
        {
            lock (_statements)
            {
                _statements.Add(data.Command.CommandText);
            }
        }
    }

    public void OnCompleted() { }

    public void OnError(Exception error) { }

    public void Dispose()
    {
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
            _subscriptions.Clear();
        }
    }
}
