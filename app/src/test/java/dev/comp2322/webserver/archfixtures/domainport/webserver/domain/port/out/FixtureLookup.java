package dev.comp2322.webserver.archfixtures.domainport.webserver.domain.port.out;

/** A port where ports belong. */
public interface FixtureLookup {
    boolean exists(String path);
}
