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

    /// <summary>
    /// Kinds that read alike: texts negotiated between parties (joint statements, communiqués, declarations, treaties), a
    /// government's own statements (press releases, readouts, orders and anything else), and speeches. Nearly every sentence of
    /// a negotiated text is a position; a speech narrates and argues between its positions.
    /// </summary>
    public static DocumentFamily Family(this DocumentKind kind) => kind switch
    {
        DocumentKind.JointStatement or DocumentKind.Communique or DocumentKind.Declaration or DocumentKind.Treaty => DocumentFamily.Negotiated,
        DocumentKind.Speech => DocumentFamily.Speech,
        _ => DocumentFamily.Unilateral,
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

/// <summary>Kinds of document that read alike (<see cref="DocumentKinds.Family"/>).</summary>
public enum DocumentFamily
{
    Negotiated,
    Unilateral,
    Speech,
}
