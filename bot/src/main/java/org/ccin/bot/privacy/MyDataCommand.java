package org.ccin.bot.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ccin.bot.access.Role;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.bot.telegram.Lane;
import org.ccin.bot.telegram.Sender;
import org.ccin.store.privacy.PersonalData;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.objects.InputFile;

/**
 * /mydata: a readable JSON file with everything the bot holds about the person who asks: what they did and what was
 * done to them, with other people only as "a member" or "the moderators", never by id, name or words.
 */
final class MyDataCommand extends CommandAdapter {
    static final String FILE_NAME = "ccin-my-data.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PersonalData data;
    private final Sender sender;
    private final Clock clock;

    MyDataCommand(PersonalData data, Sender sender, Clock clock) {
        super("mydata", Role.EVERYONE);
        this.data = data;
        this.sender = sender;
        this.clock = clock;
    }

    @Override
    public void handle(Context context) throws Exception {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("about", context.texts().plain("privacy.mydata.about"));
        file.put("exportedAt", clock.instant().toString());
        file.put("telegramUserId", context.userId());
        Texts texts = context.texts();
        file.putAll(data.export(context.userId(), new PersonalData.OthersNamed(texts.plain("privacy.mydata.a.member"),
                texts.plain("privacy.mydata.the.moderators"), texts.plain("privacy.mydata.the.staff"),
                texts.plain("privacy.mydata.the.bot"))));
        byte[] bytes = JSON.writeValueAsBytes(file);
        long chat = context.incoming().chatId();
        context.reply().send(context.texts().get("privacy.mydata.sent"));
        sender.sendDocument(Lane.INTERACTIVE, chat, SendDocument.builder().chatId(chat)
                .document(new InputFile(new ByteArrayInputStream(bytes), FILE_NAME)).build());
    }
}
