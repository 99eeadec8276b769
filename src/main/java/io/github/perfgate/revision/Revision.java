package io.github.perfgate.revision;

import java.util.Objects;

/**
 * A git revision resolved to its commit.
 *
 * @param name the revision as the user gave it ({@code HEAD~1}, {@code origin/main}, a tag)
 * @param sha  the commit's full id
 */
public record Revision(String name, String sha) {

    public Revision {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha, "sha");
        if (sha.length() < 10) {
            throw new IllegalArgumentException("not a full commit id: " + sha);
        }
    }

    /** The first 10 characters of the commit id, as messages show it. */
    public String shortSha() {
        return sha.substring(0, 10);
    }

    /** How messages name it: {@code HEAD~1 (1a2b3c4d5e)}, or the short id alone when it was given as a commit id. */
    public String describe() {
        return sha.startsWith(name.toLowerCase(java.util.Locale.ROOT)) ? shortSha() : name + " (" + shortSha() + ")";
    }
}
