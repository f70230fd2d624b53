using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Json;
using OneOnOne.Api.Localization;

namespace OneOnOne.Api.Hosting;

/// <summary>
/// One set of rules for every JSON body, so no endpoint has to remember them: a field without a default must be there,
/// a non-nullable field or list entry is not null, a field appears once, the text is valid UTF-8. What breaks a rule is a
/// 400 that names the field and says what is wrong, in the caller's language (<see cref="Describe"/>).
/// </summary>
public static partial class JsonRequests
{
    public static void Configure(JsonOptions options)
    {
        var json = options.SerializerOptions;
        json.RespectRequiredConstructorParameters = true;
        json.RespectNullableAnnotations = true;
        json.AllowDuplicateProperties = false;
        json.TypeInfoResolver = (json.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(Modify);
    }

    /// <summary>A list entry that is null where the type says it cannot be, found after the object was read.</summary>
    private sealed class NullEntryException(string field) : JsonException($"'{field}' holds a null entry.")
    {
        public string Field { get; } = field;
    }

    private static void Modify(JsonTypeInfo type)
    {
        // The rules are for what comes in: an answer is written as it is, never refused for a null the type did not expect.
        foreach (var property in type.Properties.Where(p => !p.PropertyType.IsValueType || Nullable.GetUnderlyingType(p.PropertyType) is not null))
        {
            property.IsGetNullable = true;
        }

        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var lists = type.Properties
            .Where(p => p.Get is not null && p.AttributeProvider is PropertyInfo info && HasNonNullableEntries(info))
            .ToList();
        if (lists.Count == 0)
        {
            return;
        }

        var previous = type.OnDeserialized;
        type.OnDeserialized = value =>
        {
            previous?.Invoke(value);
            foreach (var list in lists)
            {
                if (list.Get!(value) is IEnumerable entries)
                {
                    var index = 0;
                    foreach (var entry in entries)
                    {
                        if (entry is null)
                        {
                            throw new NullEntryException($"{list.Name}[{index}]");
                        }

                        index++;
                    }
                }
            }
        };
    }

    private static readonly NullabilityInfoContext Nullability = new();

    private static bool HasNonNullableEntries(PropertyInfo property)
    {
        if (property.PropertyType == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(property.PropertyType))
        {
            return false;
        }

        NullabilityInfo info;
        lock (Nullability)
        {
            info = Nullability.Create(property);
        }

        var entry = info.ElementType ?? (info.GenericTypeArguments is [var only] ? only : null);
        return entry is not null && !entry.Type.IsValueType && entry.ReadState == NullabilityState.NotNull;
    }

    /// <summary>What is wrong with a body the serializer refused, per field; null when it is not JSON at all.</summary>
    public static Dictionary<string, string[]>? Describe(JsonException exception, string language)
    {
        var at = FieldOf(exception.Path);
        if (exception is NullEntryException nullEntry)
        {
            return One(Join(at, nullEntry.Field), Texts.NoNullEntries.In(language));
        }

        var message = exception.Message;
        if (MissingRequired().Match(message) is { Success: true } missing)
        {
            return missing.Groups["names"].Value.Split(", ")
                .Select(name => Join(at, name.Trim('\'')))
                .ToDictionary(field => field, _ => new[] { Texts.Required.In(language) });
        }

        if (message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
        {
            var name = Quoted().Match(message) is { Success: true } quoted ? quoted.Groups["name"].Value : null;
            return One(name is null ? at : Join(ParentOf(at), name), Texts.DuplicateField.In(language));
        }

        if (message.Contains("null values", StringComparison.Ordinal))
        {
            return One(at, Texts.Required.In(language));
        }

        // A syntax error of the reader (not JSON), or a body of the wrong shape as a whole: no field to name.
        if (exception.InnerException is JsonException || at.Length == 0)
        {
            return null;
        }

        var (expected, choices) = Expected(exception);
        return One(at, choices is null ? expected.In(language) : expected.In(language, choices));
    }

    /// <summary>What the field must hold: from the reader's own complaint, or the type it could not convert to.</summary>
    private static (Text Message, string? Choices) Expected(JsonException exception)
    {
        var type = ReadAs(exception.InnerException?.Message ?? "") ?? FieldType(exception);
        return type switch
        {
            null => (Texts.InvalidValue, null),
            { IsEnum: true } => (Texts.MustBeOneOf, string.Join(", ", Enum.GetNames(type))),
            _ when type == typeof(Guid) => (Texts.MustBeId, null),
            _ when type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset) => (Texts.MustBeDate, null),
            _ when type == typeof(bool) => (Texts.MustBeTrueOrFalse, null),
            _ when type == typeof(string) => (Texts.MustBeText, null),
            _ when type.IsPrimitive || type == typeof(decimal) => (Texts.MustBeNumber, null),
            _ => (Texts.InvalidValue, null),
        };
    }

    /// <summary>The type the reader itself says it could not read the value as ("not in a supported Guid format").</summary>
    private static Type? ReadAs(string reader) =>
        reader.Contains("Guid", StringComparison.Ordinal) ? typeof(Guid)
        : reader.Contains("DateOnly", StringComparison.Ordinal) || reader.Contains("DateTime", StringComparison.Ordinal) ? typeof(DateOnly)
        : reader.Contains("boolean", StringComparison.OrdinalIgnoreCase) ? typeof(bool)
        : reader.Contains("as a string", StringComparison.Ordinal) ? typeof(string)
        : reader.Contains("number", StringComparison.OrdinalIgnoreCase) ? typeof(double)
        : null;

    private static Type? FieldType(JsonException exception)
    {
        // The serializer names the type it was reading: the field's own, or for a field of an object that object's.
        var typeName = ConvertedTo().Match(exception.Message) is { Success: true } converted ? converted.Groups["type"].Value : "";
        var named = TypeNamed(typeName);
        var field = named is { IsClass: true } && named != typeof(string) && LastName().Match(exception.Path ?? "") is { Success: true } last
            ? named.GetProperty(last.Groups["name"].Value, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType
            : named;
        return field is null ? null : Nullable.GetUnderlyingType(field) ?? field;
    }

    private static Type? TypeNamed(string name) =>
        NullableOf().Match(name) is { Success: true } wrapped ? TypeNamed(wrapped.Groups["inner"].Value)
        : Type.GetType(name) ?? typeof(JsonRequests).Assembly.GetType(name);

    private static Dictionary<string, string[]> One(string field, string message) => new() { [field] = [message] };

    /// <summary>"$.actions[0].dueDate" as a person and the panes name it: "actions[0].dueDate"; the body itself is "".</summary>
    private static string FieldOf(string? path) =>
        path is null or "$" ? "" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string ParentOf(string field) =>
        field.LastIndexOf('.') is var dot and > 0 ? field[..dot] : "";

    private static string Join(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    [GeneratedRegex(@"missing required properties including: (?<names>'[^']+'(, '[^']+')*)")]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"property '(?<name>[^']+)'", RegexOptions.IgnoreCase)]
    private static partial Regex Quoted();

    [GeneratedRegex(@"converted to (?<type>\S+?)\. Path")]
    private static partial Regex ConvertedTo();

    [GeneratedRegex(@"\.(?<name>\w+)$")]
    private static partial Regex LastName();

    [GeneratedRegex(@"^System\.Nullable`1\[(?<inner>.+)\]$")]
    private static partial Regex NullableOf();
}
