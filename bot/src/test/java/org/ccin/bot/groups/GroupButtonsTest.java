package org.ccin.bot.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccin.bot.routing.ButtonSetAssertions.assertRoundTrips;

import java.util.List;
import org.ccin.bot.routing.ButtonSet;

import org.ccin.bot.routing.CallbackData;
import org.ccin.store.groups.GroupKind;
import org.junit.jupiter.api.Test;

/**
 * Every button of the groups feature, at its longest (the largest ids and versions, a long category code, a
 * confirmation id), fits in Telegram's 64 bytes and reads back as itself; the data of buttons already sent in chats
 * (the codes and argument order from before the typed sets) still reads; forged arguments do not.
 */
class GroupButtonsTest {
    private static final long ID = Long.MAX_VALUE;
    private static final int VERSION = Integer.MAX_VALUE;
    /** Longer than any membership category code ("full", "associate", …). */
    private static final String CATEGORY = "associate-member-town";
    /** As long as the ids of store.confirmations(). */
    private static final String CONFIRMATION = "AbCdEfGhIjKlMnOp";

    private static <B> B read(ButtonSet<B> set, String data) {
        return CallbackData.parse(data).flatMap(set::read).orElseThrow(() -> new AssertionError("unread: " + data));
    }

    private static void unread(ButtonSet<?> set, String... forged) {
        for (String data : forged) {
            assertThat(CallbackData.parse(data).flatMap(set::read)).as(data).isEmpty();
        }
    }

    @Test
    void everyButtonFitsAtItsLongestAndReadsBack() {
        assertRoundTrips(CatalogueButton.SET, List.of(new CatalogueButton.Toggle(VERSION, ID),
                new CatalogueButton.Continue(VERSION), new CatalogueButton.Back(VERSION),
                new CatalogueButton.Accept(VERSION), new CatalogueButton.AskStaff(VERSION)));
        List<GroupSetupButton> setup = new java.util.ArrayList<>(List.of(new GroupSetupButton.Open(ID),
                new GroupSetupButton.Category(ID, CATEGORY), new GroupSetupButton.Purpose(ID)));
        for (GroupKind kind : GroupKind.values()) {
            setup.add(new GroupSetupButton.Kind(ID, kind));
        }
        for (GroupSetupButton.RoleChoice roles : GroupSetupButton.RoleChoice.values()) {
            setup.add(new GroupSetupButton.Roles(ID, roles));
        }
        for (String letter : List.of("n", "v", "h", "l")) {
            setup.add(new GroupSetupButton.Flag(ID, letter));
        }
        assertRoundTrips(GroupSetupButton.SET, setup);
        assertRoundTrips(EditRulesButton.SET, List.of(new EditRulesButton.Scope(ID),
                new EditRulesButton.Publish(ID), new EditRulesButton.Discard(CONFIRMATION)));
        assertRoundTrips(ModerationButton.SET, List.of(new ModerationButton.Dismiss(ID),
                new ModerationButton.Warn(ID), new ModerationButton.Mute(ID), new ModerationButton.Remove(ID),
                new ModerationButton.DeleteMessage(ID)));
        assertRoundTrips(RulesButton.SET, List.of(new RulesButton.AcceptVersion(ID),
                new RulesButton.AcceptGroup(ID)));
        assertRoundTrips(JoinRequestButton.SET, List.of(new JoinRequestButton.Accept(ID)));
        assertRoundTrips(MyGroupsButton.SET, List.of(new MyGroupsButton.Leave(ID)));
        assertRoundTrips(VerifyButton.SET, List.of(new VerifyButton.Approve(ID),
                new VerifyButton.Reject(ID)));
        assertRoundTrips(OrganisationButton.SET, List.of(new OrganisationButton.Show(ID),
                new OrganisationButton.MarkLeft(ID), new OrganisationButton.MarkBack(ID)));
    }

    @Test
    void buttonsAlreadySentInChatsStillRead() {
        assertThat(read(CatalogueButton.SET, "grp:t:3:12")).isEqualTo(new CatalogueButton.Toggle(3, 12));
        assertThat(read(CatalogueButton.SET, "grp:go:3")).isEqualTo(new CatalogueButton.Continue(3));
        assertThat(read(GroupSetupButton.SET, "gset:r:5:OFFICER"))
                .isEqualTo(new GroupSetupButton.Roles(5, GroupSetupButton.RoleChoice.OFFICER));
        assertThat(read(GroupSetupButton.SET, "gset:f:5:h")).isEqualTo(new GroupSetupButton.Flag(5, "h"));
        assertThat(read(EditRulesButton.SET, "rules:p:604800")).isEqualTo(new EditRulesButton.Publish(604800));
        assertThat(read(ModerationButton.SET, "mod:x:9")).isEqualTo(new ModerationButton.DeleteMessage(9));
        assertThat(read(RulesButton.SET, "racc:g:4")).isEqualTo(new RulesButton.AcceptGroup(4));
        assertThat(read(MyGroupsButton.SET, "myg:leave:4")).isEqualTo(new MyGroupsButton.Leave(4));
        assertThat(read(OrganisationButton.SET, "org:back:1")).isEqualTo(new OrganisationButton.MarkBack(1));
    }

    @Test
    void forgedArgumentsReadAsNoButton() {
        unread(GroupSetupButton.SET, "gset:f:5:x", "gset:f:5:nv", "gset:r:5:MAYOR", "gset:k:5:PARTY", "gset:o:five");
        unread(CatalogueButton.SET, "grp:t:3", "grp:t:x:12", "grp:go:99999999999");
        // a Discard of before the one-time ids no longer reads: it could throw away a later draft
        unread(EditRulesButton.SET, "rules:s:network", "rules:p:soon", "rules:x");
        unread(ModerationButton.SET, "mod:d", "mod:ban:1");
    }
}
