namespace OneOnOne.Api.Data;

public enum NoteVisibility
{
    Shared,
    Private,
}
