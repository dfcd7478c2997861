package org.ccin.store.search;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedding model, loaded once in the background so that start-up does not wait for it. Until it is loaded,
 * or when it cannot be (a platform without ONNX Runtime, a damaged jar), {@link #ready} is empty and searches use
 * the full-text index alone. Thread-safe.
 */
public final class SemanticModel {
    private static final Logger log = LoggerFactory.getLogger(SemanticModel.class);

    private final Supplier<TextEmbedder> loader;
    private volatile CompletableFuture<Optional<TextEmbedder>> loading;

    public SemanticModel(Supplier<TextEmbedder> loader) {
        this.loader = loader;
    }

    /** The bundled MiniLM model, one per process: its weights take about 100 MB, so every store shares them. */
    private static final SemanticModel SHARED = new SemanticModel(MiniLmEmbedder::load);

    public static SemanticModel shared() {
        return SHARED;
    }

    /** No model at all: full-text search only (tests of the fallback). */
    public static SemanticModel none() {
        SemanticModel model = new SemanticModel(() -> null);
        model.loading = CompletableFuture.completedFuture(Optional.empty());
        return model;
    }

    /** Starts loading on a background thread, once; later calls return the same future. */
    public synchronized CompletableFuture<Optional<TextEmbedder>> start() {
        if (loading == null) {
            loading = CompletableFuture.supplyAsync(this::load, runnable -> {
                Thread thread = new Thread(runnable, "semantic-model");
                thread.setDaemon(true);
                thread.setPriority(Thread.MIN_PRIORITY);
                thread.start();
            });
        }
        return loading;
    }

    private Optional<TextEmbedder> load() {
        long start = System.nanoTime();
        try {
            TextEmbedder embedder = loader.get();
            if (embedder != null) {
                log.info("semantic search: model {} loaded in {} ms", embedder.model(),
                        (System.nanoTime() - start) / 1_000_000);
            }
            return Optional.ofNullable(embedder);
        } catch (RuntimeException | LinkageError e) {
            log.warn("semantic search is off, the full-text index answers alone: the model did not load ({})",
                    e.toString());
            return Optional.empty();
        }
    }

    /** The model if it has loaded; never waits. */
    public Optional<TextEmbedder> ready() {
        CompletableFuture<Optional<TextEmbedder>> current = loading;
        return current != null && current.isDone() ? current.join() : Optional.empty();
    }

    /** Waits for the model (import, tests, benchmarks): empty when it cannot be loaded. */
    public Optional<TextEmbedder> await() {
        return start().join();
    }
}
