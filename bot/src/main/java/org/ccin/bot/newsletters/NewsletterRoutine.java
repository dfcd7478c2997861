package org.ccin.bot.newsletters;

import org.ccin.scheduler.Routine;

/**
 * Every minute: starts the scheduled newsletters whose time has come, closes delivered ones and refreshes the
 * reports of running ones. Also right after start, so that one scheduled while the bot was down goes out then.
 */
final class NewsletterRoutine implements Routine {
    private final Broadcasts broadcasts;

    NewsletterRoutine(Broadcasts broadcasts) {
        this.broadcasts = broadcasts;
    }

    @Override
    public String name() {
        return "newsletters";
    }

    @Override
    public String cron() {
        return "0 * * * * ?";
    }

    @Override
    public boolean runsAtStart() {
        return true;
    }

    @Override
    public void run() {
        broadcasts.sweep();
    }
}
