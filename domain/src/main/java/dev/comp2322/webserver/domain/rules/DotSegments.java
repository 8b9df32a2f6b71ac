package dev.comp2322.webserver.domain.rules;

import dev.comp2322.webserver.domain.model.ResourcePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Dot-segment removal (RFC 3986 §5.2.4) over the decoded segments of an absolute path, with two
 * deliberate differences for a file server:
 * <ul>
 *   <li>a {@code ..} with nothing left to remove is refused (empty), where RFC 3986 would silently
 *       stay at the root: legitimate clients remove dot segments before sending (RFC 3986 §5.2.4 is
 *       what browsers and curl apply), so a request that still climbs above the root is a probe,
 *       and nginx answers it with 400 too;</li>
 *   <li>empty segments ({@code //}) are dropped, as the file system and nginx's default
 *       {@code merge_slashes} do, so {@code /a//b} names {@code /a/b}.</li>
 * </ul>
 */
final class DotSegments {

    private DotSegments() {}

    /**
     * The normalised path for {@code segments} (the parts between the slashes of a path that began
     * with {@code /}, already percent-decoded — so {@code %2e%2e} counts as {@code ..}, RFC 3986
     * §6.2.2.2), or empty when it would climb above the root.
     */
    static Optional<ResourcePath> normalise(List<String> segments) {
        List<String> kept = new ArrayList<>(segments.size());
        boolean directoryForm = false;
        for (String segment : segments) {
            switch (segment) {
                case "", "." -> directoryForm = true;
                case ".." -> {
                    if (kept.isEmpty()) {
                        return Optional.empty();
                    }
                    kept.removeLast();
                    directoryForm = true;
                }
                default -> {
                    kept.add(segment);
                    directoryForm = false;
                }
            }
        }
        // Only the last segment decides the form: "/a/." and "/a/.." name directories like "/a/".
        return Optional.of(new ResourcePath(kept, directoryForm || kept.isEmpty()));
    }
}
