using NetArchTest.Rules;

namespace OneOnOne.Api.Tests.Architecture;

/// <summary>How the backend's features may lean on each other (docs/architecture.md), checked over the compiled assembly.</summary>
public sealed class ArchitectureTests
{
    private static readonly System.Reflection.Assembly Api = typeof(OneOnOne.Api.Data.OneOnOneDb).Assembly;

    private static IEnumerable<string> Features =>
        Api.GetTypes().Select(t => t.Namespace).OfType<string>().Where(n => n.StartsWith("OneOnOne.Api.", StringComparison.Ordinal))
            .Select(n => n.Split('.')[2]).Distinct();

    [Fact]
    public void A_feature_reads_another_features_data_through_its_queries_never_through_its_endpoints()
    {
        var failures = new List<string>();
        foreach (var feature in Features)
        {
            var endpoints = Types.InAssembly(Api).That().ResideInNamespace($"OneOnOne.Api.{feature}").And().HaveNameEndingWith("Endpoints")
                .GetTypes().Select(t => t.FullName!).ToArray();
            if (endpoints.Length == 0)
            {
                continue;
            }

            var result = Types.InAssembly(Api)
                .That().ResideInNamespace("OneOnOne.Api").And().DoNotResideInNamespace($"OneOnOne.Api.{feature}")
                .ShouldNot().HaveDependencyOnAny(endpoints)
                .GetResult();
            failures.AddRange((result.FailingTypeNames ?? []).Select(type => $"{type} uses {string.Join(", ", endpoints)}"));
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void The_prompts_know_nothing_of_the_features_that_use_them()
    {
        var result = Types.InAssembly(Api).That().ResideInNamespace("OneOnOne.Api.Prompts")
            .ShouldNot().HaveDependencyOnAny(Features.Where(f => f is not ("Prompts" or "Data")).Select(f => $"OneOnOne.Api.{f}").ToArray())
            .GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }
}
