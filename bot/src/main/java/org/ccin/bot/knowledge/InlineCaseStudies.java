package org.ccin.bot.knowledge;

import java.util.ArrayList;
import java.util.List;
import org.ccin.bot.i18n.Html;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.EventHandler;
import org.ccin.bot.routing.Incoming;
import org.ccin.store.casestudies.CaseStudy;
import org.ccin.store.casestudies.SearchHit;
import org.ccin.store.casestudies.SearchPage;
import org.ccin.store.casestudies.TopicRepository;
import org.ccin.store.reference.ReferenceDataRepository;
import org.telegram.telegrambots.meta.api.methods.AnswerInlineQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.objects.inlinequery.inputmessagecontent.InputTextMessageContent;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResult;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResultArticle;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResultsButton;

/**
 * Inline mode: typing "@bot housing" in any chat offers matching case studies; choosing one posts its card into
 * that chat. Filters typed in words work here too.
 */
final class InlineCaseStudies implements EventHandler {
    private static final int RESULTS = 10;
    private static final int DESCRIPTION_MAX = 180;

    private final TopicRepository topics;
    private final ReferenceDataRepository referenceData;
    private final CaseStudyPages pages;

    InlineCaseStudies(TopicRepository topics, ReferenceDataRepository referenceData, CaseStudyPages pages) {
        this.topics = topics;
        this.referenceData = referenceData;
        this.pages = pages;
    }

    @Override
    public boolean accepts(Incoming incoming) {
        return incoming.update().hasInlineQuery();
    }

    @Override
    public void handle(Context context) {
        Texts texts = context.texts();
        String query = context.incoming().update().getInlineQuery().getQuery();
        TypedFilters.Parsed parsed = TypedFilters.parse(query == null ? "" : query, topics.all(),
                referenceData.regions());
        SearchPage page = pages.find(parsed.words(), parsed.filters(), 0, RESULTS);
        List<InlineQueryResult> results = new ArrayList<>();
        for (SearchHit hit : page.hits()) {
            CaseStudy cs = hit.caseStudy();
            String description = pages.facts(cs, texts, texts.language().code()) + " — " + cs.summary();
            results.add(InlineQueryResultArticle.builder().id("cs" + cs.id()).title(cs.title())
                    .description(description.length() > DESCRIPTION_MAX
                            ? description.substring(0, DESCRIPTION_MAX - 1) + "…" : description)
                    .inputMessageContent(InputTextMessageContent.builder().messageText(pages.card(cs, texts))
                            .parseMode(ParseMode.HTML).build())
                    .build());
        }
        AnswerInlineQuery.AnswerInlineQueryBuilder<?, ?> answer = AnswerInlineQuery.builder()
                .inlineQueryId(context.incoming().update().getInlineQuery().getId()).results(results)
                .cacheTime(60).isPersonal(false);
        if (results.isEmpty()) {
            answer.button(InlineQueryResultsButton.builder().text(Html.strip(texts.plain("inline.none") + " · "
                    + texts.plain("inline.open.bot"))).startParameter("search").build());
        }
        context.reply().answerInline(answer.build());
    }
}
