package org.ccin.bot.onboarding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.CallbackData;
import org.ccin.bot.routing.Keyboard;
import org.ccin.store.members.WorkRole;
import org.ccin.store.organisations.Organisation;
import org.ccin.store.organisations.OrganisationRepository;
import org.ccin.store.reference.MembershipCategory;
import org.ccin.store.reference.ReferenceDataRepository;
import org.ccin.store.reference.Region;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/** The text and buttons of each registration question. Thread-safe. */
final class StepScreens {
    static final int MAX_MATCHES = 6;
    private static final int BUTTON_TEXT_MAX = 40;

    private final OrganisationRepository organisations;
    private final ReferenceDataRepository referenceData;

    StepScreens(OrganisationRepository organisations, ReferenceDataRepository referenceData) {
        this.organisations = organisations;
        this.referenceData = referenceData;
    }

    /** A screen: HTML text and its buttons. */
    record Screen(String html, InlineKeyboardMarkup keyboard) {
    }

    Screen screen(Step step, RegistrationState state, int version, Texts texts) {
        String progress = state.editing() ? "" : texts.get("registration.progress", "step", step.ordinal() + 1,
                "of", Step.values().length) + "\n";
        Keyboard keyboard = Keyboard.create();
        String question;
        switch (step) {
            case LANGUAGE:
                question = texts.get("registration.language.question");
                keyboard.row().button("English", data(new RegistrationButton.ChooseLanguage(version, "en")))
                        .button("Cymraeg", data(new RegistrationButton.ChooseLanguage(version, "cy")));
                break;
            case ORGANISATION:
                question = texts.get("registration.organisation.question");
                break;
            case CATEGORY:
                question = texts.get("registration.category.question") + suggestion(state, texts, true);
                List<InlineKeyboardButton> categories = new ArrayList<>();
                for (MembershipCategory category : referenceData.categories()) {
                    categories.add(Keyboard.callbackButton(category.name(texts.language().code()),
                            data(new RegistrationButton.ChooseCategory(version, category.code()))));
                }
                keyboard.grid(categories, 1);
                break;
            case ROLE:
                question = texts.get("registration.role.question");
                keyboard.row();
                for (WorkRole role : WorkRole.values()) {
                    keyboard.button(texts.plain("role." + role.name().toLowerCase()),
                            data(new RegistrationButton.ChooseRole(version, role)));
                }
                break;
            case REGION:
                question = texts.get("registration.region.question") + suggestion(state, texts, false);
                List<InlineKeyboardButton> regions = new ArrayList<>();
                for (Region region : referenceData.regions()) {
                    regions.add(Keyboard.callbackButton(region.name(texts.language().code()),
                            data(new RegistrationButton.ChooseRegion(version, region.code()))));
                }
                keyboard.grid(regions, 2);
                break;
            default:
                throw new IllegalStateException("no screen for " + step);
        }
        addBack(keyboard, step, state, version, texts);
        return new Screen(progress + question, keyboard.build());
    }

    /** The organisations matching what the person typed, with "keep what I typed" and Back. */
    Screen matches(String typed, RegistrationState state, int version, Texts texts) {
        List<Organisation> found = organisations.search(typed, MAX_MATCHES);
        Keyboard keyboard = Keyboard.create();
        for (Organisation organisation : found) {
            keyboard.row().button(shorten(organisation.name()),
                    data(new RegistrationButton.ChooseOrganisation(version, organisation.id())));
        }
        keyboard.row().button(texts.plain("registration.organisation.keep", "typed", shorten(typed)),
                data(new RegistrationButton.KeepTyped(version)));
        addBack(keyboard, Step.ORGANISATION, state, version, texts);
        String html = found.isEmpty()
                ? texts.get("registration.organisation.none", "typed", typed)
                : texts.get("registration.organisation.matches", "typed", typed);
        return new Screen(html, keyboard.build());
    }

    private void addBack(Keyboard keyboard, Step step, RegistrationState state, int version, Texts texts) {
        if (state.editing() || step.previous().isPresent()) {
            keyboard.row().button(texts.plain("button.back"), data(new RegistrationButton.Back(version)));
        }
    }

    /** "Oldham Council is listed as a Full Member" under the question, when we know. */
    private String suggestion(RegistrationState state, Texts texts, boolean category) {
        if (state.organisationId() == null) {
            return "";
        }
        Optional<Organisation> organisation = organisations.findById(state.organisationId());
        if (organisation.isEmpty()) {
            return "";
        }
        String language = texts.language().code();
        if (category) {
            return organisation.get().categoryCode().flatMap(referenceData::category)
                    .map(c -> "\n" + texts.get("registration.category.suggestion", "organisation",
                            organisation.get().name(), "category", c.name(language))).orElse("");
        }
        return organisation.get().regionCode().flatMap(referenceData::region)
                .map(r -> "\n" + texts.get("registration.region.suggestion", "organisation",
                        organisation.get().name(), "region", r.name(language))).orElse("");
    }

    private static CallbackData data(RegistrationButton button) {
        return RegistrationButton.SET.data(button);
    }

    private static String shorten(String text) {
        return text.length() <= BUTTON_TEXT_MAX ? text : text.substring(0, BUTTON_TEXT_MAX - 1) + "…";
    }
}
