package dev.comp2322.webserver.domain.model;

import java.util.List;
import java.util.Objects;

/**
 * A decoded, normalised path below the document root: a list of segments, none empty, none
 * {@code "."} or {@code ".."}, none containing {@code /}, {@code \} or a control character. By
 * construction it can't name anything above the root; adapters still check the real path.
 *
 * @param segments      the path segments, root first
 * @param trailingSlash whether the request named it with a trailing {@code /} (a directory form)
 */
public record ResourcePath(List<String> segments, boolean trailingSlash) {

    /** The document root itself, {@code /}. */
    public static final ResourcePath ROOT = new ResourcePath(List.of(), true);

    public ResourcePath {
        segments = List.copyOf(Objects.requireNonNull(segments, "segments"));
        for (String segment : segments) {
            if (!isSafeSegment(segment)) {
                throw new IllegalArgumentException("unsafe path segment: " + segment.replaceAll("\\p{Cntrl}", "?"));
            }
        }
    }

    /** True for a segment that names one entry inside its parent and nothing else. */
    public static boolean isSafeSegment(String segment) {
        if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '/' || c == '\\' || Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }

    /** This path with one more segment, e.g. a directory's {@code index.html}. */
    public ResourcePath resolve(String segment) {
        List<String> longer = new java.util.ArrayList<>(segments);
        longer.add(segment);
        return new ResourcePath(longer, false);
    }

    /** True for the root, {@code /}. */
    public boolean isRoot() {
        return segments.isEmpty();
    }

    /** The path as {@code /a/b} (with the trailing slash when it had one); not percent-encoded. */
    @Override
    public String toString() {
        String joined = "/" + String.join("/", segments);
        return trailingSlash && !segments.isEmpty() ? joined + "/" : joined;
    }
}
