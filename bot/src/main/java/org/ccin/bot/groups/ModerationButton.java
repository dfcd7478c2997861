package org.ccin.bot.groups;

import org.ccin.bot.routing.ButtonCode;
import org.ccin.bot.routing.ButtonSet;
import org.ccin.store.groups.Report;

/**
 * The buttons of a report's card ({@link ReportCards}), each on one report (by its id): a moderator's answer, and,
 * once answered, deleting the reported message.
 */
sealed interface ModerationButton {
    ButtonSet<ModerationButton> SET = ButtonSet.of("mod", ModerationButton.class);

    long reportId();

    /** One of the four answers to a report; a report is answered once. */
    sealed interface Decision extends ModerationButton {
        Report.Status outcome();
    }

    @ButtonCode("d")
    record Dismiss(long reportId) implements Decision {
        @Override
        public Report.Status outcome() {
            return Report.Status.DISMISSED;
        }
    }

    @ButtonCode("w")
    record Warn(long reportId) implements Decision {
        @Override
        public Report.Status outcome() {
            return Report.Status.WARNED;
        }
    }

    @ButtonCode("m")
    record Mute(long reportId) implements Decision {
        @Override
        public Report.Status outcome() {
            return Report.Status.MUTED;
        }
    }

    @ButtonCode("r")
    record Remove(long reportId) implements Decision {
        @Override
        public Report.Status outcome() {
            return Report.Status.REMOVED;
        }
    }

    /** The reported message goes from the group (offered after a warning or a mute; a removal takes it anyway). */
    @ButtonCode("x")
    record DeleteMessage(long reportId) implements ModerationButton {
    }
}
