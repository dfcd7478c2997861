package org.ccin.bot.groups;

import java.util.List;
import org.ccin.bot.routing.ButtonCode;
import org.ccin.bot.routing.ButtonSet;
import org.ccin.store.groups.GroupKind;
import org.ccin.store.members.WorkRole;

/** The buttons of a group's settings card ({@link GroupSetup}), each on one group (by its id); staff only. */
sealed interface GroupSetupButton {
    ButtonSet<GroupSetupButton> SET = ButtonSet.of("gset", GroupSetupButton.class);

    long groupId();

    /** Whose work role lets them join: anyone's, or one role's (written by these names). */
    enum RoleChoice {
        ANY(List.of()), OFFICER(List.of(WorkRole.OFFICER)), COUNCILLOR(List.of(WorkRole.COUNCILLOR));

        private final List<WorkRole> roles;

        RoleChoice(List<WorkRole> roles) {
            this.roles = roles;
        }

        List<WorkRole> roles() {
            return roles;
        }
    }

    /** The group's card (from the list of /groupsetup). */
    @ButtonCode("o")
    record Open(long groupId) implements GroupSetupButton {
    }

    @ButtonCode("k")
    record Kind(long groupId, GroupKind kind) implements GroupSetupButton {
    }

    @ButtonCode("r")
    record Roles(long groupId, RoleChoice roles) implements GroupSetupButton {
    }

    /** Allow this membership category (by its code), or no longer. */
    @ButtonCode("c")
    record Category(long groupId, String code) implements GroupSetupButton {
    }

    /**
     * Turn one setting on or off, by the letter of {@link org.ccin.store.groups.GroupSettings#toggled}: n network
     * members only, v verified only, h Chatham House, l removal when new rules are not accepted.
     */
    @ButtonCode("f")
    record Flag(long groupId, String letter) implements GroupSetupButton {
        public Flag {
            // any other letter is not one of our buttons: it reads as unknown
            if (letter.length() != 1 || !"nvhl".contains(letter)) {
                throw new IllegalArgumentException("no setting " + letter);
            }
        }
    }

    /** Type the group's purpose next. */
    @ButtonCode("p")
    record Purpose(long groupId) implements GroupSetupButton {
    }
}
