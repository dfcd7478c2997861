package org.ccin.store.casestudies;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.HexFormat;
import java.util.List;
import org.ccin.store.Database;
import org.ccin.store.search.TextEmbedder;
import org.ccin.store.search.VectorIndex;
import org.ccin.store.search.Vectors;
import org.jdbi.v3.core.Jdbi;

/**
 * The case studies' embeddings, kept in the database beside them (migration V12) so that a restart does not embed
 * the library again. {@link #refresh} embeds only the studies that are new or whose embedded text changed (by its
 * hash). Thread-safe.
 */
public final class CaseStudyEmbeddings {
    /** Enough of a study for its meaning (title, councils, summary, the body's start): the model's time grows with it. */
    static final int TEXT_MAX = 600;
    private static final int BATCH = 200;
    /**
     * The latest vectors by text hash, for the whole process: a second database with the same studies (a restored
     * backup, the sample data of each test bot) reuses them instead of running the model again.
     */
    private static final Map<String, Vectors.Quantised> RECENT = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Vectors.Quantised> eldest) {
                    return size() > 5_000;
                }
            });

    private final Jdbi jdbi;

    /** Told how far a refresh has got: {@code done} of {@code total} studies embedded. */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total);

        static Progress silent() {
            return (done, total) -> { };
        }
    }

    public CaseStudyEmbeddings(Database database) {
        this.jdbi = database.jdbi();
    }

    private record Candidate(long id, long updatedAt, String text, String oldHash) {
    }

    /** Embeds what is missing or changed, one study at a time, and returns how many studies were embedded. */
    public int refresh(TextEmbedder embedder, Progress progress) {
        return refresh(embedder, progress, false);
    }

    /**
     * Embeds what is missing or changed and returns how many studies were embedded; with {@code everyCore}, on every
     * core (an import, which waits for it), else on the calling thread alone (the bot in the background, which
     * leaves the other cores to answer people).
     */
    public int refresh(TextEmbedder embedder, Progress progress, boolean everyCore) {
        String model = embedder.model();
        List<Candidate> candidates = jdbi.withHandle(h -> h.createQuery("""
                SELECT c.id, c.updated_at, c.title, c.summary, c.body, c.councils, e.text_hash
                FROM case_studies c LEFT JOIN case_study_embeddings e ON e.case_study_id = c.id
                WHERE e.case_study_id IS NULL OR e.source_updated_at != c.updated_at OR e.model != :model
                ORDER BY c.id
                """).bind("model", model).map((rs, ctx) -> new Candidate(rs.getLong("id"), rs.getLong("updated_at"),
                text(rs.getString("title"), rs.getString("summary"), rs.getString("body"), rs.getString("councils")),
                rs.getString("text_hash"))).list());
        List<Candidate> changed = new ArrayList<>();
        List<Candidate> touched = new ArrayList<>();
        for (Candidate candidate : candidates) {
            (hash(model, candidate.text()).equals(candidate.oldHash()) ? touched : changed).add(candidate);
        }
        jdbi.useTransaction(h -> {
            for (Candidate candidate : touched) {
                h.createUpdate("UPDATE case_study_embeddings SET source_updated_at = :at WHERE case_study_id = :id")
                        .bind("at", candidate.updatedAt()).bind("id", candidate.id()).execute();
            }
        });
        int done = 0;
        for (int start = 0; start < changed.size(); start += BATCH) {
            List<Candidate> batch = changed.subList(start, Math.min(changed.size(), start + BATCH));
            // the model runs each embedding on one thread (MiniLmEmbedder): a batch goes as fast as the cores allow
            List<Vectors.Quantised> vectors = (everyCore ? batch.parallelStream() : batch.stream())
                    .map(candidate -> vector(embedder, model, candidate.text())).toList();
            jdbi.useTransaction(h -> {
                for (int i = 0; i < batch.size(); i++) {
                    Candidate candidate = batch.get(i);
                    h.createUpdate("""
                            INSERT INTO case_study_embeddings (case_study_id, model, text_hash, source_updated_at,
                                                               scale, vector)
                            VALUES (:id, :model, :hash, :at, :scale, :vector)
                            ON CONFLICT (case_study_id) DO UPDATE SET model = excluded.model,
                                text_hash = excluded.text_hash, source_updated_at = excluded.source_updated_at,
                                scale = excluded.scale, vector = excluded.vector
                            """).bind("id", candidate.id()).bind("model", model)
                            .bind("hash", hash(model, candidate.text())).bind("at", candidate.updatedAt())
                            .bind("scale", vectors.get(i).scale()).bind("vector", vectors.get(i).bytes()).execute();
                }
            });
            done += batch.size();
            progress.update(done, changed.size());
        }
        return changed.size();
    }

    /** The text's vector: from the recent ones, or embedded (outside the map's lock, so embeddings run at once). */
    private static Vectors.Quantised vector(TextEmbedder embedder, String model, String text) {
        String key = hash(model, text);
        Vectors.Quantised known = RECENT.get(key);
        if (known != null) {
            return known;
        }
        Vectors.Quantised vector = Vectors.quantise(embedder.embed(text));
        RECENT.put(key, vector);
        return vector;
    }

    /** How many studies are new or changed since they were embedded (whatever the model): none means no work. */
    public int stale() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM case_studies c"
                + " LEFT JOIN case_study_embeddings e ON e.case_study_id = c.id"
                + " WHERE e.case_study_id IS NULL OR e.source_updated_at != c.updated_at").mapTo(Integer.class).one());
    }

    /** Every stored embedding of the model, in memory. */
    public VectorIndex load(String model) {
        VectorIndex.Builder builder = new VectorIndex.Builder();
        jdbi.useHandle(h -> h.createQuery("SELECT case_study_id, scale, vector FROM case_study_embeddings"
                        + " WHERE model = :model ORDER BY case_study_id").bind("model", model)
                .map((rs, ctx) -> builder.add(rs.getLong(1), rs.getFloat(2), rs.getBytes(3))).list());
        return builder.build();
    }

    /** Changes whenever a study is added, changed or removed: tells a loaded index that it is out of date. */
    public String signature() {
        return jdbi.withHandle(h -> h.createQuery(
                "SELECT count(*) || ':' || coalesce(max(updated_at), 0) || ':' || coalesce(max(id), 0) FROM case_studies")
                .mapTo(String.class).one());
    }

    /** What is embedded of a study: its title first, as people describe a study by what it is. */
    static String text(String title, String summary, String body, String councils) {
        String text = title + ". " + String.join(", ", councils.split("\n")) + ". " + summary + " "
                + body.replaceAll("\\s+", " ");
        return text.length() > TEXT_MAX ? text.substring(0, TEXT_MAX) : text.strip();
    }

    static String hash(String model, String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest((model + "\n" + text).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
