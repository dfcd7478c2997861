package org.ccin.store.search;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The sentence-embedding model all-MiniLM-L6-v2 (quantised, 384 dimensions), run in process by ONNX Runtime from
 * the weights inside its Maven artifact (langchain4j's all-minilm-l6-v2-q): no network, no download. Loading takes
 * about a second, so callers load it in the background ({@link SemanticModel}). Thread-safe.
 *
 * <p>The session runs each embedding on one thread. ONNX Runtime's default spreads one across every core, which on
 * a two-core machine made a question's embedding wait for the full-text search it was meant to run beside (see
 * CaseStudySearch): one core each, the two take the time of the slower.
 */
public final class MiniLmEmbedder implements TextEmbedder {
    private static final String MODEL = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";
    private static final int DIMENSIONS = 384;

    private final Model model;

    /** The artifact's model through langchain4j's encoder, in a session of our own options. */
    private static final class Model extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Model(OnnxBertBiEncoder encoder) {
            super(Runnable::run); // one text at a time: a batch is never split over threads here
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSIONS;
        }
    }

    private MiniLmEmbedder() {
        // the model's tokenizer library asks the network whether it runs in a cloud and reports usage: neither is
        // wanted, and offline it would only wait for a timeout
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("ai.djl.offline", "true");
        ClassLoader loader = MiniLmEmbedder.class.getClassLoader();
        try (InputStream weights = loader.getResourceAsStream(MODEL);
             InputStream tokenizer = loader.getResourceAsStream(TOKENIZER)) {
            if (weights == null || tokenizer == null) {
                throw new IllegalStateException("the model's files are not on the class path: " + MODEL);
            }
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                OrtSession session = environment.createSession(weights.readAllBytes(), options);
                model = new Model(new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the model could not be read", e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not open the model", e);
        }
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
