package dev.comp2322.webserver.archfixtures.adapterport.webserver.app;

import dev.comp2322.webserver.archfixtures.adapterport.webserver.adapters.socket.BytesSource;

/** The app implementing the adapter's port: the shape the rule forbids. */
public final class AppBytesSource implements BytesSource {
    @Override
    public byte[] bytes(String path) {
        return new byte[0];
    }
}
