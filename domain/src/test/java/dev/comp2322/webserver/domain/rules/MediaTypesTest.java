package dev.comp2322.webserver.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Content-Type by extension, RFC 9110 §8.3. */
class MediaTypesTest {

    @DisplayName("RFC 9110 §8.3: media type by extension, case-insensitive; text with charset=utf-8")
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "index.html    | text/html; charset=utf-8",
        "INDEX.HTML    | text/html; charset=utf-8",
        "old.htm       | text/html; charset=utf-8",
        "a.txt         | text/plain; charset=utf-8",
        "a.css         | text/css; charset=utf-8",
        "a.js          | text/javascript; charset=utf-8",
        "a.mjs         | text/javascript; charset=utf-8",
        "a.json        | application/json; charset=utf-8",
        "a.xml         | application/xml; charset=utf-8",
        "a.svg         | image/svg+xml; charset=utf-8",
        "a.csv         | text/csv; charset=utf-8",
        "README.md     | text/markdown; charset=utf-8",
        "a.png         | image/png",
        "a.PNG         | image/png",
        "a.jpg         | image/jpeg",
        "a.JpEg        | image/jpeg",
        "a.gif         | image/gif",
        "a.webp        | image/webp",
        "a.avif        | image/avif",
        "favicon.ico   | image/x-icon",
        "a.bmp         | image/bmp",
        "a.pdf         | application/pdf",
        "a.wasm        | application/wasm",
        "a.mp4         | video/mp4",
        "a.webm        | video/webm",
        "a.mp3         | audio/mpeg",
        "a.ogg         | audio/ogg",
        "a.wav         | audio/wav",
        "a.woff        | font/woff",
        "a.woff2       | font/woff2",
        "archive.tar.gz| application/octet-stream",
        "Makefile      | application/octet-stream",
        "trailing.     | application/octet-stream",
        "a.exe         | application/octet-stream",
        "html          | application/octet-stream",
    })
    void mediaTypes(String name, String type) {
        assertThat(MediaTypes.contentTypeField(name).value()).isEqualTo(type);
    }
}
