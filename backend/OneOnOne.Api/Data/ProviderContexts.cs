using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OneOnOne.Api.Data;

// One context type per provider: EF caches one model per context type and keeps one migration set per type.

public sealed class SqliteOneOnOneDb(DbContextOptions<SqliteOneOnOneDb> options, CallerScope caller)
    : OneOnOneDb(options, caller);

public sealed class PostgresOneOnOneDb(DbContextOptions<PostgresOneOnOneDb> options, CallerScope caller)
    : OneOnOneDb(options, caller);

public sealed class SqlServerOneOnOneDb(DbContextOptions<SqlServerOneOnOneDb> options, CallerScope caller)
    : OneOnOneDb(options, caller);

// Design-time factories: `dotnet ef migrations add X --context <Provider>OneOnOneDb` needs no running app or server.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteOneOnOneDb>
{
    public SqliteOneOnOneDb CreateDbContext(string[] args) =>
        new(DatabaseSetup.Configure(new DbContextOptionsBuilder<SqliteOneOnOneDb>(), DatabaseProvider.Sqlite, "Data Source=design.db").Options, new CallerScope());
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresOneOnOneDb>
{
    public PostgresOneOnOneDb CreateDbContext(string[] args) =>
        new(DatabaseSetup.Configure(new DbContextOptionsBuilder<PostgresOneOnOneDb>(), DatabaseProvider.PostgreSql, "Host=localhost").Options, new CallerScope());
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerOneOnOneDb>
{
    public SqlServerOneOnOneDb CreateDbContext(string[] args) =>
        new(DatabaseSetup.Configure(new DbContextOptionsBuilder<SqlServerOneOnOneDb>(), DatabaseProvider.SqlServer, "Server=localhost").Options, new CallerScope());
}
