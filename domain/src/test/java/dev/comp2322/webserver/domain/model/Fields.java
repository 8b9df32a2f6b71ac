package dev.comp2322.webserver.domain.model;

import java.util.ArrayList;
import java.util.List;

/** Test shorthands for header fields: building a header section, reading a response's field. */
public final class Fields {

    private Fields() {}

    /** A header section from alternating names and values. */
    public static HeaderFields fields(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        List<HeaderField> list = new ArrayList<>(namesAndValues.length / 2);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            list.add(new HeaderField(namesAndValues[i], namesAndValues[i + 1]));
        }
        return new HeaderFields(list);
    }

    /** The value of the response's first field with this name, or empty text. */
    public static String header(Response response, String name) {
        return new HeaderFields(response.headers()).first(name).orElse("");
    }
}
