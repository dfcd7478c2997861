package org.ccin.bot.onboarding;

import org.ccin.bot.i18n.Language;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.CallbackData;
import org.ccin.bot.routing.Keyboard;
import org.ccin.store.members.Member;
import org.ccin.store.members.Profile;
import org.ccin.store.organisations.OrganisationRepository;
import org.ccin.store.reference.MembershipCategory;
import org.ccin.store.reference.ReferenceDataRepository;
import org.ccin.store.reference.Region;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/** A member's answers in words, and the buttons that change one of them. Thread-safe. */
final class ProfileView {
    private final OrganisationRepository organisations;
    private final ReferenceDataRepository referenceData;

    ProfileView(OrganisationRepository organisations, ReferenceDataRepository referenceData) {
        this.organisations = organisations;
        this.referenceData = referenceData;
    }

    /** The answers as lines of HTML. */
    String summary(Member member, Texts texts) {
        Profile profile = member.profile();
        String language = texts.language().code();
        String notGiven = texts.get("profile.not.given");
        String organisation = profile.organisationId().flatMap(organisations::findById).map(o -> o.name())
                .or(() -> profile.organisationOther().map(typed -> texts.plain("profile.organisation.typed",
                        "typed", typed)))
                .orElse(null);
        String category = profile.categoryCode().flatMap(referenceData::category)
                .map((MembershipCategory c) -> c.name(language)).orElse(null);
        String role = profile.workRole().map(r -> texts.plain("role." + r.name().toLowerCase())).orElse(null);
        String region = profile.regionCode().flatMap(referenceData::region).map((Region r) -> r.name(language))
                .orElse(null);
        return texts.get("profile.summary",
                "organisation", organisation == null ? notGiven : organisation,
                "category", category == null ? notGiven : category,
                "role", role == null ? notGiven : role,
                "region", region == null ? notGiven : region,
                "language", texts.plain("language.name." + Language.fromCode(member.language()).orElse(Language.EN).code()));
    }

    InlineKeyboardMarkup changeButtons(Texts texts) {
        return Keyboard.create()
                .row().button(texts.plain("profile.change.organisation"), change(Step.ORGANISATION))
                .button(texts.plain("profile.change.category"), change(Step.CATEGORY))
                .row().button(texts.plain("profile.change.role"), change(Step.ROLE))
                .button(texts.plain("profile.change.region"), change(Step.REGION))
                .row().button(texts.plain("profile.change.language"), change(Step.LANGUAGE))
                .build();
    }

    private static CallbackData change(Step step) {
        return ProfileButton.SET.data(ProfileButton.Edit.of(step));
    }
}
