package so.ara.spec;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Where a command adapter's code comes from: a git repository or a tarball. */
public sealed interface Artifact permits Artifact.Git, Artifact.Tarball {

    static Git git(String repoUrl) {
        return git(repoUrl, "main", "");
    }

    static Git git(String repoUrl, String ref, String subdir) {
        String url = Normalized.text(repoUrl);
        if (url.isEmpty()) {
            throw new IllegalArgumentException("git_artifact() requires a non-empty repo_url");
        }
        return new Git("git", url, ref == null || ref.isBlank() ? "main" : ref.trim(), Normalized.text(subdir));
    }

    static Tarball tarball(String url) {
        return tarball(url, "");
    }

    static Tarball tarball(String url, String stripPrefix) {
        String trimmed = Normalized.text(url);
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("tarball_artifact() requires a non-empty url");
        }
        return new Tarball("tarball", trimmed, Normalized.text(stripPrefix));
    }

    @JsonPropertyOrder({ "type", "repo_url", "ref", "subdir" })
    record Git(String type, String repoUrl, String ref, String subdir) implements Artifact {
    }

    @JsonPropertyOrder({ "type", "url", "strip_prefix" })
    record Tarball(String type, String url, String stripPrefix) implements Artifact {
    }
}
