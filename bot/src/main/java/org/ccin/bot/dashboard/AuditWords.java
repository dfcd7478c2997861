package org.ccin.bot.dashboard;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.ccin.bot.i18n.Texts;
import org.ccin.store.audit.AuditEntry;
import org.ccin.store.audit.AuditFilter;
import org.ccin.store.audit.AuditKind;
import org.ccin.store.groups.ChatGroup;
import org.ccin.store.groups.GroupRepository;
import org.ccin.store.members.Member;
import org.ccin.store.members.MemberRepository;

/**
 * The audit log in words, the same in chat, on the dashboard and in the CSV download: when, what kind of act, in which
 * group, about whom, by whom, and the details; and the filters staff type ("health warn @tom", "?group=…").
 * Thread-safe.
 */
final class AuditWords {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /**
     * Actions whose subject and details are codes (an action's, a round's) worded by the bundles' {@code
     * audit.details.<action>}: "Round 1: made a reviewer" rather than "1". The person is in a column of their own.
     */
    private static final Set<String> WORDED = Set.of("lead.link", "lead.unlink", "lead.claimlink", "reminders.mute",
            "reminders.unmute", "labs.reviewer", "labs.reviewer.removed");

    private final GroupRepository groups;
    private final MemberRepository members;
    private final ZoneId zone;

    AuditWords(GroupRepository groups, MemberRepository members, ZoneId zone) {
        this.groups = groups;
        this.members = members;
        this.zone = zone;
    }

    /** One entry as plain values, for a row of a table or a CSV line. */
    record Line(String when, String kind, String group, String person, String by, String details) {
    }

    Line line(AuditEntry entry, Texts texts) {
        String details = WORDED.contains(entry.action())
                ? texts.plain("audit.details." + entry.action(), "subject", entry.subject().orElse(""),
                        "details", entry.details().orElse(""))
                : entry.subject().filter(s -> !s.isBlank() && entry.groupId().isEmpty())
                        .map(s -> entry.details().filter(d -> !d.isBlank()).map(d -> s + ": " + d).orElse(s))
                        .orElse(entry.details().orElse(""));
        return new Line(entry.at().atZone(zone).format(WHEN), kind(entry, texts),
                entry.groupId().flatMap(groups::find).map(g -> g.title(texts.language().code()))
                        .orElse(""),
                entry.subjectUserId().map(this::person).orElse(""),
                entry.actorUserId().map(this::person).orElseGet(() -> nobody(entry, texts)), details);
    }

    /** Who acted when no person is recorded: the bot on its own, an import, or someone since erased. */
    private static String nobody(AuditEntry entry, Texts texts) {
        Optional<AuditKind> kind = entry.kind();
        if (kind.isPresent() && (kind.get() == AuditKind.AUTOMATIC_REMOVAL || kind.get() == AuditKind.ERASURE)) {
            return texts.plain("audit.by.bot");
        }
        return texts.plain(kind.isPresent() && kind.get() == AuditKind.IMPORT ? "audit.by.import" : "audit.by.erased");
    }

    String kind(AuditEntry entry, Texts texts) {
        return entry.kind().map(kind -> texts.plain("audit.kind." + kind.code())).orElse(entry.action());
    }

    /** "Ada (42)": staff see who, and the id to filter by. */
    private String person(long telegramUserId) {
        return members.findByTelegramId(telegramUserId).map(Member::firstName).filter(n -> !n.isBlank())
                .map(name -> name + " (" + telegramUserId + ")").orElse(String.valueOf(telegramUserId));
    }

    /** What staff asked for, or why it cannot be understood (which word, and what would be understood). */
    record Parsed(AuditFilter filter, Optional<String> unknown) {
    }

    /** Filters typed after /audit, in any order: a group's code, a person (@username or Telegram id), a kind. */
    Parsed parse(String words) {
        Optional<Long> group = Optional.empty();
        Optional<Long> person = Optional.empty();
        Optional<AuditKind> kind = Optional.empty();
        for (String word : words.strip().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            Optional<ChatGroup> byCode = groups.byCode(word.toLowerCase(Locale.ROOT));
            Optional<AuditKind> asKind = AuditKind.fromCode(word);
            Optional<Long> asPerson = person(word);
            if (byCode.isPresent() && group.isEmpty()) {
                group = Optional.of(byCode.get().id());
            } else if (asKind.isPresent() && kind.isEmpty()) {
                kind = asKind;
            } else if (asPerson.isPresent() && person.isEmpty()) {
                person = asPerson;
            } else {
                return new Parsed(AuditFilter.everything(), Optional.of(word));
            }
        }
        return new Parsed(new AuditFilter(group, person, kind), Optional.empty());
    }

    /** A Telegram id, or the @username of someone the bot knows. */
    Optional<Long> person(String word) {
        if (word.startsWith("@")) {
            return members.findByUsername(word).map(Member::telegramUserId);
        }
        try {
            long id = Long.parseLong(word);
            return id > 0 ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The codes of the kinds, for the help text: "warn, mute, remove, …". */
    static String kindCodes() {
        List<String> codes = new ArrayList<>();
        for (AuditKind kind : AuditKind.values()) {
            codes.add(kind.code());
        }
        return String.join(", ", codes);
    }

    /** The group codes, for the help text. */
    String groupCodes() {
        return String.join(", ", groups.all().stream().map(ChatGroup::code).toList());
    }
}
