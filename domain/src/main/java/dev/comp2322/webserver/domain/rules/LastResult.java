package dev.comp2322.webserver.domain.rules;

import java.util.Objects;
import java.util.function.Function;

/**
 * A one-entry memo of a pure function: its last argument and result. A server answers the same request
 * again and again (a busy page, clients revalidating one file), so the last answer is usually the next
 * one. A hit costs one {@code equals} — by identity when the wire hands back the very same String for
 * the same bytes, as adapters-socket does — and the memo never grows, whatever clients send.
 *
 * <p>Thread-safe without locks: the entry is an immutable record behind a volatile reference; two
 * threads that miss at once both compute, and either result is right. Only for functions whose result
 * depends on nothing but the argument and is immutable.
 */
final class LastResult<K, V> {

    private record Entry<K, V>(K argument, V result) {}

    private final Function<K, V> function;
    private volatile Entry<K, V> last;

    LastResult(Function<K, V> function) {
        this.function = Objects.requireNonNull(function, "function");
    }

    V apply(K argument) {
        Entry<K, V> entry = last;
        if (entry != null && entry.argument().equals(argument)) {
            return entry.result();
        }
        V result = function.apply(argument);
        last = new Entry<>(argument, result);
        return result;
    }
}
