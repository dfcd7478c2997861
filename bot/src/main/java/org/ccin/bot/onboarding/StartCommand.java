package org.ccin.bot.onboarding;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.ccin.bot.routing.StartLink;
import org.ccin.bot.access.Role;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.store.conversations.Conversation;
import org.ccin.store.members.Member;
import org.ccin.store.members.MemberRepository;

/** /start: greets, then registers a newcomer, resumes a registration in progress, or welcomes a member back. */
final class StartCommand extends CommandAdapter {
    private final RegistrationFlow registration;
    private final MemberRepository members;
    private final Supplier<List<StartLink>> links;

    /** @param links the deep links features offer, read when /start arrives */
    public StartCommand(RegistrationFlow registration, MemberRepository members, Supplier<List<StartLink>> links) {
        super("start", Role.EVERYONE);
        this.registration = registration;
        this.members = members;
        this.links = links;
    }

    @Override
    public void handle(Context context) throws Exception {
        String argument = context.incoming().commandArguments();
        for (StartLink link : links.get()) {
            if (!argument.isEmpty() && argument.startsWith(link.prefix())) {
                link.open(context, argument.substring(link.prefix().length()));
                return;
            }
        }
        Optional<Conversation> inProgress = registration.current(context);
        if (inProgress.isPresent()) {
            registration.resume(context, inProgress.get());
            return;
        }
        Optional<Member> member = members.findByTelegramId(context.userId());
        if (member.isPresent() && member.get().isRegistered()) {
            context.reply().send(context.texts().get("start.welcome.back", "name", member.get().firstName()));
            return;
        }
        registration.begin(context, context.texts().get("start.greeting", "name", context.incoming().firstName()));
    }
}
