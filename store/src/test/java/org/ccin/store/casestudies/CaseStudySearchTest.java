package org.ccin.store.casestudies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.ccin.config.ManualClock;
import org.ccin.store.KnowledgeFixture;
import org.ccin.store.Store;
import org.ccin.store.TestStores;
import org.ccin.store.search.FtsQuery;
import org.ccin.store.search.SemanticModel;
import org.ccin.store.search.TextEmbedder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseStudySearchTest {
    @TempDir
    Path dir;

    private Store store;
    private CaseStudyRepository caseStudies;

    @BeforeEach
    void load() {
        store = TestStores.open(dir, new ManualClock(TestStores.START));
        KnowledgeFixture.load(store);
        caseStudies = store.caseStudies();
    }

    private SearchPage search(String text, CaseStudyFilters filters) {
        return caseStudies.search(FtsQuery.of(text, store.synonyms().expansions()), filters, 0, 5);
    }

    private void add(String slug, String title, String body) {
        store.database().jdbi().useHandle(h -> caseStudies.upsert(h, new CaseStudyData(slug, title,
                CaseStudyKind.CASE_STUDY, "", body, Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                List.of())));
    }

    @Test
    @DisplayName("A match in the title ranks above a match in the body")
    void titleAboveBody() {
        add("zz-body", "Parks and gardens", "This project also helped the allotments network grow allotments.");
        add("zz-title", "Allotments for everyone", "A council programme for green spaces.");

        SearchPage page = search("allotments", CaseStudyFilters.none());

        assertThat(page.hits()).extracting(h -> h.caseStudy().slug()).startsWith("zz-title", "zz-body");
    }

    @Test
    @DisplayName("Words are stemmed and the matched words are marked in the snippet")
    void stemmingAndSnippet() {
        add("zz-stem", "Growing food together", "Residents grew vegetables on council land.");

        SearchPage page = search("grows", CaseStudyFilters.none());

        assertThat(page.hits()).extracting(h -> h.caseStudy().slug()).contains("zz-stem");
        SearchHit hit = page.hits().stream().filter(h -> h.caseStudy().slug().equals("zz-stem")).findFirst().orElseThrow();
        assertThat(hit.snippet()).contains(SearchHit.MARK_START + "Growing" + SearchHit.MARK_END);
    }

    @Test
    @DisplayName("An acronym finds what is written out, and the other way round")
    void synonyms() {
        add("zz-cwb", "Building wealth locally", "A community wealth building strategy for the borough.");

        assertThat(search("CWB", CaseStudyFilters.none()).hits()).extracting(h -> h.caseStudy().slug())
                .contains("zz-cwb");
    }

    @Test
    @DisplayName("Misspelt words are corrected to the closest words the library knows, even words only in a body")
    void spellingCorrection() {
        add("zz-fuzzy", "Keeping money local", "How one council built community wealth by spending locally.");

        assertThat(search("comunity welth", CaseStudyFilters.none()).total()).isZero();
        assertThat(caseStudies.correctedSpelling(List.of("comunity", "welth"))).contains("community wealth");
        assertThat(caseStudies.correctedSpelling(List.of("council"))).isEmpty();
        assertThat(caseStudies.correctedSpelling(List.of("qqqzzzxxx"))).isEmpty();
        assertThat(search("community wealth", CaseStudyFilters.none()).hits()).extracting(h -> h.caseStudy().slug())
                .contains("zz-fuzzy");
    }

    @Test
    @DisplayName("Filters narrow by region, kind and topic; with no words they list what matches")
    void filters() {
        SearchPage labs = search("", CaseStudyFilters.none().withKind(CaseStudyKind.POLICY_LAB));
        SearchPage wales = search("", CaseStudyFilters.none().withRegion("wales"));

        assertThat(labs.total()).isEqualTo(8);
        assertThat(labs.hits()).allSatisfy(h -> assertThat(h.caseStudy().kind()).isEqualTo(CaseStudyKind.POLICY_LAB));
        assertThat(wales.hits()).allSatisfy(h -> assertThat(h.caseStudy().regionCode()).contains("wales"));
        assertThat(search("council", CaseStudyFilters.none().withTopic("housing")).hits())
                .allSatisfy(h -> assertThat(h.caseStudy().topics()).contains("housing"));
    }

    @Test
    @DisplayName("Pages of five: the second page continues where the first stopped")
    void pagination() {
        for (int i = 0; i < 12; i++) {
            add("zz-page-" + i, "Tenant panel " + i, "Tenants decide together.");
        }
        FtsQuery query = FtsQuery.of("tenant panel", store.synonyms().expansions());

        SearchPage first = caseStudies.search(query, CaseStudyFilters.none(), 0, 5);
        SearchPage third = caseStudies.search(query, CaseStudyFilters.none(), 10, 5);

        assertThat(first.total()).isEqualTo(12);
        assertThat(first.hasMore()).isTrue();
        assertThat(third.hits()).hasSize(2);
        assertThat(third.hasMore()).isFalse();
    }

    @Test
    @DisplayName("Hostile input is searched as words: no error, sensible answers")
    void hostileInput() {
        int library = caseStudies.count();
        // nothing but syntax or stop words: no words are left, so the whole library is listed as by filters
        for (String syntax : List.of("\"", "*", "^", "NEAR", "AND OR NOT", "((")) {
            SearchPage page = search(syntax, CaseStudyFilters.none());
            assertThat(page.match()).as(syntax).isEqualTo(SearchPage.Match.FILTERS_ONLY);
            assertThat(page.total()).as(syntax).isEqualTo(library);
        }
        // syntax around a word: the word is searched as the word alone would be
        SearchPage housing = search("housing", CaseStudyFilters.none());
        assertThat(housing.total()).isPositive();
        for (String wrapped : List.of("housing\"*", "😀 housing", "(housing)", "title:housing")) {
            assertThat(search(wrapped, CaseStudyFilters.none()).hits()).as(wrapped)
                    .extracting(h -> h.caseStudy().slug()).isEqualTo(housing.hits().stream()
                            .map(h -> h.caseStudy().slug()).toList());
        }
        // words no study has find nothing (and do not fail)
        for (String unknown : List.of("x".repeat(4000), "مجلس الإسكان")) {
            assertThat(search(unknown, CaseStudyFilters.none()).total()).as(unknown.substring(0, 5)).isZero();
        }
    }

    @Test
    @DisplayName("Updating a case study keeps one row and the index follows")
    void updateInPlace() {
        add("zz-update", "Old title", "nothing");
        add("zz-update", "Heliotrope cooperative", "nothing");

        assertThat(search("heliotrope", CaseStudyFilters.none()).hits()).extracting(h -> h.caseStudy().slug())
                .containsExactly("zz-update");
        assertThat(search("old title", CaseStudyFilters.none()).hits()).extracting(h -> h.caseStudy().slug())
                .doesNotContain("zz-update");
        store.database().jdbi().useHandle(h -> h.execute(
                "INSERT INTO case_studies_fts (case_studies_fts) VALUES ('integrity-check')"));
    }

    @Test
    @DisplayName("Corrections follow the library: a word it learns from a new study is no longer corrected, nor one from a changed study once gone")
    void correctionsFollowTheLibrary() {
        add("zz-money", "Keeping money local", "How one council built community wealth by spending locally.");
        assertThat(caseStudies.correctedSpelling(List.of("welth"))).contains("wealth");

        add("zz-welth", "Welth in Wales", "A study that spells welth its own way.");
        assertThat(caseStudies.correctedSpelling(List.of("welth"))).isEmpty();

        add("zz-welth", "Wealth in Wales", "A study that spells it the usual way.");
        assertThat(caseStudies.correctedSpelling(List.of("welth"))).contains("wealth");
    }

    @Test
    @DisplayName("A question asked after the search is closed (the bot stopping, handlers still finishing) is still answered, with its meaning")
    void questionAfterClose() throws Exception {
        // a small embedder of our own: the question's words as a vector, so no model is loaded
        TextEmbedder words = new TextEmbedder() {
            @Override
            public String model() {
                return "test-words";
            }

            @Override
            public float[] embed(String text) {
                float[] vector = new float[8];
                for (String word : text.toLowerCase(java.util.Locale.ROOT).split("\\W+")) {
                    vector[Math.floorMod(word.hashCode(), 8)] += 1;
                }
                vector[0] += 0.1f;
                double length = 0;
                for (float v : vector) {
                    length += v * v;
                }
                for (int i = 0; i < vector.length; i++) {
                    vector[i] /= (float) Math.sqrt(length);
                }
                return vector;
            }
        };
        CaseStudySearch library = new CaseStudySearch(caseStudies, new CaseStudyEmbeddings(store.database()),
                store.synonyms(), new SemanticModel(() -> words));
        assertThat(library.refreshNow(CaseStudyEmbeddings.Progress.silent())).isTrue();
        assertThat(library.semantic()).isTrue();

        library.close();

        // a guard against hanging for ever (the embedding pool, shut down, used to drop the question silently)
        SearchPage page = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> library.find("allotments", CaseStudyFilters.none(), 0, 5));
        // answered by words and meaning (the crude vectors above rank the rest of the library in too)
        assertThat(page.hits()).isNotEmpty();
    }
}
