package org.ccin.store.casestudies;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.ccin.config.ManualClock;
import org.ccin.store.KnowledgeFixture;
import org.ccin.store.Store;
import org.ccin.store.TestStores;
import org.ccin.store.search.SemanticModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library's examples of issue 18 over the bundled sample library, with the real embedding model (loaded once
 * for the class) and without it. Read-only: every test searches the same database.
 */
class LibrarySearchTest {
    @TempDir
    static Path dir;

    private static Store store;
    private static CaseStudySearch hybrid;
    private static CaseStudySearch wordsOnly;

    @BeforeAll
    static void load() {
        store = TestStores.open(dir, new ManualClock(TestStores.START));
        KnowledgeFixture.load(store);
        hybrid = store.caseStudySearch();
        assertThat(hybrid.refreshNow(CaseStudyEmbeddings.Progress.silent())).as("the model loads").isTrue();
        wordsOnly = new CaseStudySearch(store.caseStudies(), new CaseStudyEmbeddings(store.database()),
                store.synonyms(), SemanticModel.none());
    }

    @AfterAll
    static void close() throws Exception {
        hybrid.close();
        store.database().close();
    }

    private static List<String> slugs(CaseStudySearch library, String text) {
        return library.find(text, CaseStudyFilters.none(), 0, 50).hits().stream()
                .map(h -> h.caseStudy().slug()).toList();
    }

    private static List<String> top3(CaseStudySearch library, String text) {
        return slugs(library, text).stream().limit(3).toList();
    }

    @Test
    @DisplayName("coop, co-op, co-operative and cooperative find the same studies")
    void spellingsOfCooperative() {
        Set<String> coop = Set.copyOf(slugs(wordsOnly, "coop"));

        assertThat(coop).hasSizeGreaterThan(10);
        for (String spelling : List.of("co-op", "co-operative", "cooperative", "Co-Op")) {
            assertThat(Set.copyOf(slugs(wordsOnly, spelling))).as(spelling).isEqualTo(coop);
        }
    }

    @Test
    @DisplayName("\"energy co-op\" finds every energy co-operative, whichever spelling the study uses")
    void energyCoop() {
        List<String> energyCoops = List.of("oldham-community-energy-co-operative",
                "plymouth-community-owned-solar-farm", "cardiff-schools-solar-cooperative");

        assertThat(slugs(wordsOnly, "energy co-op")).containsAll(energyCoops);
        assertThat(top3(hybrid, "energy co-op")).containsExactlyInAnyOrderElementsOf(energyCoops);
    }

    @Test
    @DisplayName("PB is participatory budgeting")
    void participatoryBudgeting() {
        assertThat(slugs(wordsOnly, "PB")).contains("tamworth-participatory-budgeting", "edinburgh-community-choices");
    }

    @Test
    @DisplayName("A misspelt word is corrected even when another word matches as typed")
    void typoBesideAKnownWord() {
        SearchPage page = wordsOnly.find("comunity enrgy oldham", CaseStudyFilters.none(), 0, 5);

        assertThat(page.searchedFor()).contains("community energy oldham");
        assertThat(page.hits().get(0).caseStudy().slug()).isEqualTo("oldham-community-energy-co-operative");
        assertThat(top3(hybrid, "comunity enrgy oldham").get(0)).isEqualTo("oldham-community-energy-co-operative");
    }

    @Test
    @DisplayName("The Welsh topic name \"tai\" is housing, not a misspelt \"tax\"")
    void welshTopicName() {
        SearchPage page = wordsOnly.find("tai", CaseStudyFilters.none(), 0, 50);

        assertThat(page.searchedFor()).isEmpty();
        assertThat(page.hits()).isNotEmpty().allSatisfy(h -> assertThat(h.caseStudy().title() + " "
                + h.caseStudy().summary() + " " + h.caseStudy().body() + h.caseStudy().topics()).containsIgnoringCase("hous"));
    }

    @Test
    @DisplayName("Caerdydd and Nghaerdydd are Cardiff; yng Nghymru is Wales")
    void welshPlaces() {
        for (String typed : List.of("Caerdydd", "yng Nghaerdydd")) {
            assertThat(slugs(wordsOnly, typed)).as(typed).contains("cardiff-schools-solar-cooperative",
                    "cardiff-housing-co-operatives-wales");
        }
        assertThat(top3(hybrid, "tai yng Nghymru")).contains("cardiff-housing-co-operatives-wales");
    }

    @Test
    @DisplayName("\"housing case studies\" searches housing: the words of the asking are not searched")
    void housingCaseStudies() {
        SearchPage page = wordsOnly.find("housing case studies", CaseStudyFilters.none(), 0, 50);

        assertThat(page.match()).isEqualTo(SearchPage.Match.ALL_WORDS);
        assertThat(page.hits()).extracting(h -> h.caseStudy().slug()).contains("croydon-housing-commission",
                "greenwich-tenant-housing-co-operative", "croydon-community-land-trust");
    }

    @Test
    @DisplayName("A sentence no study answers word for word shows its closest few, not the whole library")
    void sentenceIsNotTheWholeLibrary() {
        for (CaseStudySearch library : List.of(hybrid, wordsOnly)) {
            SearchPage page = library.find("which councils have worked with residents on their local plans",
                    CaseStudyFilters.none(), 0, 5);

            assertThat(page.match()).isEqualTo(SearchPage.Match.RELATED);
            assertThat(page.total()).isBetween(1, CaseStudySearch.RELATED_MAX);
        }
    }

    @Test
    @DisplayName("Only the meaning finds these: the words alone miss them, the hybrid ranks them in the top 3")
    void onlyMeaningFindsThem() {
        assertThat(top3(wordsOnly, "lonely older people")).doesNotContain("rochdale-neighbourhood-befriending");
        assertThat(top3(hybrid, "lonely older people")).first().isEqualTo("rochdale-neighbourhood-befriending");

        assertThat(top3(wordsOnly, "youth services run as a co-op")).doesNotContain("telford-youth-services-mutual");
        assertThat(top3(hybrid, "youth services run as a co-op")).contains("telford-youth-services-mutual");
    }

    @Test
    @DisplayName("Paraphrases find the right study: food partnership, buildings handed to community groups")
    void paraphrases() {
        assertThat(top3(hybrid, "has anyone done a food partnership?")).contains("brent-good-food-alliance");
        assertThat(top3(hybrid, "examples of councils handing buildings over to community groups"))
                .containsAnyOf("sunderland-community-asset-transfer", "newcastle-community-hubs",
                        "wales-community-councils-parks");
    }

    @Test
    @DisplayName("A study found by meaning alone still shows the matched words in its snippet when it has any")
    void snippetMarksWords() {
        SearchPage page = hybrid.find("youth services run as a co-op", CaseStudyFilters.none(), 0, 5);
        SearchHit mutual = page.hits().stream().filter(h -> h.caseStudy().slug().equals("telford-youth-services-mutual"))
                .findFirst().orElseThrow();

        assertThat(mutual.snippet()).contains(SearchHit.MARK_START + "").contains(SearchHit.MARK_END + "");
    }

    @Test
    @DisplayName("Filters hold for the studies found by meaning too")
    void filtersHoldForMeaning() {
        SearchPage page = hybrid.find("lonely older people", CaseStudyFilters.none().withRegion("wales"), 0, 10);

        assertThat(page.hits()).allSatisfy(h -> assertThat(h.caseStudy().regionCode()).contains("wales"));
    }

    @Test
    @DisplayName("Without a model (it failed to load) the words alone answer")
    void modelFailsToLoad() {
        SemanticModel broken = new SemanticModel(() -> {
            throw new IllegalStateException("no ONNX Runtime for this platform");
        });
        CaseStudySearch library = new CaseStudySearch(store.caseStudies(), new CaseStudyEmbeddings(store.database()),
                store.synonyms(), broken);

        assertThat(library.refreshNow(CaseStudyEmbeddings.Progress.silent())).isFalse();
        assertThat(library.semantic()).isFalse();
        assertThat(slugs(library, "energy co-op")).contains("oldham-community-energy-co-operative");
    }

    @Test
    @DisplayName("The stored vectors match the studies one for one")
    void everyStudyEmbedded() {
        int embedded = store.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM case_study_embeddings").mapTo(Integer.class).one());

        assertThat(embedded).isEqualTo(store.caseStudies().count());
        assertThat(hybrid.semantic()).isTrue();
    }
}
