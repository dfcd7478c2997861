package org.ccin.bot.e2e;

import org.ccin.bot.fakeapi.FakeBotApi;
import org.ccin.bot.fakeapi.FakeUser;
import org.ccin.store.Store;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Many registered members subscribed to the monthly newsletter, written in one batch, and known to the fake. */
public final class Subscribers {
    /** Their Telegram ids are FIRST_ID + 1 … FIRST_ID + count. */
    public static final long FIRST_ID = 1_000_000L;

    private Subscribers() {
    }

    public static void add(Store store, FakeBotApi telegram, int count) {
        store.database().jdbi().useTransaction(h -> {
            long now = System.currentTimeMillis();
            PreparedBatch members = h.prepareBatch("INSERT INTO members (telegram_user_id, first_name, language, "
                    + "organisation_other, category_code, work_role, region_code, registered_at, created_at, updated_at) "
                    + "VALUES (:id, :name, 'en', 'A council', 'full', 'OFFICER', 'wales', :now, :now, :now)");
            for (int i = 1; i <= count; i++) {
                members.bind("id", FIRST_ID + i).bind("name", "Member" + i).bind("now", now).add();
            }
            members.execute();
            h.createUpdate("INSERT INTO newsletter_subscriptions (member_id, topic, consent_wording, language, "
                    + "subscribed_at) SELECT id, 'monthly', 'test', 'en', :now FROM members "
                    + "WHERE telegram_user_id > :first").bind("now", now).bind("first", FIRST_ID).execute();
        });
        for (int i = 1; i <= count; i++) {
            telegram.addUser(FakeUser.of(FIRST_ID + i, "Member" + i));
        }
    }
}
