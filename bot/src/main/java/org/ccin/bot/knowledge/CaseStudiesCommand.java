package org.ccin.bot.knowledge;

import java.util.Optional;
import org.ccin.bot.access.Role;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.CallbackAction;
import org.ccin.bot.routing.CallbackData;
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
public final class CaseStudiesCommand extends CommandAdapter implements CallbackAction {
    private final CaseStudyPages pages;
    private final SavedSearchRepository searches;
    private final CaseStudyRepository caseStudies;
    private final TopicRepository topics;
    private final ReferenceDataRepository referenceData;

    public CaseStudiesCommand(CaseStudyPages pages, SavedSearchRepository searches, CaseStudyRepository caseStudies,
                              TopicRepository topics, ReferenceDataRepository referenceData) {
        super("casestudies", Role.EVERYONE);
        this.pages = pages;
        this.searches = searches;
        this.caseStudies = caseStudies;
        this.topics = topics;
        this.referenceData = referenceData;
    }

    @Override
    public String feature() {
        return CaseStudyPages.FEATURE;
    }

    @Override
    public void handle(Context context) {
        String words = context.incoming().commandArguments();
        if (words.isBlank()) {
            SavedSearch all = searches.save(context.userId(), "", SearchRequest.of(CaseStudyFilters.none()).json());
            context.reply().send(context.texts().get("cs.prompt", "count", caseStudies.count()),
                    pages.choices(all, "t", context.texts()));
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

    @Override
    public void handle(Context context, CallbackData data) {
        Texts texts = context.texts();
        Optional<SavedSearch> search = data.number(data.action().equals("open") ? 1 : 0)
                .flatMap(id -> searches.find(id, context.userId()));
        if (search.isEmpty()) {
            context.reply().alert(texts.plain("button.stale"));
            return;
        }
        switch (data.action()) {
            case "page": {
                int page = data.number(1).map(Long::intValue).filter(p -> p >= 0 && p < 1000).orElse(0);
                CaseStudyPages.Rendered rendered = pages.render(search.get(), page, texts);
                context.reply().show(rendered.html(), rendered.keyboard());
                return;
            }
            case "open": {
                Optional<CaseStudy> cs = data.number(0).flatMap(caseStudies::find);
                if (cs.isEmpty()) {
                    context.reply().alert(texts.plain("button.unknown"));
                    return;
                }
                long page = data.number(2).orElse(0L);
                context.reply().show(pages.card(cs.get(), texts), Keyboard.create().row()
                        .button(texts.plain("cs.back.to.results"),
                                CallbackData.of(CaseStudyPages.FEATURE, "page", search.get().id(), page)).build());
                return;
            }
            case "ft":
            case "fr":
            case "fk":
                context.reply().show(texts.get("cs.filter.choose"),
                        pages.choices(search.get(), data.action().substring(1), texts));
                return;
            case "set":
                setFilter(context, search.get(), data);
                return;
            case "clear":
                showNew(context, search.get(), CaseStudyFilters.none());
                return;
            default:
                context.reply().alert(texts.plain("button.unknown"));
        }
    }

    private void setFilter(Context context, SavedSearch search, CallbackData data) {
        CaseStudyFilters filters = SearchRequest.parse(search.filters()).filters();
        String which = data.arg(1).orElse("");
        String value = data.arg(2).orElse("");
        Optional<CaseStudyFilters> changed = Optional.empty();
        if (which.equals("t") && topics.find(value).isPresent()) {
            changed = Optional.of(filters.withTopic(value));
        } else if (which.equals("r") && referenceData.region(value).isPresent()) {
            changed = Optional.of(filters.withRegion(value));
        } else if (which.equals("k")) {
            try {
                changed = Optional.of(filters.withKind(CaseStudyKind.valueOf(value)));
            } catch (IllegalArgumentException e) {
                changed = Optional.empty();
            }
        }
        if (changed.isEmpty()) {
            context.reply().alert(context.texts().plain("button.unknown"));
            return;
        }
        showNew(context, search, changed.get());
    }

    private void showNew(Context context, SavedSearch search, CaseStudyFilters filters) {
        SavedSearch next = searches.save(context.userId(), search.query(), SearchRequest.of(filters).json());
        CaseStudyPages.Rendered rendered = pages.render(next, 0, context.texts());
        context.reply().show(rendered.html(), rendered.keyboard());
    }
}
