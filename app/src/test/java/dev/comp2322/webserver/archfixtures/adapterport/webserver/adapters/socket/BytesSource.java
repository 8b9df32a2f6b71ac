package dev.comp2322.webserver.archfixtures.adapterport.webserver.adapters.socket;

/** Violation: a port (implemented by the app) declared in an adapter instead of domain.port. */
public interface BytesSource {
    byte[] bytes(String path);
}
