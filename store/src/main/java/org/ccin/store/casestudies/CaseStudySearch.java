package org.ccin.store.casestudies;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongPredicate;
import org.ccin.store.search.FtsQuery;
import org.ccin.store.search.LibraryQuestion;
import org.ccin.store.search.SemanticModel;
import org.ccin.store.search.SynonymRepository;
import org.ccin.store.search.TextEmbedder;
import org.ccin.store.search.VectorIndex;
import org.ccin.store.search.WelshWords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Searching the library by words and by meaning. A question is first put in the library's words (Welsh in
 * English, the words of the asking dropped, acronyms and spellings expanded, misspelt words corrected), then
 * ranked by a hybrid of the full-text index (bm25) and the cosine similarity of sentence embeddings, so that
 * "lonely older people" finds a study about befriending isolated pensioners. Without the model (not loaded yet,
 * or not loadable) the full-text index answers alone. Thread-safe.
 */
public final class CaseStudySearch implements AutoCloseable {
    /** How many full-text matches and how many nearest neighbours are fused; paging reaches this many. */
    static final int WINDOW = 50;
    /** A question that matches no study word for word shows only its closest few. */
    public static final int RELATED_MAX = 10;
    /** A study found by meaning alone must be at least this similar to be shown at all. */
    static final float MIN_SIMILARITY = 0.30f;
    /** Beside studies that contain every word, a study found by meaning alone must be this similar. */
    static final float MIN_SIMILARITY_BESIDE_WORDS = 0.45f;
    /** How much a full-text match adds to the similarity: more for all words than for some. */
    static final float ALL_WORDS_WEIGHT = 0.30f;
    static final float SOME_WORDS_WEIGHT = 0.12f;
    /** How often a search checks whether the library changed since its vectors were loaded. */
    private static final Duration CHECK_EVERY = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(CaseStudySearch.class);

    private final CaseStudyRepository repository;
    private final CaseStudyEmbeddings embeddings;
    private final SynonymRepository synonyms;
    private final SemanticModel model;
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "semantic-index");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });
    private final AtomicBoolean refreshing = new AtomicBoolean();
    /**
     * Embeds a question and finds its nearest studies while the full-text index is searched, so that a question
     * waits for the slower of the two rather than for both (each takes a few milliseconds, on a machine with more
     * than one core). With every thread busy the asking thread does it itself, as it did before; so it does once the
     * pool is shut down (a handler still finishing at shutdown): the JDK's CallerRunsPolicy would drop the task then,
     * silently, and the question's future would never complete.
     */
    private final ExecutorService embedding = new ThreadPoolExecutor(0, 2, 30,
            TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "question-embedding");
                thread.setDaemon(true);
                return thread;
            }, (task, pool) -> task.run());
    /** The latest questions' vectors: More, Back and every filter button search the same words again. */
    private final Map<String, float[]> questions = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                    return size() > 500;
                }
            });
    private volatile Loaded loaded = new Loaded(VectorIndex.empty(), "", System.nanoTime() - CHECK_EVERY.toNanos());

    /**
     * The vectors in memory, the library's signature when they were loaded, and when that was last checked (by
     * the machine's monotonic clock: an interval of the process, not a time of the network's calendar).
     */
    private record Loaded(VectorIndex index, String signature, long checkedNanos) {
    }

    public CaseStudySearch(CaseStudyRepository repository, CaseStudyEmbeddings embeddings, SynonymRepository synonyms,
                           SemanticModel model) {
        this.repository = repository;
        this.embeddings = embeddings;
        this.synonyms = synonyms;
        this.model = model;
    }

    /**
     * Loads the model and then the library's vectors in the background (embedding what is new or changed): the
     * bot calls this at start and answers with the full-text index until they are ready.
     */
    public void startInBackground() {
        model.start().thenRun(this::refreshLater);
    }

    /**
     * Embeds what changed, on every core, and loads the vectors now (import, tests, benchmarks); false when there is
     * no model.
     */
    public boolean refreshNow(CaseStudyEmbeddings.Progress progress) {
        Optional<TextEmbedder> embedder = model.await();
        if (embedder.isEmpty()) {
            return false;
        }
        refresh(embedder.get(), progress, true);
        return true;
    }

    /** Stops a refresh under way (at shutdown, before the database closes); the model stays loaded. */
    @Override
    public void close() throws InterruptedException {
        embedding.shutdown();
        refresher.shutdownNow();
        refresher.awaitTermination(3, TimeUnit.SECONDS);
    }

    /** Forgets the questions' vectors, so that a benchmark measures each question as if asked the first time. */
    public void forgetQuestions() {
        questions.clear();
    }

    /** How many studies wait to be embedded (new or changed): an import with none need not load the model. */
    public int stale() {
        return embeddings.stale();
    }

    /** Whether searches use meaning too (the model and the vectors are loaded). */
    public boolean semantic() {
        return model.ready().isPresent() && loaded.index().size() > 0;
    }

    private void refreshLater() {
        if (model.ready().isPresent() && !refresher.isShutdown() && refreshing.compareAndSet(false, true)) {
            try {
                refresher.execute(() -> {
                try {
                    refresh(model.ready().orElseThrow(), CaseStudyEmbeddings.Progress.silent(), false);
                } catch (RuntimeException e) {
                    if (refresher.isShutdown()) {
                        // stopped by close() at shutdown: what was not embedded yet is embedded at the next start
                        log.info("semantic search: refreshing the library's vectors stopped by the shutdown");
                    } else {
                        log.warn("semantic search: the library's vectors could not be refreshed", e);
                    }
                } finally {
                    refreshing.set(false);
                }
                });
            } catch (RejectedExecutionException e) {
                refreshing.set(false); // closed meanwhile: nothing to refresh
            }
        }
    }

    private synchronized void refresh(TextEmbedder embedder, CaseStudyEmbeddings.Progress progress,
                                      boolean everyCore) {
        String signature = embeddings.signature();
        int embedded = embeddings.refresh(embedder, progress, everyCore);
        VectorIndex index = embeddings.load(embedder.model());
        loaded = new Loaded(index, signature, System.nanoTime());
        if (embedded > 0) {
            log.info("semantic search: {} case studies embedded, {} in the index", embedded, index.size());
        }
    }

    /** Starts a refresh when the library changed since the vectors were loaded; checked now and then. */
    private void keepUpToDate() {
        Loaded current = loaded;
        long now = System.nanoTime();
        if (model.ready().isEmpty() || now - current.checkedNanos() < CHECK_EVERY.toNanos()) {
            return;
        }
        loaded = new Loaded(current.index(), current.signature(), now);
        if (!embeddings.signature().equals(current.signature())) {
            refreshLater();
        }
    }

    /**
     * One page of the case studies for what a person typed and the filters. With no subject words, the filters
     * alone decide (newest first).
     */
    public SearchPage find(String typed, CaseStudyFilters filters, int offset, int limit) {
        keepUpToDate();
        Map<String, List<String>> expansions = synonyms.expansions();
        List<String> subject = LibraryQuestion.subject(typed);
        Map<String, String> corrections = corrections(subject, expansions);
        List<String> searched = new ArrayList<>();
        for (String word : subject) {
            searched.add(corrections.getOrDefault(word, word));
        }
        String searchedText = String.join(" ", searched);
        FtsQuery query = FtsQuery.of(searchedText, expansions);
        Optional<String> searchedFor = corrections.isEmpty() ? Optional.empty() : Optional.of(searchedText);
        if (query.isEmpty()) {
            return repository.search(query, filters, offset, limit);
        }
        Optional<TextEmbedder> embedder = model.ready();
        VectorIndex index = loaded.index();
        boolean semantic = embedder.isPresent() && index.size() > 0;
        CompletableFuture<Meaning> meaning = semantic ? meaning(searchedText, embedder.get(), index, filters) : null;
        SearchPage words = repository.rankedMatches(query, filters, WINDOW);
        Ranked ranked = semantic ? hybrid(words, joined(meaning), index) : wordsOnly(words);
        return page(ranked, query, offset, limit, searchedFor);
    }

    /** The question's vector and its nearest studies (among those the filters allow). */
    private record Meaning(float[] question, List<VectorIndex.Neighbour> neighbours) {
    }

    /**
     * The question's vector (known from the last questions, or embedded now) and its nearest neighbours, found
     * beside the full-text search. Never rejected: with no thread free, or the pool shut down, the asking thread
     * does it (see {@link #embedding}).
     */
    private CompletableFuture<Meaning> meaning(String text, TextEmbedder embedder, VectorIndex index,
                                               CaseStudyFilters filters) {
        return CompletableFuture.supplyAsync(() -> {
            float[] vector = questions.get(text);
            if (vector == null) {
                // embedded outside the map's lock, which computeIfAbsent would hold meanwhile: two people asking at
                // once are embedded at once (the same question twice at once is embedded twice, which is harmless)
                vector = embedder.embed(text);
                questions.put(text, vector);
            }
            LongPredicate allowed = filters.isEmpty() ? VectorIndex.ANY : allowedBy(filters);
            return new Meaning(vector, index.nearest(vector, WINDOW, allowed));
        }, embedding);
    }

    private static Meaning joined(CompletableFuture<Meaning> meaning) {
        try {
            return meaning.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * The ranking, before the page shown is loaded: ids best first, the studies already read (the full-text
     * matches), and the counts to show.
     */
    private record Ranked(List<Long> ids, Map<Long, CaseStudy> read, SearchPage.Match match, int matching) {
    }

    /** Without meaning: a search that matched only some words shows its best few, not every study with "council". */
    private static Ranked wordsOnly(SearchPage words) {
        Map<Long, CaseStudy> read = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        for (SearchHit hit : words.hits()) {
            read.put(hit.caseStudy().id(), hit.caseStudy());
            ids.add(hit.caseStudy().id());
        }
        if (words.match() != SearchPage.Match.SOME_WORDS) {
            return new Ranked(ids, read, words.match(), words.matching());
        }
        List<Long> best = ids.subList(0, Math.min(RELATED_MAX, ids.size()));
        return new Ranked(best, read, SearchPage.Match.RELATED, best.size());
    }

    private Ranked hybrid(SearchPage words, Meaning meaning, VectorIndex index) {
        boolean allWords = words.match() == SearchPage.Match.ALL_WORDS && words.total() > 0;
        float[] question = meaning.question();
        List<VectorIndex.Neighbour> neighbours = meaning.neighbours();
        Map<Long, Float> score = new HashMap<>();
        Map<Long, CaseStudy> read = new HashMap<>();
        float weight = allWords ? ALL_WORDS_WEIGHT : SOME_WORDS_WEIGHT;
        for (int rank = 0; rank < words.hits().size(); rank++) {
            CaseStudy cs = words.hits().get(rank).caseStudy();
            float similarity = index.similarity(question, cs.id()).orElse(0f);
            score.put(cs.id(), similarity + weight / (1 + rank / 3f));
            read.put(cs.id(), cs);
        }
        float bar = allWords ? MIN_SIMILARITY_BESIDE_WORDS : MIN_SIMILARITY;
        int byMeaning = 0;
        for (VectorIndex.Neighbour neighbour : neighbours) {
            if (!score.containsKey(neighbour.id()) && neighbour.similarity() >= bar) {
                score.put(neighbour.id(), neighbour.similarity());
                byMeaning++;
            }
        }
        List<Long> ids = score.entrySet().stream().sorted((a, b) -> Float.compare(b.getValue(), a.getValue()))
                .map(Map.Entry::getKey).toList();
        if (!allWords) {
            List<Long> best = ids.subList(0, Math.min(RELATED_MAX, ids.size()));
            return new Ranked(best, read, SearchPage.Match.RELATED, best.size());
        }
        return new Ranked(ids, read, SearchPage.Match.ALL_WORDS, Math.max(words.matching() + byMeaning, ids.size()));
    }

    private LongPredicate allowedBy(CaseStudyFilters filters) {
        Set<Long> ids = repository.idsMatching(filters);
        return ids::contains;
    }

    /**
     * The page shown: its studies read (those found by meaning alone), each with the passage that best matches the
     * words, the matched words marked; a study that contains none of them shows its summary.
     */
    private SearchPage page(Ranked ranked, FtsQuery query, int offset, int limit, Optional<String> searchedFor) {
        List<Long> shown = offset >= ranked.ids().size() ? List.of()
                : ranked.ids().subList(offset, Math.min(ranked.ids().size(), offset + limit));
        List<Long> unread = shown.stream().filter(id -> !ranked.read().containsKey(id)).toList();
        Map<Long, CaseStudy> studies = new HashMap<>(ranked.read());
        studies.putAll(repository.findAll(unread));
        List<SearchHit> hits = new ArrayList<>();
        for (long id : shown) {
            CaseStudy cs = studies.get(id);
            if (cs != null) {
                // the title only when it holds more of the words: the card shows it above the passage anyway
                hits.add(new SearchHit(cs, Passages.best(query, List.of(cs.summary(), cs.body(), cs.title()))
                        .orElse(cs.summary())));
            }
        }
        return new SearchPage(hits, ranked.ids().size(), offset, ranked.match(), ranked.matching(), searchedFor);
    }

    /**
     * Each word the library does not know, with the closest word it does know; a word that is an acronym, a
     * synonym or Welsh the glossary knows is left alone ("tai" is housing, not a misspelt "tax").
     */
    private Map<String, String> corrections(List<String> subject, Map<String, List<String>> expansions) {
        List<String> unknown = new ArrayList<>();
        for (String entry : subject) {
            if (!entry.contains(" ") && entry.length() >= 3 && !entry.chars().allMatch(Character::isDigit)
                    && !expansions.containsKey(entry) && !WelshWords.knows(entry)) {
                unknown.add(entry);
            }
        }
        return unknown.isEmpty() ? Map.of() : repository.corrections(unknown);
    }
}
