package org.ccin.bot.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.ccin.bot.i18n.Html;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.knowledge.CaseStudyButton.Facet;
import org.ccin.bot.routing.CallbackData;
import org.ccin.bot.routing.Keyboard;
import org.ccin.store.casestudies.CaseStudy;
import org.ccin.store.casestudies.CaseStudyFilters;
import org.ccin.store.casestudies.CaseStudyKind;
import org.ccin.store.casestudies.CaseStudySearch;
import org.ccin.store.casestudies.SearchHit;
import org.ccin.store.casestudies.SearchPage;
import org.ccin.store.casestudies.TopicRepository;
import org.ccin.store.reference.ReferenceDataRepository;
import org.ccin.store.search.SavedSearch;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * Pages of case-study results (five at a time, with More and Back, numbered buttons to open one, and filter
 * buttons), and a case study's card. Its buttons are {@link CaseStudyButton}. Thread-safe.
 */
final class CaseStudyPages {
    static final int PAGE_SIZE = 5;
    private static final int BODY_MAX = 2500;

    private final CaseStudySearch library;
    private final TopicRepository topics;
    private final ReferenceDataRepository referenceData;

    CaseStudyPages(CaseStudySearch library, TopicRepository topics, ReferenceDataRepository referenceData) {
        this.library = library;
        this.topics = topics;
        this.referenceData = referenceData;
    }

    /** A rendered page: its text, its buttons, and how many results there are in all. */
    record Rendered(String html, InlineKeyboardMarkup keyboard, SearchPage page) {
    }

    SearchPage search(SavedSearch search, int page) {
        return find(search.query(), SearchRequest.parse(search.filters()).filters(), page * PAGE_SIZE, PAGE_SIZE);
    }

    /** Searches by words and meaning, misspelt words corrected (see {@link CaseStudySearch}). */
    SearchPage find(String words, CaseStudyFilters filters, int offset, int limit) {
        return library.find(words, filters, offset, limit);
    }

    Rendered render(SavedSearch search, int pageNumber, Texts texts) {
        SearchPage page = search(search, pageNumber);
        CaseStudyFilters filters = SearchRequest.parse(search.filters()).filters();
        String language = texts.language().code();
        StringBuilder html = new StringBuilder();
        String filterWords = describe(filters, texts);
        if (page.total() == 0) {
            // with no words, the filters are what was asked: name them rather than echo an empty query
            html.append(search.query().isBlank() ? texts.get("cs.none.filtered", "filters", filterWords)
                    : texts.get("cs.none", "query", search.query()));
            if (!filterWords.isEmpty() && !search.query().isBlank()) {
                html.append('\n').append(texts.get("cs.filters", "filters", filterWords));
            }
            html.append("\n\n").append(texts.get("cs.none.hint"));
            return new Rendered(html.toString(), filterButtons(search, texts, filters).build(), page);
        }
        // a question no study answers word for word shows its closest few, never "40 case studies for …"
        String results = page.match() == SearchPage.Match.RELATED ? "cs.results.related"
                : search.query().isBlank() ? "cs.results.filtered" : "cs.results";
        html.append(texts.get(results, "query", search.query(), "count", page.matching()));
        if (!filterWords.isEmpty()) {
            html.append('\n').append(texts.get("cs.filters", "filters", filterWords));
        }
        if (page.searchedFor().isPresent()) {
            html.append('\n').append(texts.get("cs.similar", "words", page.searchedFor().get()));
        } else if (page.match() == SearchPage.Match.SOME_WORDS) {
            html.append('\n').append(texts.get("cs.some.words"));
        }
        html.append("\n\n");
        List<InlineKeyboardButton> numbers = new ArrayList<>();
        int number = pageNumber * PAGE_SIZE;
        for (SearchHit hit : page.hits()) {
            number++;
            CaseStudy cs = hit.caseStudy();
            html.append("<b>").append(number).append(". ").append(Html.escape(cs.title())).append("</b>\n<i>")
                    .append(Html.escape(facts(cs, texts, language))).append("</i>\n")
                    .append(highlight(hit.snippet())).append("\n\n");
            numbers.add(Keyboard.callbackButton(String.valueOf(number),
                    CaseStudyButton.SET.data(new CaseStudyButton.Open(cs.id(), search.id(), pageNumber))));
        }
        int pages = (page.total() + PAGE_SIZE - 1) / PAGE_SIZE;
        html.append(texts.get("cs.page", "page", pageNumber + 1, "pages", pages));
        Keyboard keyboard = Keyboard.create().grid(numbers, PAGE_SIZE);
        keyboard.row();
        if (pageNumber > 0) {
            keyboard.button(texts.plain("cs.previous"), page(search, pageNumber - 1));
        }
        if (page.hasMore()) {
            keyboard.button(texts.plain("cs.more"), page(search, pageNumber + 1));
        }
        Keyboard withFilters = filterButtons(search, texts, filters);
        return new Rendered(html.toString(), merge(keyboard, withFilters), page);
    }

    private static InlineKeyboardMarkup merge(Keyboard first, Keyboard second) {
        InlineKeyboardMarkup a = first.build();
        InlineKeyboardMarkup b = second.build();
        List<InlineKeyboardRow> rows = new ArrayList<>(a.getKeyboard());
        rows.addAll(b.getKeyboard());
        return InlineKeyboardMarkup.builder().keyboard(rows).build();
    }

    private Keyboard filterButtons(SavedSearch search, Texts texts, CaseStudyFilters filters) {
        Keyboard keyboard = Keyboard.create().row()
                .button(texts.plain("cs.filter.topic"), CaseStudyButton.SET.data(new CaseStudyButton.ChooseTopic(search.id())))
                .button(texts.plain("cs.filter.region"), CaseStudyButton.SET.data(new CaseStudyButton.ChooseRegion(search.id())))
                .button(texts.plain("cs.filter.kind"), CaseStudyButton.SET.data(new CaseStudyButton.ChooseKind(search.id())));
        if (!filters.isEmpty()) {
            keyboard.row().button(texts.plain("cs.filter.clear"), CaseStudyButton.SET.data(new CaseStudyButton.Clear(search.id())));
        }
        return keyboard;
    }

    /** "Newcastle City Council · North East · 2016 · Policy Lab". */
    String facts(CaseStudy cs, Texts texts, String language) {
        StringJoiner facts = new StringJoiner(" · ");
        if (!cs.councils().isEmpty()) {
            facts.add(String.join(", ", cs.councils()));
        }
        cs.regionCode().flatMap(referenceData::region).ifPresent(r -> facts.add(r.name(language)));
        cs.year().ifPresent(y -> facts.add(String.valueOf(y)));
        facts.add(texts.plain("cs.kind." + cs.kind().name().toLowerCase()));
        return facts.toString();
    }

    /** The full case study. */
    String card(CaseStudy cs, Texts texts) {
        String language = texts.language().code();
        StringBuilder html = new StringBuilder("<b>").append(Html.escape(cs.title())).append("</b>\n<i>")
                .append(Html.escape(facts(cs, texts, language))).append("</i>\n\n");
        if (!cs.summary().isBlank()) {
            html.append(Html.escape(cs.summary())).append("\n\n");
        }
        String body = cs.body().length() > BODY_MAX ? cs.body().substring(0, BODY_MAX) + "…" : cs.body();
        if (!body.isBlank()) {
            html.append(Html.escape(body.strip())).append("\n\n");
        }
        if (!cs.topics().isEmpty()) {
            List<String> names = new ArrayList<>();
            cs.topics().forEach(code -> topics.find(code).ifPresent(t -> names.add(t.name(language))));
            html.append(texts.get("cs.topics", "topics", String.join(", ", names))).append('\n');
        }
        cs.link().ifPresent(link -> html.append(texts.get("cs.link", "link", Html.trusted(
                "<a href=\"" + Html.escape(link) + "\">" + Html.escape(link) + "</a>"))).append('\n'));
        return html.toString().strip();
    }

    /** Escapes a snippet and turns the search's marks into bold. */
    static String highlight(String snippet) {
        return Html.escape(snippet.replaceAll("\\s+", " ").strip())
                .replace(String.valueOf(SearchHit.MARK_START), "<b>")
                .replace(String.valueOf(SearchHit.MARK_END), "</b>");
    }

    private String describe(CaseStudyFilters filters, Texts texts) {
        String language = texts.language().code();
        StringJoiner parts = new StringJoiner(", ");
        filters.topic().flatMap(topics::find).ifPresent(t -> parts.add(t.name(language)));
        filters.region().flatMap(referenceData::region).ifPresent(r -> parts.add(r.name(language)));
        filters.kind().ifPresent(k -> parts.add(texts.plain("cs.kind." + k.name().toLowerCase())));
        filters.year().ifPresent(y -> parts.add(String.valueOf(y)));
        return parts.toString();
    }

    /** The choices for one filter: every topic, region or kind, as buttons that set it. */
    InlineKeyboardMarkup choices(SavedSearch search, Facet facet, Texts texts) {
        String language = texts.language().code();
        List<InlineKeyboardButton> buttons = new ArrayList<>();
        switch (facet) {
            case t -> topics.all().forEach(t -> buttons.add(Keyboard.callbackButton(t.name(language),
                    setFilter(search, facet, t.code()))));
            case r -> referenceData.regions().forEach(r -> buttons.add(Keyboard.callbackButton(r.name(language),
                    setFilter(search, facet, r.code()))));
            case k -> {
                for (CaseStudyKind kind : CaseStudyKind.values()) {
                    buttons.add(Keyboard.callbackButton(texts.plain("cs.kind." + kind.name().toLowerCase()),
                            setFilter(search, facet, kind.name())));
                }
            }
        }
        Keyboard keyboard = Keyboard.create().grid(buttons, 2);
        keyboard.row().button(texts.plain("button.back"), page(search, 0));
        return keyboard.build();
    }

    /** The button of a page of a search's results. */
    static CallbackData page(SavedSearch search, int page) {
        return CaseStudyButton.SET.data(new CaseStudyButton.Page(search.id(), page));
    }

    private static CallbackData setFilter(SavedSearch search, Facet facet, String value) {
        return CaseStudyButton.SET.data(new CaseStudyButton.SetFilter(search.id(), facet, value));
    }
}
