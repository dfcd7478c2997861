package org.ccin.store.casestudies;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccin.config.ManualClock;
import org.ccin.store.KnowledgeFixture;
import org.ccin.store.Store;
import org.ccin.store.TestStores;
import org.ccin.store.search.TextEmbedder;
import org.ccin.store.search.Vectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Embeddings are stored, and computed again only for the studies whose embedded text changed. */
class CaseStudyEmbeddingsTest {
    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(TestStores.START);
    private Store store;
    private CaseStudyEmbeddings embeddings;
    /** A model name of this test's own: the process-wide cache of vectors must not answer for it. */
    private final String model = "letters-" + java.util.UUID.randomUUID();
    private final CountingEmbedder embedder = new CountingEmbedder(model);

    /** A small real embedder: letter frequencies, so that texts sharing letters are close. Counts its calls. */
    static final class CountingEmbedder implements TextEmbedder {
        private final String model;
        final List<String> embedded = new ArrayList<>();

        CountingEmbedder(String model) {
            this.model = model;
        }

        @Override
        public String model() {
            return model;
        }

        @Override
        public float[] embed(String text) {
            embedded.add(text);
            float[] v = new float[26];
            for (char c : text.toLowerCase().toCharArray()) {
                if (c >= 'a' && c <= 'z') {
                    v[c - 'a']++;
                }
            }
            return Vectors.unit(v);
        }
    }

    @BeforeEach
    void load() {
        store = TestStores.open(dir, clock);
        KnowledgeFixture.load(store);
        embeddings = new CaseStudyEmbeddings(store.database());
    }

    private void upsert(String slug, String title, String body, Optional<String> link) {
        store.database().jdbi().useHandle(h -> store.caseStudies().upsert(h, new CaseStudyData(slug, title,
                CaseStudyKind.CASE_STUDY, "", body, link, Optional.empty(), Optional.empty(), List.of(), List.of())));
    }

    @Test
    @DisplayName("Every study is embedded once; a second refresh embeds nothing, with progress reported")
    void onceOnly() {
        List<int[]> progress = new ArrayList<>();

        int first = embeddings.refresh(embedder, (done, total) -> progress.add(new int[] {done, total}));
        int second = embeddings.refresh(embedder, (done, total) -> progress.add(new int[] {-1, -1}));

        assertThat(first).isEqualTo(store.caseStudies().count());
        assertThat(second).isZero();
        assertThat(embedder.embedded).hasSize(first);
        assertThat(progress).last().satisfies(p -> assertThat(p).containsExactly(first, first));
        assertThat(embeddings.load(model).size()).isEqualTo(first);
    }

    @Test
    @DisplayName("A changed text is embedded again; a change outside the embedded text (the link) is not")
    void onlyChangedText() {
        upsert("zz-a", "Allotments", "Growing together.", Optional.empty());
        embeddings.refresh(embedder, CaseStudyEmbeddings.Progress.silent());
        embedder.embedded.clear();

        clock.advance(java.time.Duration.ofMinutes(1));
        upsert("zz-a", "Allotments", "Growing together.", Optional.of("https://example.org/allotments"));
        assertThat(embeddings.refresh(embedder, CaseStudyEmbeddings.Progress.silent())).isZero();

        clock.advance(java.time.Duration.ofMinutes(1));
        upsert("zz-a", "Allotments", "Growing food together on council land.", Optional.empty());
        assertThat(embeddings.refresh(embedder, CaseStudyEmbeddings.Progress.silent())).isEqualTo(1);
        assertThat(embedder.embedded).singleElement().asString().contains("Growing food together");
    }

    @Test
    @DisplayName("A second database with the same studies reuses the vectors instead of running the model again")
    void sameTextsElsewhere(@TempDir Path other) {
        embeddings.refresh(embedder, CaseStudyEmbeddings.Progress.silent());
        Store second = TestStores.open(other, clock);
        KnowledgeFixture.load(second);
        embedder.embedded.clear();

        int written = new CaseStudyEmbeddings(second.database()).refresh(embedder, CaseStudyEmbeddings.Progress.silent());

        assertThat(written).isEqualTo(second.caseStudies().count());
        assertThat(embedder.embedded).isEmpty();
    }

    @Test
    @DisplayName("Another model embeds everything again; a deleted study's vector goes with it")
    void newModelAndDeletion() {
        embeddings.refresh(embedder, CaseStudyEmbeddings.Progress.silent());
        CountingEmbedder next = new CountingEmbedder(model + "-v2");

        assertThat(embeddings.refresh(next, CaseStudyEmbeddings.Progress.silent()))
                .isEqualTo(store.caseStudies().count());

        String before = embeddings.signature();
        store.database().jdbi().useHandle(h -> h.execute("DELETE FROM case_studies WHERE slug = 'croydon-housing-commission'"));
        assertThat(embeddings.signature()).isNotEqualTo(before);
        assertThat(embeddings.load(model + "-v2").size()).isEqualTo(store.caseStudies().count());
    }
}
