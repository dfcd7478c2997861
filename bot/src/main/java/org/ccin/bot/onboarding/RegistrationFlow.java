package org.ccin.bot.onboarding;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.ccin.bot.i18n.Language;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.newsletters.SubscriptionButton;
import org.ccin.bot.routing.ButtonHandlers;
import org.ccin.bot.routing.CallbackAction;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.ConversationFlow;
import org.ccin.bot.routing.FlowState;
import org.ccin.bot.routing.Keyboard;
import org.ccin.bot.routing.RegistrationListener;
import org.ccin.store.conversations.Conversation;
import org.ccin.store.conversations.ConversationRepository;
import org.ccin.store.members.Member;
import org.ccin.store.members.MemberRepository;
import org.ccin.store.members.Verification;
import org.ccin.store.organisations.OrganisationRepository;
import org.ccin.store.reference.ReferenceDataRepository;

/**
 * Registration, one question at a time, with the answers kept in the conversation so that a restart loses nothing.
 * The same questions serve /profile, one at a time. Every button carries the conversation's version: a tap on a
 * keyboard from an earlier step or an earlier conversation is refused politely instead of changing anything.
 */
final class RegistrationFlow implements ConversationFlow {
    static final String FLOW = "registration";
    static final int MAX_TYPED = 120;

    private final FlowState<RegistrationState> states;
    private final MemberRepository members;
    private final OrganisationRepository organisations;
    private final ReferenceDataRepository referenceData;
    private final Messages messages;
    private final StepScreens screens;
    private final ProfileView profileView;
    private final Supplier<List<RegistrationListener>> afterRegistration;

    /** @param afterRegistration who is told when someone finishes registering (known once every feature is built) */
    RegistrationFlow(ConversationRepository conversations, MemberRepository members,
                     OrganisationRepository organisations, ReferenceDataRepository referenceData,
                     Messages messages, Supplier<List<RegistrationListener>> afterRegistration) {
        this.afterRegistration = afterRegistration;
        this.states = new FlowState<>(conversations, FLOW, RegistrationState.class);
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

    /**
     * Only the organisation's name is typed; the other steps are buttons. A row that no longer reads takes the
     * text (see {@link #onMessage}).
     */
    @Override
    public boolean awaitsText(Conversation conversation) {
        return question(conversation).map(q -> q.step() == Step.ORGANISATION).orElse(true);
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
        Question question = question(conversation).orElseThrow();
        StepScreens.Screen screen = screens.screen(question.step(), question.state(), conversation.version(),
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

    /** The person's registration in this chat, when there is one that still reads (see {@link #question}). */
    Optional<Conversation> current(Context context) {
        return states.current(context).filter(c -> question(c).isPresent());
    }

    @Override
    public void onMessage(Context context, Conversation conversation) {
        // a row that does not read, met while the person types, is a failure of this update (they get the apology
        // and /cancel or /start begins afresh), as it was before the state was typed; its buttons are only stale
        Question question = question(conversation).orElseThrow(() ->
                new IllegalStateException("registration state cannot be read"));
        Step step = question.step();
        RegistrationState state = question.state();
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

    /** The buttons' handler: each first finds the conversation it was shown in, at the version it was shown. */
    CallbackAction buttons() {
        // ill-formed data is answered as an out-of-date button, as it was before the buttons were typed
        return RegistrationButton.SET.handlers()
                .on(RegistrationButton.Back.class, atQuestion((context, button, question) ->
                        back(context, question.step(), question.state())))
                .on(RegistrationButton.ChooseLanguage.class, atQuestion(this::onLanguage))
                .on(RegistrationButton.ChooseOrganisation.class, atQuestion(this::onOrganisation))
                .on(RegistrationButton.KeepTyped.class, atQuestion(this::onKeepTyped))
                .on(RegistrationButton.ChooseCategory.class, atQuestion(this::onCategory))
                .on(RegistrationButton.ChooseRole.class, atQuestion(this::onRole))
                .on(RegistrationButton.ChooseRegion.class, atQuestion(this::onRegion))
                .unknown("button.stale")
                .build();
    }

    /** Where the person is: the question shown and the answers so far. */
    private record Question(Step step, RegistrationState state) {
    }

    /** What a tap does on the question it was shown with. */
    @FunctionalInterface
    private interface QuestionTap<T extends RegistrationButton> {
        void handle(Context context, T button, Question question);
    }

    private <T extends RegistrationButton> ButtonHandlers.Tap<T> atQuestion(QuestionTap<T> tap) {
        return (context, button) -> {
            Optional<Conversation> conversation = current(context)
                    .filter(c -> c.version() == button.version());
            Optional<Question> question = conversation.flatMap(this::question);
            if (question.isEmpty()) {
                refuse(context);
                return;
            }
            tap.handle(context, button, question.get());
        };
    }

    private void onLanguage(Context context, RegistrationButton.ChooseLanguage button, Question question) {
        Optional<Language> language = Language.fromCode(button.code());
        if (question.step() != Step.LANGUAGE || language.isEmpty()) {
            refuse(context);
            return;
        }
        members.setLanguage(context.userId(), language.get().code());
        Context switched = new Context(context.incoming(), messages.in(language.get()), context.reply(),
                context::roles);
        advance(switched, question.step(), question.state());
    }

    private void onOrganisation(Context context, RegistrationButton.ChooseOrganisation button, Question question) {
        if (question.step() != Step.ORGANISATION || organisations.findById(button.organisation()).isEmpty()) {
            refuse(context);
            return;
        }
        advance(context, question.step(), question.state().withOrganisation(button.organisation()));
    }

    private void onKeepTyped(Context context, RegistrationButton.KeepTyped button, Question question) {
        if (question.step() != Step.ORGANISATION || question.state().typed() == null) {
            refuse(context);
            return;
        }
        advance(context, question.step(), question.state().withOrganisationTyped());
    }

    private void onCategory(Context context, RegistrationButton.ChooseCategory button, Question question) {
        if (question.step() != Step.CATEGORY || referenceData.category(button.code()).isEmpty()) {
            refuse(context);
            return;
        }
        advance(context, question.step(), question.state().withCategory(button.code()));
    }

    private void onRole(Context context, RegistrationButton.ChooseRole button, Question question) {
        if (question.step() != Step.ROLE) {
            refuse(context);
            return;
        }
        advance(context, question.step(), question.state().withRole(button.role()));
    }

    private void onRegion(Context context, RegistrationButton.ChooseRegion button, Question question) {
        if (question.step() != Step.REGION || referenceData.region(button.code()).isEmpty()) {
            refuse(context);
            return;
        }
        advance(context, question.step(), question.state().withRegion(button.code()));
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
            states.end(context);
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
        states.end(context);
        if (state.editing()) {
            context.reply().answer(context.texts().plain("profile.saved"));
            showProfile(context, member, context.texts().get("profile.saved") + "\n\n");
            return;
        }
        Texts texts = context.texts();
        // the newsletter is offered, never assumed: subscribing is the member's own tap, with its consent
        context.reply().show(texts.get("registration.done", "name", member.firstName()) + "\n\n"
                + profileView.summary(member, texts) + "\n\n" + texts.get("registration.next"),
                Keyboard.create().button(texts.plain("registration.newsletter"), SubscriptionButton.SET.data(new SubscriptionButton.Menu())).build());
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

    private Conversation save(Context context, Step step, RegistrationState state) {
        return states.save(context, step.name(), state);
    }

    /**
     * The question a conversation is at; empty when its row no longer reads (written by an older version, or an
     * unknown step): its buttons are then answered as out of date, and /start begins again, as for an expired
     * conversation.
     */
    private Optional<Question> question(Conversation conversation) {
        Optional<Step> step = Arrays.stream(Step.values()).filter(s -> s.name().equals(conversation.step()))
                .findFirst();
        return step.flatMap(at -> states.read(conversation).map(state -> new Question(at, state)));
    }
}
