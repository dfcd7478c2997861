package org.ccin.bot.labs;

import java.io.ByteArrayInputStream;
import java.util.Optional;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.Context;
import org.ccin.bot.telegram.Lane;
import org.ccin.bot.telegram.Sender;
import org.ccin.store.labs.Application;
import org.ccin.store.labs.Round;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.objects.InputFile;

/**
 * The Export button: the application as a PDF document in the chat, for its applicant, staff and (once it is
 * submitted) the round's reviewers.
 */
final class Exports {
    private final LabRecords records;
    private final Rights rights;
    private final ApplicationText text;
    private final RoundWords words;
    private final Sender sender;

    Exports(LabRecords records, Rights rights, ApplicationText text, RoundWords words, Sender sender) {
        this.records = records;
        this.rights = rights;
        this.text = text;
        this.words = words;
        this.sender = sender;
    }

    static String fileName(Application application) {
        return "application-" + application.roundId() + "-" + application.id() + ".pdf";
    }

    byte[] pdf(Texts texts, Round round, Application application) {
        return ApplicationPdf.render(texts.plain("labs.export.title", "round", words.name(texts, round),
                "id", String.valueOf(application.id())), text.heading(texts, round, application),
                text.answers(texts, round, application));
    }

    void export(Context context, LabsButton.Export button) {
        Texts texts = context.texts();
        Optional<Application> application = records.applications().find(button.applicationId())
                .filter(a -> rights.sees(context.userId(), a));
        if (application.isEmpty()) {
            context.reply().alert(texts.plain("labs.review.not.yours"));
            return;
        }
        Round round = records.rounds().find(application.get().roundId()).orElseThrow();
        byte[] pdf = pdf(texts, round, application.get());
        context.reply().answer(texts.plain("labs.export.sending"));
        long chat = context.incoming().chatId();
        sender.sendDocument(Lane.INTERACTIVE, chat, SendDocument.builder().chatId(chat)
                .caption(texts.plain("labs.export.caption", "round", words.name(texts, round)))
                .document(new InputFile(new ByteArrayInputStream(pdf), fileName(application.get()))).build());
    }
}
