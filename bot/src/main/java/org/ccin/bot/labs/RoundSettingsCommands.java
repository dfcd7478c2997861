package org.ccin.bot.labs;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.ccin.bot.access.Role;
import org.ccin.bot.i18n.Language;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.store.labs.Round;
import org.ccin.store.members.Member;

/** Staff's settings of a round, typed after the command: its reviewers and its scoring criteria. */
final class RoundSettingsCommands {
    /** The word after the name that ends a review, in either language. */
    private static final java.util.Set<String> REMOVE = java.util.Set.of("remove", "tynnu");

    private final LabRecords records;
    private final RoundWords words;
    private final Messages messages;

    RoundSettingsCommands(LabRecords records, RoundWords words, Messages messages) {
        this.records = records;
        this.words = words;
        this.messages = messages;
    }

    /** The round named by the first word of the arguments; empty (and told) when there is none such. */
    private Optional<Round> round(Context context, String first) {
        Optional<Round> round = Optional.empty();
        if (first.matches("\\d{1,9}")) {
            round = records.rounds().find(Long.parseLong(first));
        }
        if (round.isEmpty()) {
            context.reply().send(context.texts().get("labs.settings.which.round"));
        }
        return round;
    }

    /**
     * /reviewer 3 @username: names a member as a reviewer of round 3 and tells them; /reviewer 3 @username remove
     * ends it (their chat and web session no longer open the round, at their next tap or page).
     */
    CommandAdapter reviewer() {
        return new CommandAdapter("reviewer", Role.STAFF) {
            @Override
            public void handle(Context context) {
                Texts texts = context.texts();
                String[] args = context.incoming().commandArguments().split("\\s+");
                boolean remove = args.length == 3 && REMOVE.contains(args[2].toLowerCase(java.util.Locale.ROOT));
                if (args.length != 2 && !remove) {
                    context.reply().send(texts.get("labs.reviewer.how"));
                    return;
                }
                Optional<Round> round = round(context, args[0]);
                if (round.isEmpty()) {
                    return;
                }
                Optional<Member> member = records.members().findByUsername(args[1].replaceFirst("^@", ""));
                if (member.isEmpty()) {
                    context.reply().send(texts.get("labs.reviewer.unknown", "name", args[1]));
                    return;
                }
                if (remove) {
                    boolean removed = records.rounds().removeReviewer(round.get().id(),
                            member.get().telegramUserId());
                    context.reply().send(texts.get(removed ? "labs.reviewer.removed" : "labs.reviewer.not.there",
                            "name", member.get().firstName(), "round", words.name(texts, round.get())));
                    if (removed) {
                        records.audit().record(Optional.of(context.userId()), "labs.reviewer.removed",
                                Optional.empty(), Optional.of(member.get().telegramUserId()),
                                String.valueOf(round.get().id()), "");
                    }
                    return;
                }
                boolean added = records.rounds().addReviewer(round.get().id(), member.get().telegramUserId(),
                        context.userId());
                context.reply().send(texts.get(added ? "labs.reviewer.added" : "labs.reviewer.already",
                        "name", member.get().firstName(), "round", words.name(texts, round.get())));
                if (added) {
                    records.audit().record(Optional.of(context.userId()), "labs.reviewer", Optional.empty(),
                            Optional.of(member.get().telegramUserId()), String.valueOf(round.get().id()), "");
                    Texts theirs = messages.in(Language.fromCode(member.get().language()).orElse(Language.EN));
                    context.reply().sendTo(member.get().telegramUserId(), Optional.empty(), theirs.get(
                            "labs.reviewer.told", "round", words.name(theirs, round.get())), null);
                }
            }
        };
    }

    /** /criteria 3 Fit with the aims; Value for money: what reviewers of round 3 score against. */
    CommandAdapter criteria() {
        return new CommandAdapter("criteria", Role.STAFF) {
            @Override
            public void handle(Context context) {
                Texts texts = context.texts();
                String[] args = context.incoming().commandArguments().split("\\s+", 2);
                if (args.length != 2) {
                    context.reply().send(texts.get("labs.criteria.how"));
                    return;
                }
                Optional<Round> round = round(context, args[0]);
                if (round.isEmpty()) {
                    return;
                }
                List<String> criteria = Arrays.stream(args[1].split("[;\n]")).map(String::strip)
                        .filter(c -> !c.isEmpty()).toList();
                if (criteria.isEmpty() || criteria.size() > 8 || criteria.stream().anyMatch(c -> c.length() > 100)) {
                    context.reply().send(texts.get("labs.criteria.how"));
                    return;
                }
                if (!records.rounds().setCriteria(round.get().id(), criteria)) {
                    // scores name their criterion by position: new criteria would take over the old scores
                    context.reply().send(texts.get("labs.criteria.scored", "round", words.name(texts, round.get()),
                            "list", String.join("; ", round.get().criteria())));
                    return;
                }
                records.audit().record(Optional.of(context.userId()), "labs.criteria",
                        String.valueOf(round.get().id()), String.join("; ", criteria));
                context.reply().send(texts.get("labs.criteria.set", "round", words.name(texts, round.get()),
                        "count", criteria.size(), "list", String.join("; ", criteria)));
            }
        };
    }

}
