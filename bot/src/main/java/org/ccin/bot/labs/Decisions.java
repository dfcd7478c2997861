package org.ccin.bot.labs;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccin.bot.delivery.OutboxDispatcher;
import org.ccin.bot.delivery.OutgoingMessage;
import org.ccin.bot.i18n.Language;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.i18n.Texts;
import org.ccin.store.casestudies.CaseStudyData;
import org.ccin.store.casestudies.CaseStudyKind;
import org.ccin.store.casestudies.CaseStudyRepository;
import org.ccin.store.labs.Application;
import org.ccin.store.labs.Decision;
import org.ccin.store.labs.Round;
import org.ccin.store.labs.RoundKind;
import org.ccin.store.members.Member;
import org.ccin.store.organisations.Organisation;
import org.ccin.store.outbox.OutboxLane;
import org.ccin.store.outbox.OutboxMessage;
import org.ccin.store.outbox.OutboxRepository;
import org.ccin.store.plan.FundedAction;
import org.ccin.store.plan.PlanRepository;
import org.ccin.store.reminders.LeadLink;
import org.ccin.store.reminders.LeadRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a decision does beyond recording it: a funded project becomes an action of the current plan, led by the
 * applicant under the lead's name they gave, with an interim and a final report as milestones (so the reminders and
 * progress answers of the plan work for it); the applicant is told either way, through the outbox; and a funded
 * project's final report can be published to the case-study library.
 */
final class Decisions {
    static final String KIND = "labs-decision";
    /** The label of a funded project's last milestone, on which its lead gives the final report. */
    static final String FINAL_REPORT = "Final report";
    private static final Logger log = LoggerFactory.getLogger(Decisions.class);

    private final LabRecords records;
    private final PlanRepository plans;
    private final LeadRepository leads;
    private final CaseStudyRepository library;
    private final OutboxRepository outbox;
    private final OutboxDispatcher dispatcher;
    private final Messages messages;
    private final RoundWords words;
    private final Clock clock;

    Decisions(LabRecords records, PlanRepository plans, LeadRepository leads, CaseStudyRepository library,
              OutboxRepository outbox, OutboxDispatcher dispatcher, Messages messages, RoundWords words, Clock clock) {
        this.records = records;
        this.plans = plans;
        this.leads = leads;
        this.library = library;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.messages = messages;
        this.words = words;
        this.clock = clock;
    }

    static String actionCode(Application application) {
        return "PL" + application.roundId() + "." + application.id();
    }

    /** Funds it; when that is done, the action is made and the applicant told. */
    Decision fund(Application application, Round round, long amount, long staffId) {
        Decision decision = records.applications().fund(application.id(), amount, staffId);
        if (decision != Decision.DECIDED) {
            return decision;
        }
        records.audit().record(Optional.of(staffId), "labs.fund", String.valueOf(application.id()),
                "round " + round.id() + " amount " + amount);
        Application funded = records.applications().find(application.id()).orElse(application);
        if (!complete(funded, round, Optional.of(staffId))) {
            log.warn("application {} funded, but there is no current plan to add its action to", application.id());
        }
        return decision;
    }

    /**
     * What follows funding: the project's action in the current plan, its lead linked, the applicant told. The
     * decision and these are written one after the other, so a crash between them leaves a funded application
     * with no action; {@link FundedProjects} finds it and does this again. Safe to repeat: the action is kept by
     * its code, the link by action and person, the message by its outbox key; the dates count from the decision.
     *
     * @return false when there is no current plan to add the action to (the applicant is told all the same)
     */
    boolean complete(Application application, Round round, Optional<Long> staffId) {
        long amount = application.awarded().orElse(0L);
        LocalDate interim = reportDue(application, round, 1);
        LocalDate last = reportDue(application, round, 2);
        String lead = application.answer(Question.LEAD).map(l -> l.lines().findFirst().orElse(l).strip())
                .orElseGet(() -> records.members().findById(application.memberId()).map(Member::firstName).orElse("—"));
        Optional<Long> actionId = plans.addFundedAction(new FundedAction(actionCode(application),
                title(application, round), lead, List.of(new FundedAction.Due("Interim report", interim),
                new FundedAction.Due(FINAL_REPORT, last))), "Funded Policy Labs and Prototypes");
        actionId.ifPresent(id -> {
            leads.link(id, lead, application.memberId(), LeadLink.Method.PICKED, staffId);
            records.applications().setAction(application.id(), id);
        });
        // without an action there are no reminders yet, so the applicant is not promised them (the message is sent
        // once, by its outbox key: a later run that makes the action sends nothing more)
        tell(application, texts -> texts.get(actionId.isPresent() ? "labs.decision.funded"
                : "labs.decision.funded.no.plan", "round", words.name(texts, round), "amount", Amounts.format(amount),
                "code", actionCode(application), "interim", texts.date(interim), "final", texts.date(last)));
        return actionId.isPresent();
    }

    /** When the project's first (interim) or second (final) report is due: 3 or 6 months apart, from the decision. */
    LocalDate reportDue(Application application, Round round, int report) {
        LocalDate decided = LocalDate.ofInstant(application.decidedAt().orElse(clock.instant()), words.zone());
        int months = round.kind() == RoundKind.LAB ? 6 : 3;
        return decided.plusMonths((long) report * months);
    }

    Decision decline(Application application, Round round, String reason, long staffId) {
        Decision decision = records.applications().decline(application.id(), reason, staffId);
        if (decision == Decision.DECIDED) {
            records.audit().record(Optional.of(staffId), "labs.decline", String.valueOf(application.id()),
                    "round " + round.id());
            tell(application, texts -> declinedMessage(texts, round, reason));
        }
        return decision;
    }

    /** The message an applicant is sent when not funded, in their language: what staff see before it is sent. */
    String declinedMessage(Application application, Round round, String reason) {
        return declinedMessage(applicantTexts(application), round, reason);
    }

    private String declinedMessage(Texts texts, Round round, String reason) {
        return texts.get("labs.decision.declined", "round", words.name(texts, round), "reason", reason);
    }

    private Texts applicantTexts(Application application) {
        String language = records.members().findById(application.memberId()).map(Member::language).orElse("en");
        return messages.in(Language.fromCode(language).orElse(Language.EN));
    }

    private void tell(Application application, java.util.function.Function<Texts, String> text) {
        Texts texts = applicantTexts(application);
        outbox.enqueue(List.of(new OutboxMessage(KIND + ":" + application.id(), OutboxLane.REMINDER, KIND,
                application.id(), application.telegramUserId(), OutgoingMessage.text(text.apply(texts), null).json(),
                clock.instant())));
        dispatcher.wake();
    }

    /** The project's title: the first line of its idea, short. */
    String title(Application application, Round round) {
        String idea = application.answer(Question.IDEA).orElse("").strip();
        String first = idea.lines().findFirst().orElse("");
        if (first.length() > 120) {
            first = first.substring(0, 119) + "…";
        }
        String organisation = application.organisationId().flatMap(records.organisations()::findById)
                .map(Organisation::name).orElse("");
        String kind = round.kind() == RoundKind.LAB ? "Policy Lab" : "Policy Prototype";
        return kind + ": " + (first.isEmpty() ? "#" + application.id() : first)
                + (organisation.isEmpty() ? "" : " (" + organisation + ")");
    }

    /**
     * Publishes the final report as a case study, once: the note the lead gave on the final report's milestone (not
     * whatever they wrote last, which may be an interim worry); empty when it is not in yet.
     */
    Optional<Long> publish(Application application, Round round, long staffId) {
        Optional<String> report = records.applications().milestoneNote(application.id(), FINAL_REPORT);
        if (report.isEmpty()) {
            return Optional.empty();
        }
        Optional<Organisation> organisation = application.organisationId().flatMap(records.organisations()::findById);
        List<String> councils = new ArrayList<>();
        organisation.ifPresent(o -> councils.add(o.name()));
        application.answer(Question.PARTNERS).ifPresent(p -> p.lines().forEach(councils::add));
        String body = report.get() + "\n\n" + application.answer(Question.IDEA).orElse("");
        String summary = report.get().length() > 300 ? report.get().substring(0, 299) + "…"
                : report.get();
        CaseStudyData study = new CaseStudyData("policy-" + (round.kind() == RoundKind.LAB ? "lab" : "prototype")
                + "-" + round.id() + "-" + application.id(), title(application, round),
                round.kind() == RoundKind.LAB ? CaseStudyKind.POLICY_LAB : CaseStudyKind.POLICY_PROTOTYPE, summary,
                body, Optional.empty(), organisation.flatMap(Organisation::regionCode),
                Optional.of(LocalDate.now(clock.withZone(words.zone())).getYear()), councils, List.of());
        Optional<Long> published = records.applications().publish(application.id(), library, study);
        published.ifPresent(id -> records.audit().record(Optional.of(staffId), "labs.publish",
                String.valueOf(application.id()), "case study " + id));
        return published;
    }
}
