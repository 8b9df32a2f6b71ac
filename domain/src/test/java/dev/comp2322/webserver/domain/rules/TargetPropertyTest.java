package dev.comp2322.webserver.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.comp2322.webserver.domain.model.ResourcePath;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Path safety, RFC 3986 §5.2.4 and §2.1: whatever comes in, nothing outside the root comes out. */
class TargetPropertyTest {

    private static final Path ROOT = Path.of("/srv/www");

    @Provide
    Arbitrary<String> targets() {
        Arbitrary<String> segment = Arbitraries.of(
                "..", ".", "", "%2e", "%2E", "%2e%2e", ".%2e", "%2E.", "...", "a", "b", "index.html",
                ".hidden", "%2f", "%2F", "%5c", "\\", "%00", "x%2e%2e", "%252e%252e", "%C3%A9", "a%20b", "..;", "~");
        Arbitrary<String> suffix = Arbitraries.of("", "?", "?x=../..", "?%2e%2e", "#frag");
        return segment.list().ofMinSize(0).ofMaxSize(8)
                .map(list -> "/" + String.join("/", list))
                .flatMap(path -> suffix.map(path::concat));
    }

    @Property(tries = 2000)
    @Label("RFC 3986 §5.2.4: no decoded, normalised target ever names a path outside the root")
    void neverOutsideRoot(@ForAll("targets") String target) {
        if (!(TargetDecoder.decode(target) instanceof DecodedTarget.Valid valid)) {
            return; // refused with 400: safe by definition
        }
        ResourcePath path = valid.path();
        Path resolved = ROOT.resolve(String.join("/", path.segments())).normalize();
        assertThat(resolved).startsWithRaw(ROOT);
        assertThat(path.segments()).allMatch(ResourcePath::isSafeSegment);
        // And it is the same file a plain decode-then-normalise would reach: nothing was lost or invented.
        assertThat(resolved).isEqualTo(referenceResolution(target));
    }

    /** What a careful server would reach: decode the path, then let the file system normalise it. */
    private static Path referenceResolution(String target) {
        int query = target.indexOf('?');
        String rawPath = query < 0 ? target : target.substring(0, query);
        String decoded = URLDecoder.decode(rawPath, StandardCharsets.UTF_8);
        return Path.of(ROOT + decoded).normalize();
    }

    @Property(tries = 500)
    @Label("RFC 3986 §5.2.4: a target that climbs above the root, however it is spelled, is refused")
    void climbingIsRefused(@ForAll("climbs") String target) {
        assertThat(TargetDecoder.decode(target)).isInstanceOf(DecodedTarget.Invalid.class);
    }

    @Provide
    Arbitrary<String> climbs() {
        Arbitrary<String> up = Arbitraries.of("..", "%2e%2e", "%2E%2E", ".%2e", "%2e.");
        Arbitrary<List<String>> before = Arbitraries.of("a", "b", ".", "").list().ofMaxSize(3);
        return before.flatMap(prefix -> up.list().ofMinSize(1).ofMaxSize(4).map(ups -> {
            long real = prefix.stream().filter(s -> !s.isEmpty() && !s.equals(".")).count();
            StringBuilder target = new StringBuilder();
            prefix.forEach(s -> target.append('/').append(s));
            // one more ".." than there are real segments before it
            for (long i = 0; i <= real; i++) {
                target.append('/').append(ups.get((int) (i % ups.size())));
            }
            return target.append("/etc/passwd").toString();
        }));
    }
}
