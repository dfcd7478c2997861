package org.ccin.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.ccin.config.ManualClock;
import org.ccin.store.conversations.Conversation;
import org.ccin.store.inbox.InboxStatus;
import org.ccin.store.inbox.IncomingUpdate;
import org.ccin.store.members.Member;
import org.ccin.store.members.Profile;
import org.ccin.store.members.WorkRole;
import org.ccin.store.organisations.Organisation;
import org.ccin.store.organisations.OrganisationData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoriesTest {
    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(TestStores.START);
    private Store store;

    @BeforeEach
    void open() {
        store = TestStores.open(dir, clock);
        store.database().jdbi().useHandle(h -> {
            h.execute("INSERT INTO membership_categories (code, name_en, name_cy, sort_order) VALUES ('full', 'Full Member', 'Aelod Llawn', 1)");
            h.execute("INSERT INTO regions (code, name_en, name_cy, kind, sort_order) VALUES ('north-west', 'North West', 'Gogledd-orllewin', 'region', 1)");
        });
    }

    @Test
    @DisplayName("A member is created on first contact and round-trips every profile field")
    void memberRoundTrip() {
        Member created = store.members().recordContact(42, "Ada", Optional.of("ada_l"), "cy");
        long oldham = addOrganisation("Oldham Council");

        clock.advance(Duration.ofMinutes(5));
        Member saved = store.members().saveProfile(42, new Profile(Optional.of(oldham), Optional.empty(),
                Optional.of("full"), Optional.of(WorkRole.OFFICER), Optional.of("north-west")));

        assertThat(created.isRegistered()).isFalse();
        assertThat(created.language()).isEqualTo("cy");
        assertThat(saved).isEqualTo(store.members().findByTelegramId(42).orElseThrow());
        assertThat(saved.profile()).isEqualTo(new Profile(Optional.of(oldham), Optional.empty(), Optional.of("full"),
                Optional.of(WorkRole.OFFICER), Optional.of("north-west")));
        assertThat(saved.registeredAt()).contains(TestStores.START.plus(Duration.ofMinutes(5)));
        assertThat(store.members().findByUsername("@ADA_L")).contains(saved);
    }

    @Test
    @DisplayName("A later contact refreshes the name but never overwrites the chosen language")
    void contactKeepsLanguage() {
        store.members().recordContact(42, "Ada", Optional.empty(), "en");
        store.members().setLanguage(42, "cy");

        Member again = store.members().recordContact(42, "Ada L.", Optional.of("ada"), "en");

        assertThat(again.language()).isEqualTo("cy");
        assertThat(again.firstName()).isEqualTo("Ada L.");
        assertThat(again.username()).contains("ada");
    }

    @Test
    @DisplayName("An incomplete profile does not register the member; a typed organisation is kept as typed")
    void incompleteProfile() {
        store.members().recordContact(7, "Bo", Optional.empty(), "en");

        Member partial = store.members().saveProfile(7, new Profile(Optional.empty(), Optional.of("Llanfair Community Council"),
                Optional.empty(), Optional.empty(), Optional.empty()));

        assertThat(partial.isRegistered()).isFalse();
        assertThat(partial.organisationOther()).contains("Llanfair Community Council");
    }

    @Test
    @DisplayName("Organisation search finds words in any order, ignores case, and falls back to distinctive words")
    void organisationSearch() {
        addOrganisation("Oldham Council");
        addOrganisation("Royal Borough of Kensington and Chelsea");
        addOrganisation("Sunderland City Council");

        assertThat(names(store.organisations().search("oldham", 5))).containsExactly("Oldham Council");
        assertThat(names(store.organisations().search("chelsea kensington", 5)))
                .containsExactly("Royal Borough of Kensington and Chelsea");
        assertThat(names(store.organisations().search("Oldham MBC", 5))).containsExactly("Oldham Council");
        assertThat(names(store.organisations().search("council", 5))).containsExactly("Oldham Council", "Sunderland City Council");
        assertThat(store.organisations().search("ham", 5)).isEmpty();
        assertThat(store.organisations().search("%", 5)).isEmpty();
        assertThat(store.organisations().search("   ", 5)).isEmpty();
    }

    @Test
    @DisplayName("The inbox stores a batch once: a redelivered update id is ignored")
    void inboxDedupe() {
        IncomingUpdate first = IncomingUpdate.readable(100, 42, "message", "{\"update_id\":100}");
        IncomingUpdate second = IncomingUpdate.readable(101, 43, "message", "{\"update_id\":101}");

        int stored = store.inbox().store(List.of(first, second));
        int again = store.inbox().store(List.of(first));

        assertThat(stored).isEqualTo(2);
        assertThat(again).isZero();
        assertThat(store.inbox().pending(0, 10)).extracting(u -> u.updateId()).containsExactly(100L, 101L);

        store.inbox().markProcessed(100, InboxStatus.DONE, "ok");

        assertThat(store.inbox().pending(0, 10)).extracting(u -> u.updateId()).containsExactly(101L);
        assertThat(store.inbox().status(100)).isEqualTo(InboxStatus.DONE);
        assertThat(store.inbox().countPending()).isEqualTo(1);
    }

    @Test
    @DisplayName("A conversation's version goes up on every save and it is gone once expired")
    void conversations() {
        Conversation started = store.conversations().save(42, 42, "registration", "language", "{}");
        Conversation moved = store.conversations().save(42, 42, "registration", "organisation", "{\"a\":1}");

        assertThat(moved.version()).isEqualTo(started.version() + 1);
        assertThat(store.conversations().find(42, 42)).contains(moved);

        clock.advance(Duration.ofHours(25));

        assertThat(store.conversations().find(42, 42)).isEmpty();
        assertThat(store.conversations().deleteExpired()).isEqualTo(1);
    }

    @Test
    @DisplayName("Bot state and the audit log keep what they are given")
    void stateAndAudit() {
        store.botState().put("commands", "abc");
        store.botState().put("commands", "def");
        store.auditLog().record(Optional.of(1L), "import", "organisations", "3 added");

        assertThat(store.botState().get("commands")).contains("def");
        assertThat(store.botState().get("missing")).isEmpty();
        assertThat(store.auditLog().recent(5)).singleElement()
                .satisfies(e -> assertThat(e.action()).isEqualTo("import"))
                .satisfies(e -> assertThat(e.at()).isEqualTo(TestStores.START));
    }

    private long addOrganisation(String name) {
        return store.database().jdbi().inTransaction(h -> {
            store.organisations().upsert(h, new OrganisationData(name, Optional.of("full"), Optional.of("north-west"), true));
            return store.organisations().findByName(name).orElseThrow().id();
        });
    }

    private static List<String> names(List<Organisation> organisations) {
        return organisations.stream().map(Organisation::name).toList();
    }
}
