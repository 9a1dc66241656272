namespace Tracker.Domain.Actors;

public enum ActorKind
{
    Unspecified,
    State,
    Organisation,
    Alliance,
    Group,
    Person,
}
