package dev.comp2322.webserver.domain.rules;

/**
 * The status profile, chosen once at start-up: {@code COURSE} sends only 200, 304, 400 and 404 (the
 * COMP2322 assignment's rule); {@code RFC} sends whatever RFC 9110 names for the situation.
 */
public enum Profile {
    COURSE,
    RFC
}
