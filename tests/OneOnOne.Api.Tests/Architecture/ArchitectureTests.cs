using NetArchTest.Rules;

namespace OneOnOne.Api.Tests.Architecture;

/// <summary>How the backend's features may lean on each other (docs/architecture.md), checked over the compiled assembly.</summary>
public sealed class ArchitectureTests
{
    private static readonly System.Reflection.Assembly Api = typeof(OneOnOne.Api.Data.OneOnOneDb).Assembly;

    private static IEnumerable<string> Features =>
        Api.GetTypes().Select(t => t.Namespace).OfType<string>().Where(n => n.StartsWith("OneOnOne.Api.", StringComparison.Ordinal))
            .Select(n => n.Split('.')[2]).Distinct();

    /// <summary>
    /// The layers of docs/architecture.md, lowest first. A feature leans on its own layer and the ones below, never on
    /// one above: the foundation knows no feature, a feature no surface that shows it.
    /// </summary>
    private static readonly string[][] Layers =
    [
        ["Data", "Hosting", "Localization", "Identity", "Graph", "Calendar", "Prompts"],
        ["Meetings", "Agenda", "Actions", "Notes", "Guide", "Live"],
        ["Pane", "Documents", "FollowUps", "Privacy"],
        ["AddIn"],
    ];

    [Fact]
    public void Every_feature_has_its_place_in_the_layers()
    {
        Assert.Equal(Features.Order(), Layers.SelectMany(layer => layer).Order());
    }

    [Fact]
    public void Features_lean_only_on_their_own_layer_and_the_ones_below()
    {
        var failures = new List<string>();
        for (var level = 0; level < Layers.Length - 1; level++)
        {
            var above = Layers[(level + 1)..].SelectMany(layer => layer).Select(feature => $"OneOnOne.Api.{feature}").ToArray();
            foreach (var feature in Layers[level])
            {
                foreach (var target in above)
                {
                    var result = Types.InAssembly(Api).That().ResideInNamespace($"OneOnOne.Api.{feature}")
                        .ShouldNot().HaveDependencyOn(target).GetResult();
                    failures.AddRange((result.FailingTypeNames ?? []).Select(type => $"{type} uses {target}"));
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

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
