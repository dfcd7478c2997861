package org.ccin.bot.groups;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.ccin.bot.access.Role;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.bot.telegram.Lane;
import org.ccin.bot.telegram.Sender;
import org.ccin.store.audit.AuditLog;
import org.ccin.store.groups.ChatGroup;
import org.ccin.store.groups.GroupRepository;
import org.ccin.store.groups.GroupStatus;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatAdministrators;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberAdministrator;

/**
 * /registergroup [code], sent by staff in a supergroup where the bot is an administrator: checks the bot's own
 * rights and says exactly which are missing; then links the chat to the group of that code in the catalogue (or a
 * new group named after the chat), takes the chat's administrators as its moderators, and sends staff the group's
 * settings privately.
 */
final class RegisterGroupCommand extends CommandAdapter {
    private final GroupRepository catalogue;
    private final AuditLog auditLog;
    private final Sender sender;
    private final GroupSetup setup;
    private final java.util.function.Supplier<Optional<Long>> botId;

    RegisterGroupCommand(GroupRepository catalogue, AuditLog auditLog, Sender sender, GroupSetup setup,
                         java.util.function.Supplier<Optional<Long>> botId) {
        super("registergroup", Role.STAFF, Where.GROUP);
        this.catalogue = catalogue;
        this.auditLog = auditLog;
        this.sender = sender;
        this.setup = setup;
        this.botId = botId;
    }

    @Override
    public void handle(Context context) throws Exception {
        Chat chat = context.incoming().chat().orElseThrow();
        if (!"supergroup".equals(chat.getType()) && !"group".equals(chat.getType())) {
            return;
        }
        Optional<Long> me = botId.get();
        if (me.isEmpty()) {
            context.reply().send(context.texts().get("error.apology"));
            return;
        }
        ChatMember bot = sender.call(Lane.INTERACTIVE, GetChatMember.builder().chatId(chat.getId()).userId(me.get())
                .build()).get(20, TimeUnit.SECONDS);
        List<String> missing = missingRights(bot);
        if (!missing.isEmpty()) {
            context.reply().send(context.texts().get("groups.register.rights", "rights", String.join(", ", missing)));
            return;
        }
        String code = context.incoming().commandArguments().strip().toLowerCase(Locale.ROOT);
        Optional<ChatGroup> existing = catalogue.byChat(chat.getId());
        ChatGroup group;
        if (existing.isPresent()) {
            group = existing.get();
            if (group.status() != GroupStatus.ACTIVE) {
                catalogue.setStatus(group.id(), GroupStatus.ACTIVE);
            }
        } else if (!code.isEmpty()) {
            Optional<ChatGroup> planned = catalogue.byCode(code);
            if (planned.isEmpty()) {
                context.reply().send(context.texts().get("groups.register.unknown.code", "code", code));
                return;
            }
            if (planned.get().chatId().isPresent() && planned.get().status() == GroupStatus.ACTIVE) {
                context.reply().send(context.texts().get("groups.register.taken", "code", code));
                return;
            }
            group = catalogue.activate(planned.get().id(), chat.getId());
        } else {
            group = catalogue.create(codeFor(chat), chat.getId(), chat.getTitle());
        }
        catalogue.setModerators(group.id(), administrators(chat.getId(), me.get()));
        auditLog.record(Optional.of(context.userId()), "group.register", Optional.of(group.id()),
                Optional.empty(), group.code(), "chat " + chat.getId());
        context.reply().send(context.texts().get("groups.register.done", "group",
                group.title(context.texts().language().code())));
        setup.sendCard(context.userId(), group, context.texts());
    }

    private static List<String> missingRights(ChatMember member) {
        List<String> missing = new ArrayList<>();
        if (!(member instanceof ChatMemberAdministrator)) {
            return List.of("administrator", "can_invite_users", "can_restrict_members", "can_delete_messages");
        }
        ChatMemberAdministrator admin = (ChatMemberAdministrator) member;
        if (!Boolean.TRUE.equals(admin.getCanInviteUsers())) {
            missing.add("can_invite_users");
        }
        if (!Boolean.TRUE.equals(admin.getCanRestrictMembers())) {
            missing.add("can_restrict_members");
        }
        if (!Boolean.TRUE.equals(admin.getCanDeleteMessages())) {
            missing.add("can_delete_messages");
        }
        return missing;
    }

    private Set<Long> administrators(long chatId, long me) throws Exception {
        Set<Long> ids = new HashSet<>();
        List<ChatMember> admins = sender.call(Lane.INTERACTIVE, GetChatAdministrators.builder().chatId(chatId).build())
                .get(20, TimeUnit.SECONDS);
        // null: Telegram answered but the list could not be read; moderators are then added as they act
        for (ChatMember admin : admins == null ? List.<ChatMember>of() : admins) {
            if (!Boolean.TRUE.equals(admin.getUser().getIsBot()) && admin.getUser().getId() != me) {
                ids.add(admin.getUser().getId());
            }
        }
        return ids;
    }

    private String codeFor(Chat chat) {
        String base = chat.getTitle() == null ? "group" : chat.getTitle().toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        String code = base.isEmpty() ? "group" : base.length() > 24 ? base.substring(0, 24) : base;
        String candidate = code;
        for (int i = 2; catalogue.byCode(candidate).isPresent(); i++) {
            candidate = code + "-" + i;
        }
        return candidate;
    }
}
