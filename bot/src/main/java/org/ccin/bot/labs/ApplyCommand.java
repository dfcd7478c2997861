package org.ccin.bot.labs;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.ccin.bot.access.Role;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.Keyboard;
import org.ccin.store.labs.Application;
import org.ccin.store.labs.ApplicationStatus;
import org.ccin.store.labs.Round;
import org.ccin.store.members.Member;
import org.ccin.store.organisations.Organisation;

/**
 * /apply: the rounds open now, each with a button to start or carry on an application, and the member's own
 * applications with where they are. Only a registered member of an organisation of the network may apply.
 */
final class ApplyCommand extends CommandAdapter {
    private final LabRecords records;
    private final ApplicationFlow flow;
    private final RoundWords words;
    private final Clock clock;

    ApplyCommand(LabRecords records, ApplicationFlow flow, RoundWords words, Clock clock) {
        super("apply", Role.MEMBER);
        this.records = records;
        this.flow = flow;
        this.words = words;
        this.clock = clock;
    }

    @Override
    public void handle(Context context) {
        Texts texts = context.texts();
        List<Round> open = records.rounds().openAt(clock.instant());
        List<Application> mine = records.applications().ofPerson(context.userId());
        StringBuilder screen = new StringBuilder(open.isEmpty() ? texts.get("labs.apply.none.open")
                : texts.get("labs.apply.open", "count", open.size()));
        Keyboard keyboard = Keyboard.create();
        for (Round round : open) {
            Optional<Application> own = mine.stream().filter(a -> a.roundId() == round.id()).findFirst();
            screen.append("\n\n").append(texts.get("labs.apply.round.line", "round", words.name(texts, round),
                    "max", Amounts.format(round.maxAward()), "closes", words.when(texts, round.closesAt())));
            if (own.isEmpty() || own.get().status() == ApplicationStatus.DRAFT) {
                keyboard.row().button(texts.plain(own.isEmpty() ? "labs.button.apply" : "labs.button.continue",
                        "round", words.name(texts, round)), LabsButton.SET.data(new LabsButton.Apply(round.id())));
            }
        }
        if (!mine.isEmpty()) {
            screen.append("\n\n").append(texts.get("labs.apply.yours"));
            for (Application application : mine) {
                records.rounds().find(application.roundId()).ifPresent(round -> screen.append("\n• ")
                        .append(texts.get("labs.apply.yours.line", "round", words.name(texts, round),
                                "status", texts.plain("labs.status." + application.status()))));
            }
        }
        context.reply().send(screen.toString(), keyboard.isEmpty() ? null : keyboard.build());
    }

    /** The Apply button (in /apply, an announcement or a reminder): opens the member's draft. */
    void apply(Context context, LabsButton.Apply button) {
        Texts texts = context.texts();
        Optional<Round> round = records.rounds().find(button.roundId());
        if (round.isEmpty()) {
            context.reply().alert(texts.plain("button.unknown"));
            return;
        }
        Optional<Member> member = records.members().findByTelegramId(context.userId()).filter(Member::isRegistered);
        if (member.isEmpty()) {
            context.reply().alert(texts.plain("labs.apply.register.first"));
            return;
        }
        Optional<Organisation> organisation = member.get().organisationId()
                .flatMap(records.organisations()::findById).filter(Organisation::networkMember);
        if (organisation.isEmpty()) {
            context.reply().send(texts.get("labs.apply.not.eligible"));
            context.reply().answer("");
            return;
        }
        if (!round.get().isOpen(clock.instant())) {
            context.reply().alert(texts.plain("labs.apply.round.closed", "round", words.name(texts, round.get())));
            return;
        }
        Application application = records.applications().startOrFind(round.get().id(), member.get().id(),
                context.userId(), Optional.of(organisation.get().id()));
        context.reply().answer("");
        if (application.status() != ApplicationStatus.DRAFT) {
            context.reply().send(texts.get("labs.apply.already", "round", words.name(texts, round.get()),
                    "status", texts.plain("labs.status." + application.status())));
            return;
        }
        flow.start(context, round.get(), application);
    }
}
