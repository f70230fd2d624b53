namespace OneOnOne.Api.Hosting;

/// <summary>A setting is missing or wrong; the message is the one line an operator needs to fix it.</summary>
public sealed class StartupConfigurationException(string message) : Exception(message);
