package org.ccin.bot.knowledge;

import java.util.Optional;
import org.ccin.bot.access.Role;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.knowledge.CaseStudyButton.Facet;
import org.ccin.bot.routing.ButtonHandlers;
import org.ccin.bot.routing.CallbackAction;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.Keyboard;
import org.ccin.store.casestudies.CaseStudy;
import org.ccin.store.casestudies.CaseStudyFilters;
import org.ccin.store.casestudies.CaseStudyKind;
import org.ccin.store.casestudies.CaseStudyRepository;
import org.ccin.store.casestudies.TopicRepository;
import org.ccin.store.reference.ReferenceDataRepository;
import org.ccin.store.search.SavedSearch;
import org.ccin.store.search.SavedSearchRepository;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * /casestudies [words]: searches the library (typing a question does the same). Its buttons page through results,
 * open one, and set filters; each button names a saved search that must belong to the person who taps it.
 */
final class CaseStudiesCommand extends CommandAdapter {
    private final CaseStudyPages pages;
    private final SavedSearchRepository searches;
    private final CaseStudyRepository caseStudies;
    private final TopicRepository topics;
    private final ReferenceDataRepository referenceData;

    CaseStudiesCommand(CaseStudyPages pages, SavedSearchRepository searches, CaseStudyRepository caseStudies,
                       TopicRepository topics, ReferenceDataRepository referenceData) {
        super("casestudies", Role.EVERYONE);
        this.pages = pages;
        this.searches = searches;
        this.caseStudies = caseStudies;
        this.topics = topics;
        this.referenceData = referenceData;
    }

    @Override
    public void handle(Context context) {
        String words = context.incoming().commandArguments();
        if (words.isBlank()) {
            SavedSearch all = searches.save(context.userId(), "", SearchRequest.of(CaseStudyFilters.none()).json());
            context.reply().send(context.texts().get("cs.prompt", "count", caseStudies.count()),
                    pages.choices(all, Facet.t, context.texts()));
            return;
        }
        send(context, prepare(context, words));
    }

    /** A typed search run and rendered, not yet sent: the caller may prefer another answer when it is empty. */
    record Prepared(String html, InlineKeyboardMarkup keyboard, int total) {
    }

    Prepared prepare(Context context, String text) {
        TypedFilters.Parsed parsed = TypedFilters.parse(text, topics.all(), referenceData.regions());
        SavedSearch search = searches.save(context.userId(), parsed.words(),
                SearchRequest.of(parsed.filters()).json());
        CaseStudyPages.Rendered rendered = pages.render(search, 0, context.texts());
        String prefix = parsed.unknown().isEmpty() ? ""
                : context.texts().get("cs.filter.unknown", "filters", String.join(", ", parsed.unknown())) + "\n\n";
        return new Prepared(prefix + rendered.html(), rendered.keyboard(), rendered.page().total());
    }

    static void send(Context context, Prepared prepared) {
        context.reply().send(prepared.html(), prepared.keyboard());
    }

    /** The buttons' handler: each first finds the button's saved search among the person's own. */
    CallbackAction buttons() {
        return CaseStudyButton.SET.handlers()
                .on(CaseStudyButton.Page.class, withSearch(this::page))
                .on(CaseStudyButton.Open.class, withSearch(this::open))
                .on(CaseStudyButton.ChooseTopic.class, withSearch((context, button, search) ->
                        showChoices(context, search, Facet.t)))
                .on(CaseStudyButton.ChooseRegion.class, withSearch((context, button, search) ->
                        showChoices(context, search, Facet.r)))
                .on(CaseStudyButton.ChooseKind.class, withSearch((context, button, search) ->
                        showChoices(context, search, Facet.k)))
                .on(CaseStudyButton.SetFilter.class, withSearch(this::setFilter))
                .on(CaseStudyButton.Clear.class, withSearch((context, button, search) ->
                        showNew(context, search, CaseStudyFilters.none())))
                .build();
    }

    /** What a tap does once its saved search is found. */
    @FunctionalInterface
    private interface SearchTap<T extends CaseStudyButton> {
        void handle(Context context, T button, SavedSearch search);
    }

    /** Someone else's search, or one cleared away, is out of date: nothing is shown. */
    private <T extends CaseStudyButton> ButtonHandlers.Tap<T> withSearch(SearchTap<T> tap) {
        return (context, button) -> searches.find(button.search(), context.userId()).ifPresentOrElse(
                search -> tap.handle(context, button, search),
                () -> context.reply().alert(context.texts().plain("button.stale")));
    }

    private void page(Context context, CaseStudyButton.Page button, SavedSearch search) {
        int page = button.page() >= 0 && button.page() < 1000 ? button.page() : 0;
        CaseStudyPages.Rendered rendered = pages.render(search, page, context.texts());
        context.reply().show(rendered.html(), rendered.keyboard());
    }

    private void open(Context context, CaseStudyButton.Open button, SavedSearch search) {
        Texts texts = context.texts();
        Optional<CaseStudy> cs = caseStudies.find(button.caseStudy());
        if (cs.isEmpty()) {
            context.reply().alert(texts.plain("button.unknown"));
            return;
        }
        context.reply().show(pages.card(cs.get(), texts), Keyboard.create().row()
                .button(texts.plain("cs.back.to.results"), CaseStudyPages.page(search, button.page())).build());
    }

    private void showChoices(Context context, SavedSearch search, Facet facet) {
        context.reply().show(context.texts().get("cs.filter.choose"), pages.choices(search, facet, context.texts()));
    }

    private void setFilter(Context context, CaseStudyButton.SetFilter button, SavedSearch search) {
        CaseStudyFilters filters = SearchRequest.parse(search.filters()).filters();
        String value = button.value();
        Optional<CaseStudyFilters> changed = switch (button.facet()) {
            case t -> topics.find(value).map(topic -> filters.withTopic(value));
            case r -> referenceData.region(value).map(region -> filters.withRegion(value));
            case k -> kind(value).map(filters::withKind);
        };
        if (changed.isEmpty()) {
            context.reply().alert(context.texts().plain("button.unknown"));
            return;
        }
        showNew(context, search, changed.get());
    }

    private static Optional<CaseStudyKind> kind(String name) {
        try {
            return Optional.of(CaseStudyKind.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void showNew(Context context, SavedSearch search, CaseStudyFilters filters) {
        SavedSearch next = searches.save(context.userId(), search.query(), SearchRequest.of(filters).json());
        CaseStudyPages.Rendered rendered = pages.render(next, 0, context.texts());
        context.reply().show(rendered.html(), rendered.keyboard());
    }
}
