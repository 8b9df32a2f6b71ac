package dev.comp2322.webserver.adapters.fs;

/**
 * The one definition of what "small" means and how much the file-system adapter keeps in memory.
 * A file up to {@link #SMALL_FILE_BYTES} has its bytes held and is sent from memory with its head;
 * a larger one is streamed from the file (sendfile).
 */
public final class CacheLimits {

    /** Files up to this size are held in memory; larger ones are streamed. */
    public static final int SMALL_FILE_BYTES = 16 * 1024;

    /** At most this many bytes of small files are held; when more would be, the cache starts over. */
    public static final long TOTAL_BYTES = 16L << 20;

    /** At most this many looked-up paths are remembered; when more would be, the cache starts over. */
    public static final int MAX_ENTRIES = 8192;

    /**
     * At most this many large files are held open at once, each by one channel shared by the
     * responses that stream it; beyond that a response opens its file for itself. Far below the
     * descriptors connections need.
     */
    public static final int OPEN_FILES = 64;

    private CacheLimits() {}
}
