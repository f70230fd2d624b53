using Microsoft.AspNetCore.Http.HttpResults;
using OneOnOne.Api.Data;
using OneOnOne.Api.Localization;

namespace OneOnOne.Api.Hosting;

/// <summary>Collects what is wrong with a request, per field, in the caller's language.</summary>
public sealed class Validation(string language)
{
    private readonly Dictionary<string, List<string>> errors = [];

    public bool IsValid => errors.Count == 0;

    /// <summary>Cleans user text (see <see cref="UserText"/>) and checks it is present and not too long.</summary>
    public string Text(string field, string? value, int maxLength, bool required = true, bool singleLine = true)
    {
        var clean = singleLine ? UserText.CleanLine(value) : UserText.Clean(value);
        if (required && clean.Length == 0)
        {
            Add(field, Texts.Required);
        }
        else if (clean.Length > maxLength)
        {
            Add(field, Texts.TooLong, maxLength);
        }

        return clean;
    }

    public void Add(string field, Text message, params object[] args) =>
        (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(message.In(language, args));

    public ValidationProblem Problem() =>
        TypedResults.ValidationProblem(
            errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
            title: Texts.ValidationTitle.In(language));
}
