namespace Tracker.Domain.Documents;

public enum DocumentKind
{
    Other,
    JointStatement,
    Communique,
    Declaration,
    Speech,
    Readout,
    ExecutiveOrder,
    Treaty,
    PressRelease,
}

public static class DocumentKinds
{
    public static string Code(this DocumentKind kind) => kind switch
    {
        DocumentKind.JointStatement => "joint_statement",
        DocumentKind.Communique => "communique",
        DocumentKind.Declaration => "declaration",
        DocumentKind.Speech => "speech",
        DocumentKind.Readout => "readout",
        DocumentKind.ExecutiveOrder => "executive_order",
        DocumentKind.Treaty => "treaty",
        DocumentKind.PressRelease => "press_release",
        _ => "other",
    };

    public static IReadOnlyList<string> Codes { get; } = Enum.GetValues<DocumentKind>().Select(Code).ToArray();

    public static bool TryParse(string? code, out DocumentKind kind)
    {
        foreach (var candidate in Enum.GetValues<DocumentKind>())
        {
            if (string.Equals(candidate.Code(), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
