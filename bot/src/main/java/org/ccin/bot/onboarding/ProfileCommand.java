package org.ccin.bot.onboarding;

import java.util.Optional;
import org.ccin.bot.access.Role;
import org.ccin.bot.routing.CallbackAction;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.store.members.Member;
import org.ccin.store.members.MemberRepository;

/** /profile shows a member's answers; its buttons ({@code prof:edit:<question>}) change one of them. */
final class ProfileCommand extends CommandAdapter {
    private final RegistrationFlow registration;
    private final MemberRepository members;

    public ProfileCommand(RegistrationFlow registration, MemberRepository members) {
        super("profile", Role.MEMBER);
        this.registration = registration;
        this.members = members;
    }

    @Override
    public void handle(Context context) {
        Member member = members.findByTelegramId(context.userId()).orElseThrow();
        registration.showProfile(context, member, "");
    }

    /** The buttons' handler: only a registered member has answers to change. */
    CallbackAction buttons() {
        return ProfileButton.SET.handlers().on(ProfileButton.Edit.class, this::edit).build();
    }

    private void edit(Context context, ProfileButton.Edit button) {
        Member member = members.findByTelegramId(context.userId()).filter(Member::isRegistered).orElse(null);
        if (member == null) {
            context.reply().alert(context.texts().plain("access.members.only"));
            return;
        }
        Optional<Step> step = button.step();
        if (step.isEmpty()) {
            context.reply().alert(context.texts().plain("button.unknown"));
            return;
        }
        registration.edit(context, member, step.get());
    }
}
