using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace OneOnOne.Api.Data;

/// <summary>
/// An EF Core compiled query for every model it meets. A compiled query skips what EF does for a LINQ query on each
/// run (walking the expression tree for its parameters and finding the cached plan), but serves one model only, and
/// there is one per provider context (and per host in the tests).
/// </summary>
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> compiled = [];

    public TQuery For(DbContext db) => compiled.GetValue(db.Model, _ => compile());
}
