package org.ccin.store.groups;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ccin.config.ManualClock;
import org.ccin.store.Store;
import org.ccin.store.TestStores;
import org.ccin.store.UpsertOutcome;
import org.ccin.store.groups.GroupRepository.Joiner;
import org.ccin.store.members.WorkRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupRepositoryTest {
    private static final Instant START = TestStores.START;
    private static final GroupSettings COUNCILLORS = new GroupSettings(GroupKind.SECTOR, "Councillors", "Cynghorwyr",
            "For elected members", "Ar gyfer aelodau etholedig", List.of("full", "associate"),
            List.of(WorkRole.COUNCILLOR), true, true, true, false);

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(START);
    private Store store;
    private GroupRepository groups;

    @BeforeEach
    void open() {
        store = TestStores.open(dir, clock);
        groups = store.groups().catalogue();
    }

    private UpsertOutcome upsert(String code, GroupSettings settings) {
        return store.database().jdbi().inTransaction(h -> groups.upsert(h, code, settings));
    }

    @Test
    @DisplayName("Unknown groups are not found by id, code or chat, and an empty catalogue lists nothing")
    void unknown() {
        assertThat(groups.find(1)).isEmpty();
        assertThat(groups.byCode("housing")).isEmpty();
        assertThat(groups.byChat(-1001)).isEmpty();
        assertThat(groups.all()).isEmpty();
    }

    @Test
    @DisplayName("A group made from an unknown chat is an active theme group, open to network members, with no Welsh title yet")
    void create() {
        ChatGroup group = groups.create("housing", -1001, "Housing");

        assertThat(group.code()).isEqualTo("housing");
        assertThat(group.chatId()).contains(-1001L);
        assertThat(group.kind()).isEqualTo(GroupKind.THEME);
        assertThat(group.status()).isEqualTo(GroupStatus.ACTIVE);
        assertThat(group.isActive()).isTrue();
        assertThat(group.title("cy")).isEqualTo("Housing");
        assertThat(group.networkMembersOnly()).isTrue();
        assertThat(group.allowedCategories()).isEmpty();
        assertThat(group.allowedRoles()).isEmpty();
        assertThat(groups.byCode("housing")).contains(group);
        assertThat(groups.byChat(-1001)).contains(group);
    }

    @Test
    @DisplayName("An imported catalogue entry keeps every setting and is planned, without a chat, until activated")
    void upsertAndActivate() {
        assertThat(upsert("councillors", COUNCILLORS)).isEqualTo(UpsertOutcome.ADDED);

        ChatGroup planned = groups.byCode("councillors").orElseThrow();
        assertThat(GroupSettings.of(planned)).isEqualTo(COUNCILLORS);
        assertThat(planned.status()).isEqualTo(GroupStatus.PLANNED);
        assertThat(planned.chatId()).isEmpty();
        assertThat(planned.isActive()).isFalse();
        assertThat(planned.title("cy")).isEqualTo("Cynghorwyr");

        ChatGroup active = groups.activate(planned.id(), -1002);

        assertThat(active.isActive()).isTrue();
        assertThat(groups.byChat(-1002)).contains(active);
        assertThat(GroupSettings.of(active)).isEqualTo(COUNCILLORS);
    }

    @Test
    @DisplayName("Importing the same entry again is unchanged; a changed entry is updated in place, keeping its chat")
    void upsertAgain() {
        upsert("councillors", COUNCILLORS);
        long id = groups.byCode("councillors").orElseThrow().id();
        groups.activate(id, -1002);

        assertThat(upsert("councillors", COUNCILLORS)).isEqualTo(UpsertOutcome.UNCHANGED);
        GroupSettings changed = COUNCILLORS.withPurpose("For councillors of member councils").withRoles(List.of());
        assertThat(upsert("councillors", changed)).isEqualTo(UpsertOutcome.UPDATED);

        ChatGroup group = groups.find(id).orElseThrow();
        assertThat(GroupSettings.of(group)).isEqualTo(changed);
        assertThat(group.chatId()).contains(-1002L);
        assertThat(group.status()).isEqualTo(GroupStatus.ACTIVE);
        assertThat(groups.all()).hasSize(1);
    }

    @Test
    @DisplayName("Staff's settings replace the old ones whole")
    void update() {
        ChatGroup group = groups.create("housing", -1001, "Housing");
        GroupSettings settings = GroupSettings.of(group).withKind(GroupKind.REGION).withCategories(List.of("full"))
                .withRoles(List.of(WorkRole.OFFICER, WorkRole.OTHER)).toggled('n').toggled('h');

        ChatGroup updated = groups.update(group.id(), settings);

        assertThat(GroupSettings.of(updated)).isEqualTo(settings);
        assertThat(updated.networkMembersOnly()).isFalse();
        assertThat(updated.chathamHouse()).isTrue();
        assertThat(updated.allowedRoles()).containsExactly(WorkRole.OFFICER, WorkRole.OTHER);
    }

    @Test
    @DisplayName("The catalogue lists groups by kind, then title")
    void allOrder() {
        groups.create("zeta", -1, "Zeta");
        groups.create("alpha", -2, "Alpha");
        upsert("councillors", COUNCILLORS);
        upsert("wales", COUNCILLORS.withKind(GroupKind.REGION));

        assertThat(groups.all()).extracting(ChatGroup::code).containsExactly("wales", "councillors", "alpha", "zeta");
    }

    @Test
    @DisplayName("An upgraded group is found by its new chat id only; migrating an unknown chat changes nothing")
    void migrate() {
        ChatGroup group = groups.create("housing", -1001, "Housing");
        groups.create("climate", -1003, "Climate");

        groups.migrate(-1001, -1009);
        groups.migrate(-5555, -1010);

        assertThat(groups.byChat(-1001)).isEmpty();
        assertThat(groups.byChat(-1009)).hasValueSatisfying(g -> assertThat(g.id()).isEqualTo(group.id()));
        assertThat(groups.byChat(-1003)).isPresent();
        assertThat(groups.byChat(-1010)).isEmpty();
    }

    @Test
    @DisplayName("A group the bot was taken out of is no longer active, though it keeps its chat")
    void botRemoved() {
        ChatGroup group = groups.create("housing", -1001, "Housing");

        groups.setStatus(group.id(), GroupStatus.BOT_REMOVED);

        ChatGroup removed = groups.find(group.id()).orElseThrow();
        assertThat(removed.isActive()).isFalse();
        assertThat(removed.chatId()).contains(-1001L);
    }

    @Test
    @DisplayName("The welcome thread can be set and cleared; the last welcome message and its burst are remembered")
    void welcomeSettings() {
        long id = groups.create("housing", -1001, "Housing").id();

        groups.setWelcomeThread(id, Optional.of(17));
        groups.setWelcome(id, 321, START);
        assertThat(groups.find(id).orElseThrow().welcomeThreadId()).contains(17);
        assertThat(groups.find(id).orElseThrow().lastWelcomeMessageId()).contains(321);
        assertThat(groups.find(id).orElseThrow().welcomeBurstStarted()).contains(START);

        groups.setWelcomeThread(id, Optional.empty());
        assertThat(groups.find(id).orElseThrow().welcomeThreadId()).isEmpty();
    }

    @Test
    @DisplayName("Joiners gather into the current burst in joining order; someone joining twice is named once, by their newest name")
    void welcomeBurst() {
        long id = groups.create("housing", -1001, "Housing").id();

        groups.addToWelcome(id, START, List.of(new Joiner(1, "Ada"), new Joiner(2, "Bo")));
        clock.advance(Duration.ofSeconds(30));
        List<Joiner> burst = groups.addToWelcome(id, START, List.of(new Joiner(3, "Cy"), new Joiner(1, "Ada L.")));

        assertThat(burst).containsExactly(new Joiner(1, "Ada L."), new Joiner(2, "Bo"), new Joiner(3, "Cy"));
    }

    @Test
    @DisplayName("A new burst forgets the joiners of the one before, and other groups' joiners are never mixed in")
    void newBurst() {
        long housing = groups.create("housing", -1001, "Housing").id();
        long climate = groups.create("climate", -1002, "Climate").id();
        groups.addToWelcome(housing, START, List.of(new Joiner(1, "Ada")));
        groups.addToWelcome(climate, START, List.of(new Joiner(9, "Zed")));
        clock.advance(Duration.ofMinutes(10));

        List<Joiner> burst = groups.addToWelcome(housing, clock.instant(), List.of(new Joiner(2, "Bo")));

        assertThat(burst).containsExactly(new Joiner(2, "Bo"));
        assertThat(groups.addToWelcome(climate, START, List.of())).containsExactly(new Joiner(9, "Zed"));
    }

    @Test
    @DisplayName("Setting a group's moderators replaces the list; moderators are per group, and an empty set clears it")
    void moderators() {
        long housing = groups.create("housing", -1001, "Housing").id();
        long climate = groups.create("climate", -1002, "Climate").id();
        groups.setModerators(housing, Set.of(30L, 10L, 20L));
        groups.setModerators(climate, Set.of(40L));

        groups.setModerators(housing, Set.of(20L, 50L));

        assertThat(groups.moderators(housing)).containsExactly(20L, 50L);
        assertThat(groups.isModerator(housing, 20)).isTrue();
        assertThat(groups.isModerator(housing, 10)).isFalse();
        assertThat(groups.isModerator(housing, 40)).isFalse();
        assertThat(groups.moderatesAny(40)).isTrue();
        assertThat(groups.moderatesAny(10)).isFalse();

        groups.setModerators(housing, Set.of());
        assertThat(groups.moderators(housing)).isEmpty();
        assertThat(groups.moderatesAny(20)).isFalse();
    }
}
