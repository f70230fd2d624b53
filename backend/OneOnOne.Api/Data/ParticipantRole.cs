namespace OneOnOne.Api.Data;

public enum ParticipantRole
{
    Manager,
    Report,
}
