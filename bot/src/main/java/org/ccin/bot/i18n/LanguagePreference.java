package org.ccin.bot.i18n;

import org.ccin.store.members.MemberRepository;

/** The language to speak to someone: the one they chose, else their Telegram app's, else the default. */
public final class LanguagePreference {
    private final MemberRepository members;
    private final Language fallback;

    public LanguagePreference(MemberRepository members, Language fallback) {
        this.members = members;
        this.fallback = fallback;
    }

    public Language forUser(long telegramUserId, String telegramLanguageCode) {
        return members.findByTelegramId(telegramUserId).flatMap(m -> Language.fromCode(m.language()))
                .orElseGet(() -> Language.firstDefault(telegramLanguageCode, fallback));
    }

    /** The language to write first to someone (no Telegram app language at hand): theirs if known, else the default. */
    public Language of(long telegramUserId) {
        return forUser(telegramUserId, null);
    }

    public Language fallback() {
        return fallback;
    }
}
