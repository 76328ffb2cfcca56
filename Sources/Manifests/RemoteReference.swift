/// Entries that name remote resources (git URLs, go-getter forms), which we never fetch.
public enum RemoteReference {
    public static func looksRemote(_ entry: String) -> Bool {
        entry.contains("://") || entry.hasPrefix("git@") || entry.hasPrefix("github.com/")
            || entry.hasPrefix("gitlab.com/") || entry.hasPrefix("bitbucket.org/")
    }
}
