using System.Collections;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CleanApp.Infrastructure.IntegrationTests.Persistence;

/// <summary>
/// Lets EF Core's SQL Server provider translate and "send" every command while no server exists: connections are never
/// opened, commands are recorded and answered without executing, and SaveChanges writes nothing. Queries see one row of
/// <see cref="OneRowReader"/>, so handlers go past their lookups and send the queries that follow them.
/// </summary>
internal static class SqlServerTranslationOnly
{
    /// <summary>The id in every row; a sample request whose caller is this user owns everything it reads.</summary>
    public static readonly Guid RowId = new("5a3f0b52-94a4-4e6c-9d59-2f0e4b8f2c10");

    public static readonly DateTime RowTime = new(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    public sealed class NoConnection : DbConnectionInterceptor
    {
        public override InterceptionResult ConnectionOpening(
            DbConnection connection,
            ConnectionEventData eventData,
            InterceptionResult result
        ) => InterceptionResult.Suppress();

        public override ValueTask<InterceptionResult> ConnectionOpeningAsync(
            DbConnection connection,
            ConnectionEventData eventData,
            InterceptionResult result,
            CancellationToken cancellationToken = default
        ) => ValueTask.FromResult(InterceptionResult.Suppress());
    }

    /// <summary>
    /// SaveChanges' INSERT/UPDATE/DELETE statements come from the model, not from LINQ, so they cannot fail translation;
    /// the model's SQL Server DDL is checked by SqlServerScriptTests.
    /// </summary>
    public sealed class NoSave : SaveChangesInterceptor
    {
        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
            InterceptionResult<int>.SuppressWithResult(0);

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData,
            InterceptionResult<int> result,
            CancellationToken cancellationToken = default
        ) => ValueTask.FromResult(InterceptionResult<int>.SuppressWithResult(0));
    }

    /// <summary>One per scope: the commands of one request.</summary>
    public sealed class CommandRecorder : DbCommandInterceptor
    {
        private readonly List<string> _commands = [];

        public IReadOnlyList<string> Commands => [.. _commands];

        public void Clear() => _commands.Clear();

        public override InterceptionResult<DbDataReader> ReaderExecuting(
            DbCommand command,
            CommandEventData eventData,
            InterceptionResult<DbDataReader> result
        )
        {
            _commands.Add(command.CommandText);
            return InterceptionResult<DbDataReader>.SuppressWithResult(new OneRowReader());
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command,
            CommandEventData eventData,
            InterceptionResult<DbDataReader> result,
            CancellationToken cancellationToken = default
        ) => ValueTask.FromResult(ReaderExecuting(command, eventData, result));

        /// <summary>ExecuteUpdate/ExecuteDelete: "no row matched", so a handler also sends the queries that explain why.</summary>
        public override InterceptionResult<int> NonQueryExecuting(
            DbCommand command,
            CommandEventData eventData,
            InterceptionResult<int> result
        )
        {
            _commands.Add(command.CommandText);
            return InterceptionResult<int>.SuppressWithResult(0);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command,
            CommandEventData eventData,
            InterceptionResult<int> result,
            CancellationToken cancellationToken = default
        ) => ValueTask.FromResult(NonQueryExecuting(command, eventData, result));

        public override InterceptionResult<object> ScalarExecuting(
            DbCommand command,
            CommandEventData eventData,
            InterceptionResult<object> result
        )
        {
            _commands.Add(command.CommandText);
            return InterceptionResult<object>.SuppressWithResult(0);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command,
            CommandEventData eventData,
            InterceptionResult<object> result,
            CancellationToken cancellationToken = default
        ) => ValueTask.FromResult(ScalarExecuting(command, eventData, result));
    }

    /// <summary>
    /// One row whose every column holds a plausible value of the type asked for: ids are <see cref="RowId"/>, text is
    /// "x", numbers are 1, flags are false (so existence checks say "absent" and handlers carry on), nothing is null.
    /// </summary>
    public sealed class OneRowReader : DbDataReader
    {
        private bool _read;

        public override int FieldCount => 256;

        public override int RecordsAffected => -1;

        public override bool HasRows => true;

        public override bool IsClosed => false;

        public override int Depth => 0;

        public override object this[int ordinal] => GetValue(ordinal);

        public override object this[string name] => throw new NotSupportedException("columns are read by ordinal");

        public override bool Read()
        {
            var first = !_read;
            _read = true;
            return first;
        }

        public override Task<bool> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(Read());

        public override bool NextResult() => false;

        public override bool IsDBNull(int ordinal) => false;

        public override Task<bool> IsDBNullAsync(int ordinal, CancellationToken cancellationToken) => Task.FromResult(false);

        public override T GetFieldValue<T>(int ordinal) => (T)ValueOf(typeof(T));

        public override Task<T> GetFieldValueAsync<T>(int ordinal, CancellationToken cancellationToken) =>
            Task.FromResult(GetFieldValue<T>(ordinal));

        public override bool GetBoolean(int ordinal) => false;

        public override byte GetByte(int ordinal) => 1;

        public override char GetChar(int ordinal) => 'x';

        public override DateTime GetDateTime(int ordinal) => RowTime;

        public override decimal GetDecimal(int ordinal) => 1m;

        public override double GetDouble(int ordinal) => 1d;

        public override float GetFloat(int ordinal) => 1f;

        public override Guid GetGuid(int ordinal) => RowId;

        public override short GetInt16(int ordinal) => 1;

        public override int GetInt32(int ordinal) => 1;

        public override long GetInt64(int ordinal) => 1L;

        public override string GetString(int ordinal) => "x";

        public override object GetValue(int ordinal) =>
            throw new NotSupportedException("EF Core reads typed values; an untyped read means this reader needs a new case");

        public override int GetValues(object[] values) => throw new NotSupportedException();

        public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => 0;

        public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => 0;

        public override string GetDataTypeName(int ordinal) => "sql_variant";

        public override Type GetFieldType(int ordinal) => typeof(object);

        public override string GetName(int ordinal) => $"c{ordinal}";

        public override int GetOrdinal(string name) => throw new NotSupportedException("columns are read by ordinal");

        public override IEnumerator GetEnumerator() => throw new NotSupportedException();

        private static object ValueOf(Type type) =>
            (Nullable.GetUnderlyingType(type) ?? type) switch
            {
                var t when t == typeof(bool) => false,
                var t when t == typeof(byte) => (byte)1,
                var t when t == typeof(short) => (short)1,
                var t when t == typeof(int) => 1,
                var t when t == typeof(long) => 1L,
                var t when t == typeof(decimal) => 1m,
                var t when t == typeof(double) => 1d,
                var t when t == typeof(float) => 1f,
                var t when t == typeof(Guid) => RowId,
                var t when t == typeof(string) => "x",
                var t when t == typeof(DateTime) => RowTime,
                var t when t == typeof(DateTimeOffset) => new DateTimeOffset(RowTime),
                var t when t == typeof(DateOnly) => DateOnly.FromDateTime(RowTime),
                var t when t == typeof(TimeSpan) => TimeSpan.FromSeconds(1),
                var t when t == typeof(byte[]) => Array.Empty<byte>(),
                var t => throw new NotSupportedException($"no sample value for {t}: add a case to {nameof(OneRowReader)}"),
            };
    }
}
