package vn.hoinghi.orchestrator.support;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.function.Supplier;

/** Runs a store read from a test inside a transaction, as the application's own callers do. */
@Singleton
public class Probe {
    @Transactional(readOnly = true)
    public <T> T read(Supplier<T> query) {
        return query.get();
    }
}
