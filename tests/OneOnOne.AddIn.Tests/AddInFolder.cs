namespace OneOnOne.AddIn.Tests;

/// <summary>The repository's addin/ folder, found upward from the test assembly (no machine-specific paths).</summary>
public static class AddInFolder
{
    public static string Path { get; } = Find();

    public static string RepositoryRoot => System.IO.Path.GetDirectoryName(Path)!;

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = System.IO.Path.Combine(folder.FullName, "addin", "package.json");
            if (File.Exists(candidate) && File.Exists(System.IO.Path.Combine(folder.FullName, "OneOnOne.sln")))
            {
                return System.IO.Path.Combine(folder.FullName, "addin");
            }
        }

        throw new InvalidOperationException($"No addin/ folder above {AppContext.BaseDirectory}.");
    }
}
