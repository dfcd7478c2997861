package org.ccin.bot.groups;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.ccin.bot.i18n.Language;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.EventHandler;
import org.ccin.bot.routing.Incoming;
import org.ccin.bot.telegram.Lane;
import org.ccin.bot.telegram.Sender;
import org.ccin.config.BotConfig;
import org.ccin.store.groups.ChatGroup;
import org.ccin.store.groups.GroupRepository;
import org.ccin.store.groups.Groups;
import org.ccin.store.groups.GroupStatus;
import org.ccin.store.groups.MembershipStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * What happens in the groups themselves: people joining (one welcome per burst naming all of them, the previous one
 * deleted), leaving
 * or being removed (the records follow), administrators changing (they are the group's moderators), the bot being
 * removed, and a group upgraded to a supergroup (its chat id changes).
 */
final class MemberChanges implements EventHandler {
    private static final Logger log = LoggerFactory.getLogger(MemberChanges.class);
    private static final Set<String> IN = Set.of("member", "administrator", "creator", "restricted");

    private final Groups groups;
    private final Sender sender;
    private final Messages messages;
    private final BotConfig config;
    private final Clock clock;
    private final StaffAlerts staff;

    MemberChanges(Groups groups, Sender sender, Messages messages, BotConfig config, Clock clock, StaffAlerts staff) {
        this.groups = groups;
        this.sender = sender;
        this.messages = messages;
        this.config = config;
        this.clock = clock;
        this.staff = staff;
    }

    @Override
    public boolean accepts(Incoming incoming) {
        if (incoming.update().hasChatMember() || incoming.update().hasMyChatMember()) {
            return true;
        }
        return incoming.message().filter(m -> m.getNewChatMembers() != null && !m.getNewChatMembers().isEmpty()
                || m.getLeftChatMember() != null || m.getMigrateToChatId() != null).isPresent();
    }

    @Override
    public void handle(Context context) {
        Incoming incoming = context.incoming();
        if (incoming.update().hasMyChatMember()) {
            botChanged(incoming.update().getMyChatMember());
            return;
        }
        if (incoming.update().hasChatMember()) {
            memberChanged(incoming.update().getChatMember());
            return;
        }
        Message message = incoming.message().orElseThrow();
        if (message.getMigrateToChatId() != null) {
            groups.catalogue().migrate(message.getChatId(), message.getMigrateToChatId());
            log.info("group {} upgraded to supergroup {}", message.getChatId(), message.getMigrateToChatId());
            return;
        }
        Optional<ChatGroup> group = groups.catalogue().byChat(message.getChatId()).filter(ChatGroup::isActive);
        if (group.isEmpty()) {
            return;
        }
        if (message.getLeftChatMember() != null) {
            groups.memberships().ended(group.get().id(), message.getLeftChatMember().getId(),
                    MembershipStatus.LEFT, "left the group");
            return;
        }
        List<User> people = new ArrayList<>();
        for (User user : message.getNewChatMembers()) {
            if (!Boolean.TRUE.equals(user.getIsBot())) {
                groups.memberships().joined(group.get().id(), user.getId());
                people.add(user);
            }
        }
        if (!people.isEmpty()) {
            welcome(group.get(), people);
        }
    }

    private void memberChanged(ChatMemberUpdated change) {
        Optional<ChatGroup> group = groups.catalogue().byChat(change.getChat().getId());
        if (group.isEmpty()) {
            return;
        }
        ChatMember member = change.getNewChatMember();
        long userId = member.getUser().getId();
        String status = member.getStatus();
        if (IN.contains(status)) {
            groups.memberships().joined(group.get().id(), userId);
        } else {
            boolean removed = "kicked".equals(status) || change.getFrom() != null
                    && !change.getFrom().getId().equals(userId);
            groups.memberships().ended(group.get().id(), userId,
                    removed ? MembershipStatus.REMOVED : MembershipStatus.LEFT,
                    removed ? "removed in Telegram" : "left the group");
        }
        // the group's administrators are its moderators
        Set<Long> moderators = new HashSet<>(groups.catalogue().moderators(group.get().id()));
        boolean admin = "administrator".equals(status) || "creator".equals(status);
        if (admin ? moderators.add(userId) : moderators.remove(userId)) {
            groups.catalogue().setModerators(group.get().id(), moderators);
        }
    }

    private void botChanged(ChatMemberUpdated change) {
        Optional<ChatGroup> group = groups.catalogue().byChat(change.getChat().getId());
        String status = change.getNewChatMember().getStatus();
        if (group.isPresent() && ("left".equals(status) || "kicked".equals(status))) {
            groups.catalogue().setStatus(group.get().id(), GroupStatus.BOT_REMOVED);
            staff.tell("groups.staff.bot.removed", "group", group.get().title("en"));
            log.warn("the bot was removed from group {}", group.get().code());
        } else if (group.isPresent() && group.get().status() == GroupStatus.BOT_REMOVED && IN.contains(status)) {
            groups.catalogue().setStatus(group.get().id(), GroupStatus.ACTIVE);
        }
    }

    /**
     * One welcome per burst of joins: joins within the burst window of the first are welcomed together, by name, and
     * the previous welcome is deleted so that welcomes never pile up.
     */
    private void welcome(ChatGroup group, List<User> people) {
        Instant now = clock.instant();
        Instant burstStart = group.welcomeBurstStarted()
                .filter(start -> start.plus(config.groups().welcomeBurst()).isAfter(now)).orElse(now);
        List<GroupRepository.Joiner> burst = groups.catalogue().addToWelcome(group.id(), burstStart,
                people.stream().map(p -> new GroupRepository.Joiner(p.getId(), p.getFirstName())).toList());
        long chat = group.chatId().orElseThrow();
        group.lastWelcomeMessageId().ifPresent(old -> sender.call(Lane.INTERACTIVE,
                DeleteMessage.builder().chatId(chat).messageId(old).build()).exceptionally(e -> null));
        Texts texts = messages.in(Language.EN.code().equals(languageOf(group)) ? Language.EN : Language.CY);
        String text = texts.get("groups.welcome", "names", NaturalList.names(burst.stream()
                .map(GroupRepository.Joiner::firstName).toList(), texts), "group", group.title(texts.language().code()));
        if (burst.size() > 1) {
            text += " " + texts.get("groups.welcome.burst", "count", burst.size());
        }
        SendMessage message = SendMessage.builder().chatId(chat).text(text).parseMode(ParseMode.HTML)
                .messageThreadId(group.welcomeThreadId().orElse(null)).build();
        try {
            // waited for, so that the next join of this group (handled after this one) finds this welcome to delete
            Message sent = sender.send(Lane.INTERACTIVE, chat, message).get(20, TimeUnit.SECONDS);
            if (sent != null) { // null: delivered, but Telegram's answer (with the id to delete later) was unreadable
                groups.catalogue().setWelcome(group.id(), sent.getMessageId(), burstStart);
            }
        } catch (ExecutionException | TimeoutException e) {
            log.warn("welcome in group {} failed: {}", group.code(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Groups in Wales are welcomed in Welsh first; others in English. */
    private static String languageOf(ChatGroup group) {
        return "wales".equals(group.code()) ? Language.CY.code() : Language.EN.code();
    }
}
