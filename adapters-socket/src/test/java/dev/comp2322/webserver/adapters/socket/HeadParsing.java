package dev.comp2322.webserver.adapters.socket;

import dev.comp2322.webserver.domain.model.HeaderField;
import dev.comp2322.webserver.domain.model.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test helper: runs the request-line and field-section parsers over a request head, as the reader does. */
final class HeadParsing {

    /** A parsed head and how many input bytes were left after it. */
    record Head(String method, String target, HttpVersion version, List<HeaderField> fields, int leftover) {}

    static final int LINE_LIMIT = 8192;
    static final int SECTION_LIMIT = 32_768;
    static final int FIELD_LIMIT = 100;

    private HeadParsing() {}

    /** Parses the whole input in one buffer. */
    static Head parse(String input) throws WireException {
        return parse(input, LINE_LIMIT, SECTION_LIMIT, FIELD_LIMIT);
    }

    static Head parse(String input, int lineLimit, int sectionLimit, int fieldLimit) throws WireException {
        RequestLineParser line = new RequestLineParser(lineLimit);
        FieldSectionParser fields = new FieldSectionParser(sectionLimit, fieldLimit);
        ReadBuffer buffer = ReadBuffers.of(input);
        if (!(line.parse(buffer) && fields.parse(buffer))) {
            throw new AssertionError("head incomplete");
        }
        return new Head(line.method(), line.target(), line.version(), List.copyOf(fields.fields()), buffer.remaining());
    }

    /** Parses the input arriving in two reads, split before byte {@code split}; incomplete is an error. */
    static Head parseSplitAt(String input, int split) throws WireException {
        RequestLineParser line = new RequestLineParser(LINE_LIMIT);
        FieldSectionParser fields = new FieldSectionParser(SECTION_LIMIT, FIELD_LIMIT);
        byte[] bytes = input.getBytes(StandardCharsets.ISO_8859_1);
        ReadBuffer first = ReadBuffers.of(java.util.Arrays.copyOfRange(bytes, 0, split));
        if (line.parse(first) && fields.parse(first)) {
            throw new AssertionError("head complete before the split at " + split);
        }
        ReadBuffer second = ReadBuffers.of(java.util.Arrays.copyOfRange(bytes, split, bytes.length));
        if (!(line.parse(second) && fields.parse(second))) {
            throw new AssertionError("head incomplete");
        }
        return new Head(line.method(), line.target(), line.version(), List.copyOf(fields.fields()), second.remaining());
    }

    /** Parses the input one byte at a time, as a slow client would send it; null while incomplete is an error. */
    static Head parseByteAtATime(String input) throws WireException {
        RequestLineParser line = new RequestLineParser(LINE_LIMIT);
        FieldSectionParser fields = new FieldSectionParser(SECTION_LIMIT, FIELD_LIMIT);
        byte[] bytes = input.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < bytes.length; i++) {
            ReadBuffer one = ReadBuffers.of(new byte[] {bytes[i]});
            if (line.parse(one) && fields.parse(one)) {
                return new Head(line.method(), line.target(), line.version(), List.copyOf(fields.fields()),
                        bytes.length - i - 1);
            }
        }
        throw new AssertionError("head incomplete");
    }
}
