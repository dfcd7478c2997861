package org.ccin.bot.onboarding;

import org.ccin.bot.access.Role;
import org.ccin.bot.routing.CallbackAction;
import org.ccin.bot.routing.CallbackData;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.store.members.Member;
import org.ccin.store.members.MemberRepository;

/** /profile shows a member's answers; its buttons ({@code prof:edit:<question>}) change one of them. */
final class ProfileCommand extends CommandAdapter implements CallbackAction {
    private final RegistrationFlow registration;
    private final MemberRepository members;

    public ProfileCommand(RegistrationFlow registration, MemberRepository members) {
        super("profile", Role.MEMBER);
        this.registration = registration;
        this.members = members;
    }

    @Override
    public String feature() {
        return ProfileView.FEATURE;
    }

    @Override
    public void handle(Context context) {
        Member member = members.findByTelegramId(context.userId()).orElseThrow();
        registration.showProfile(context, member, "");
    }

    @Override
    public void handle(Context context, CallbackData data) {
        Member member = members.findByTelegramId(context.userId()).filter(Member::isRegistered).orElse(null);
        if (member == null) {
            context.reply().alert(context.texts().plain("access.members.only"));
            return;
        }
        Step step = data.action().equals("edit") ? data.arg(0).flatMap(ProfileCommand::step).orElse(null) : null;
        if (step == null) {
            context.reply().alert(context.texts().plain("button.unknown"));
            return;
        }
        registration.edit(context, member, step);
    }

    private static java.util.Optional<Step> step(String name) {
        for (Step step : Step.values()) {
            if (step.name().equalsIgnoreCase(name)) {
                return java.util.Optional.of(step);
            }
        }
        return java.util.Optional.empty();
    }
}
