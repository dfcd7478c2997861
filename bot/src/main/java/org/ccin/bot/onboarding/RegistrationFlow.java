package org.ccin.bot.onboarding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.ccin.bot.i18n.Language;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.CallbackAction;
import org.ccin.bot.routing.CallbackData;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.ConversationFlow;
import org.ccin.bot.routing.Keyboard;
import org.ccin.bot.routing.RegistrationListener;
import org.ccin.store.conversations.Conversation;
import org.ccin.store.conversations.ConversationRepository;
import org.ccin.store.members.Member;
import org.ccin.store.members.MemberRepository;
import org.ccin.store.members.Verification;
import org.ccin.store.members.WorkRole;
import org.ccin.store.organisations.OrganisationRepository;
import org.ccin.store.reference.ReferenceDataRepository;

/**
 * Registration, one question at a time, with the answers kept in the conversation so that a restart loses nothing.
 * The same questions serve /profile, one at a time. Every button carries the conversation's version: a tap on a
 * keyboard from an earlier step or an earlier conversation is refused politely instead of changing anything.
 */
final class RegistrationFlow implements ConversationFlow, CallbackAction {
    static final String FLOW = "registration";
    static final int MAX_TYPED = 120;

    private final ConversationRepository conversations;
    private final MemberRepository members;
    private final OrganisationRepository organisations;
    private final ReferenceDataRepository referenceData;
    private final Messages messages;
    private final StepScreens screens;
    private final ProfileView profileView;
    private final ObjectMapper json = new ObjectMapper();
    private final Supplier<List<RegistrationListener>> afterRegistration;

    /** @param afterRegistration who is told when someone finishes registering (known once every feature is built) */
    public RegistrationFlow(ConversationRepository conversations, MemberRepository members,
                            OrganisationRepository organisations, ReferenceDataRepository referenceData,
                            Messages messages, Supplier<List<RegistrationListener>> afterRegistration) {
        this.afterRegistration = afterRegistration;
        this.conversations = conversations;
        this.members = members;
        this.organisations = organisations;
        this.referenceData = referenceData;
        this.messages = messages;
        this.screens = new StepScreens(organisations, referenceData);
        this.profileView = new ProfileView(organisations, referenceData);
    }

    @Override
    public String flow() {
        return FLOW;
    }

    /** Only the organisation's name is typed; the other steps are buttons. */
    @Override
    public boolean awaitsText(Conversation conversation) {
        return step(conversation) == Step.ORGANISATION;
    }

    @Override
    public String feature() {
        return StepScreens.FEATURE;
    }

    /** Starts registration from the first question, as a new message under the greeting. */
    void begin(Context context, String greetingHtml) {
        Conversation conversation = save(context, Step.LANGUAGE, RegistrationState.registering());
        StepScreens.Screen screen = screens.screen(Step.LANGUAGE, RegistrationState.registering(),
                conversation.version(), context.texts());
        context.reply().send(greetingHtml + "\n\n" + screen.html(), screen.keyboard());
    }

    /** Shows the question the person had reached, as a new message (after /start during registration). */
    void resume(Context context, Conversation conversation) {
        StepScreens.Screen screen = screens.screen(step(conversation), state(conversation), conversation.version(),
                context.texts());
        context.reply().send(context.texts().get("registration.resume") + "\n\n" + screen.html(), screen.keyboard());
    }

    /** Asks one question again to change that answer (from /profile), editing the profile message. */
    void edit(Context context, Member member, Step step) {
        RegistrationState state = RegistrationState.editing(member.profile());
        Conversation conversation = save(context, step, state);
        StepScreens.Screen screen = screens.screen(step, state, conversation.version(), context.texts());
        context.reply().show(screen.html(), screen.keyboard());
    }

    Optional<Conversation> current(Context context) {
        return conversations.find(context.incoming().chatId(), context.userId()).filter(c -> FLOW.equals(c.flow()));
    }

    @Override
    public void onMessage(Context context, Conversation conversation) {
        Step step = step(conversation);
        RegistrationState state = state(conversation);
        Optional<String> text = context.incoming().text().map(String::strip);
        if (step != Step.ORGANISATION || text.isEmpty()) {
            StepScreens.Screen screen = screens.screen(step, state, conversation.version(), context.texts());
            context.reply().send(context.texts().get("registration.use.buttons") + "\n\n" + screen.html(),
                    screen.keyboard());
            return;
        }
        String typed = text.get();
        if (typed.length() > MAX_TYPED || typed.codePoints().anyMatch(Character::isISOControl)) {
            context.reply().send(context.texts().get("registration.organisation.too.long", "max", MAX_TYPED));
            return;
        }
        RegistrationState withTyped = state.withTyped(typed);
        Conversation saved = save(context, Step.ORGANISATION, withTyped);
        StepScreens.Screen screen = screens.matches(typed, withTyped, saved.version(), context.texts());
        context.reply().send(screen.html(), screen.keyboard());
    }

    @Override
    public void handle(Context context, CallbackData data) {
        Optional<Conversation> conversation = current(context);
        Optional<Long> version = data.number(0);
        if (conversation.isEmpty() || version.isEmpty() || version.get() != conversation.get().version()) {
            context.reply().alert(context.texts().plain("button.stale"));
            return;
        }
        Step step = step(conversation.get());
        RegistrationState state = state(conversation.get());
        Optional<String> value = data.arg(1);
        switch (data.action()) {
            case "back":
                back(context, step, state);
                return;
            case "lang":
                onLanguage(context, step, state, value);
                return;
            case "org":
                onOrganisation(context, step, state, data.number(1));
                return;
            case "orgkeep":
                if (step != Step.ORGANISATION || state.typed() == null) {
                    refuse(context);
                    return;
                }
                advance(context, step, state.withOrganisationTyped());
                return;
            case "cat":
                if (step != Step.CATEGORY || value.flatMap(referenceData::category).isEmpty()) {
                    refuse(context);
                    return;
                }
                advance(context, step, state.withCategory(value.get()));
                return;
            case "role":
                Optional<WorkRole> role = value.flatMap(RegistrationFlow::workRole);
                if (step != Step.ROLE || role.isEmpty()) {
                    refuse(context);
                    return;
                }
                advance(context, step, state.withRole(role.get()));
                return;
            case "region":
                if (step != Step.REGION || value.flatMap(referenceData::region).isEmpty()) {
                    refuse(context);
                    return;
                }
                advance(context, step, state.withRegion(value.get()));
                return;
            default:
                refuse(context);
        }
    }

    private void onLanguage(Context context, Step step, RegistrationState state, Optional<String> code) {
        Optional<Language> language = code.flatMap(Language::fromCode);
        if (step != Step.LANGUAGE || language.isEmpty()) {
            refuse(context);
            return;
        }
        members.setLanguage(context.userId(), language.get().code());
        Context switched = new Context(context.incoming(), messages.in(language.get()), context.reply(),
                context::roles);
        advance(switched, step, state);
    }

    private void onOrganisation(Context context, Step step, RegistrationState state, Optional<Long> id) {
        if (step != Step.ORGANISATION || id.isEmpty() || organisations.findById(id.get()).isEmpty()) {
            refuse(context);
            return;
        }
        advance(context, step, state.withOrganisation(id.get()));
    }

    /** Records an answer: the next question, or when editing (or at the end) the saved profile. */
    private void advance(Context context, Step answered, RegistrationState state) {
        Optional<Step> next = answered.next();
        if (state.editing() || next.isEmpty()) {
            finish(context, state);
            return;
        }
        Conversation saved = save(context, next.get(), state);
        StepScreens.Screen screen = screens.screen(next.get(), state, saved.version(), context.texts());
        context.reply().show(screen.html(), screen.keyboard());
    }

    private void back(Context context, Step step, RegistrationState state) {
        if (state.editing()) {
            conversations.delete(context.incoming().chatId(), context.userId());
            showProfile(context, members.findByTelegramId(context.userId()).orElseThrow(), "");
            return;
        }
        Optional<Step> previous = step.previous();
        if (previous.isEmpty()) {
            refuse(context);
            return;
        }
        Conversation saved = save(context, previous.get(), state);
        StepScreens.Screen screen = screens.screen(previous.get(), state, saved.version(), context.texts());
        context.reply().show(screen.html(), screen.keyboard());
    }

    private void finish(Context context, RegistrationState state) {
        Member before = members.findByTelegramId(context.userId()).orElseThrow();
        Member member = members.saveProfile(context.userId(), state.profile());
        boolean sameClaims = before.isRegistered() && before.organisationId().equals(member.organisationId())
                && before.organisationOther().equals(member.organisationOther())
                && before.categoryCode().equals(member.categoryCode());
        Verification verification = sameClaims ? member.verification() : verificationOf(member);
        if (verification != member.verification()) {
            members.setVerification(member.telegramUserId(), verification, Optional.empty());
        }
        conversations.delete(context.incoming().chatId(), context.userId());
        if (state.editing()) {
            context.reply().answer(context.texts().plain("profile.saved"));
            showProfile(context, member, context.texts().get("profile.saved") + "\n\n");
            return;
        }
        Texts texts = context.texts();
        // the newsletter is offered, never assumed: subscribing is the member's own tap, with its consent
        context.reply().show(texts.get("registration.done", "name", member.firstName()) + "\n\n"
                + profileView.summary(member, texts) + "\n\n" + texts.get("registration.next"),
                Keyboard.create().button(texts.plain("registration.newsletter"), CallbackData.of("nls", "m")).build());
        for (RegistrationListener listener : afterRegistration.get()) {
            listener.registered(context);
        }
    }

    /**
     * An organisation chosen from the list with the category the list gives it is taken as it is; anything
     * self-declared (an organisation not in the list, another category) waits for staff (/verify).
     */
    private Verification verificationOf(Member member) {
        Optional<String> listedCategory = member.organisationId().flatMap(organisations::findById)
                .flatMap(o -> o.categoryCode());
        return listedCategory.isPresent() && listedCategory.equals(member.categoryCode()) ? Verification.VERIFIED
                : Verification.PENDING;
    }

    void showProfile(Context context, Member member, String prefixHtml) {
        Texts texts = messages.in(Language.fromCode(member.language()).orElse(context.texts().language()));
        context.reply().show(prefixHtml + profileView.summary(member, texts), profileView.changeButtons(texts));
    }

    ProfileView profileView() {
        return profileView;
    }

    private static void refuse(Context context) {
        context.reply().alert(context.texts().plain("button.stale"));
    }

    private static Optional<WorkRole> workRole(String name) {
        try {
            return Optional.of(WorkRole.valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Conversation save(Context context, Step step, RegistrationState state) {
        try {
            return conversations.save(context.incoming().chatId(), context.userId(), FLOW, step.name(),
                    json.writeValueAsString(state));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("registration state cannot be written", e);
        }
    }

    private static Step step(Conversation conversation) {
        return Step.valueOf(conversation.step());
    }

    private RegistrationState state(Conversation conversation) {
        try {
            return json.readValue(conversation.state(), RegistrationState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("registration state cannot be read", e);
        }
    }
}
