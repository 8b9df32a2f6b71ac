package dev.comp2322.webserver.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Target → path: RFC 3986 §2.1 (percent-decoding), §5.2.4 (dot segments); RFC 9112 §3.2 (forms). */
class TargetDecoderTest {

    @DisplayName("RFC 3986 §2.1, §5.2.4: targets that decode to a path")
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "/                         | /",
        "/index.html               | /index.html",
        "/docs/                    | /docs/",
        "/docs                     | /docs",
        "/x/../index.html          | /index.html",
        "/a/./b                    | /a/b",
        "/a/b/..                   | /a/",
        "/a/b/.                    | /a/b/",
        "/a/%2e%2e/b               | /b",
        "/a/%2E./b                 | /b",
        "/a/.%2e                   | /",
        "/a//b                     | /a/b",
        "//etc/passwd              | /etc/passwd",
        "/caf%C3%A9.txt            | /caf\u00e9.txt",
        "/a%20b.txt                | /a b.txt",
        "/%E2%82%AC                | /\u20ac",
        "/%F0%9F%98%80             | /\ud83d\ude00",
        "/hello.txt?x=../../etc    | /hello.txt",
        "/hello.txt?               | /hello.txt",
        "/x?a=%zz                  | /x",
        "/a;b=c/d:e@f              | /a;b=c/d:e@f",
        "http://h/a/../b/          | /b/",
    })
    void decodes(String target, String path) {
        DecodedTarget decoded = TargetDecoder.decode(target);
        assertThat(decoded).isInstanceOf(DecodedTarget.Valid.class);
        assertThat(((DecodedTarget.Valid) decoded).path()).hasToString(path);
    }

    @DisplayName("RFC 3986 §2.1, §3.5; RFC 9112 §3.2: targets refused with 400")
    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource(delimiter = '|', value = {
        "/..                    | climbs above the root",
        "/../etc/passwd         | climbs above the root",
        "/a/../../etc/passwd    | climbs above the root",
        "/%2e%2e/etc/passwd     | encoded dots climb above the root",
        "/.%2E/x                | mixed dots climb above the root",
        "/a%2Fb                 | encoded slash",
        "/a%2f..%2f..%2fetc     | encoded slash",
        "/a%5Cb                 | encoded backslash",
        "/a\\b                  | raw backslash",
        "/..\\..\\etc           | raw backslash",
        "/a%00b                 | encoded NUL",
        "/a%0Ab                 | encoded LF",
        "/a%7Fb                 | encoded DEL",
        "/a%C2%85b              | encoded C1 control (NEL)",
        "/a%                    | truncated escape",
        "/a%4                   | truncated escape",
        "/a%zz                  | non-hex escape",
        "/a%C3                  | truncated UTF-8",
        "/a%C0%AF               | overlong UTF-8 for /",
        "/a%E0%80%AF            | overlong 3-byte UTF-8",
        "/a%ED%A0%80            | UTF-8 surrogate",
        "/a%FF                  | invalid UTF-8 byte",
        "/a%80                  | stray continuation byte",
        "/a%F4%90%80%80         | above U+10FFFF",
        "/index.html#top        | fragment",
        "/caf\u00e9             | raw non-ASCII",
        "*                      | asterisk-form",
        "example.com:443        | authority-form",
        "mailto:x@y             | other scheme",
    })
    void refuses(String target, String why) {
        assertThat(TargetDecoder.decode(target)).as(why).isInstanceOf(DecodedTarget.Invalid.class);
    }

    @Test
    @DisplayName("RFC 9112 §3.2: whitespace and control characters in the raw target are refused")
    void refusesRawControls() {
        assertThat(TargetDecoder.decode("/a b")).isInstanceOf(DecodedTarget.Invalid.class);
        assertThat(TargetDecoder.decode("/a\u0000b")).isInstanceOf(DecodedTarget.Invalid.class);
        assertThat(TargetDecoder.decode("/a\tb")).isInstanceOf(DecodedTarget.Invalid.class);
    }

    @Test
    @DisplayName("RFC 9112 §3.2.2: an absolute-form target's path and query follow its authority")
    void absoluteFormPathAndQuery() {
        var valid = (DecodedTarget.Valid) TargetDecoder.decode("http://example.com:8080/x?y=1");
        assertThat(valid.path().segments()).containsExactly("x");
        assertThat(valid.query()).isEqualTo("y=1");
    }

    @Test
    @DisplayName("RFC 9112 §3.2.1: origin-form keeps its raw query")
    void originFormQuery() {
        var valid = (DecodedTarget.Valid) TargetDecoder.decode("/docs?a=%20b");
        assertThat(valid.path().segments()).containsExactly("docs");
        assertThat(valid.query()).isEqualTo("a=%20b");
    }
}
