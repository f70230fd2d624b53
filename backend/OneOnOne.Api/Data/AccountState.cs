namespace OneOnOne.Api.Data;

public enum AccountState
{
    Active,
    Disabled,
    Deleted,
}
