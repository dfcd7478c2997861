package org.ccin.store.search;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * The sentence-embedding model all-MiniLM-L6-v2 (quantised, 384 dimensions), run in process by ONNX Runtime from
 * the weights inside its Maven artifact: no network, no download. Loading takes about a second, so callers load
 * it in the background ({@link SemanticModel}). Thread-safe.
 */
public final class MiniLmEmbedder implements TextEmbedder {
    private final AllMiniLmL6V2QuantizedEmbeddingModel model;

    private MiniLmEmbedder() {
        // the model's tokenizer library asks the network whether it runs in a cloud and reports usage: neither is
        // wanted, and offline it would only wait for a timeout
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("ai.djl.offline", "true");
        model = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    public static MiniLmEmbedder load() {
        return new MiniLmEmbedder();
    }

    @Override
    public String model() {
        return "all-minilm-l6-v2-q";
    }

    @Override
    public float[] embed(String text) {
        return Vectors.unit(model.embed(text).content().vector());
    }
}
