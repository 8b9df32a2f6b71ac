package dev.comp2322.webserver.domain.port.out;

/**
 * Driven-port token: an opaque reference to a file's content. The domain passes it through
 * untouched; the adapter that created it opens it for streaming.
 */
public interface ContentHandle {}
