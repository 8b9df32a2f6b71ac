package dev.comp2322.webserver.archfixtures.kitleak.webserver.domain;

/** A server class; the kit fixture wrongly uses it. */
public enum FixtureStatus {
    OK
}
