package org.ccin.store.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ccin.config.ManualClock;
import org.ccin.store.Store;
import org.ccin.store.StoreException;
import org.ccin.store.TestStores;
import org.ccin.store.organisations.OrganisationData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemberRepositoryTest {
    private static final Instant START = TestStores.START;

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(START);
    private Store store;
    private MemberRepository members;

    @BeforeEach
    void open() {
        store = TestStores.open(dir, clock);
        members = store.members();
        store.database().jdbi().useHandle(h -> {
            h.execute("INSERT INTO membership_categories (code, name_en, name_cy, sort_order) VALUES ('full', 'Full', 'Llawn', 1)");
            h.execute("INSERT INTO regions (code, name_en, name_cy, kind, sort_order) VALUES ('wales', 'Wales', 'Cymru', 'nation', 1)");
        });
    }

    private long organisation(String name) {
        return store.database().jdbi().inTransaction(h -> {
            store.organisations().upsert(h, new OrganisationData(name, Optional.of("full"), Optional.of("wales"), true));
            return store.organisations().findByName(name).orElseThrow().id();
        });
    }

    private static Profile complete(long organisationId) {
        return new Profile(Optional.of(organisationId), Optional.empty(), Optional.of("full"),
                Optional.of(WorkRole.COUNCILLOR), Optional.of("wales"));
    }

    private static Profile typed(String organisation) {
        return new Profile(Optional.empty(), Optional.of(organisation), Optional.of("full"),
                Optional.of(WorkRole.OFFICER), Optional.of("wales"));
    }

    private Member registered(long telegramId, String firstName, Optional<String> username) {
        members.recordContact(telegramId, firstName, username, "en");
        return members.saveProfile(telegramId, typed("Somewhere"));
    }

    private static List<Long> telegramIds(List<Member> list) {
        return list.stream().map(Member::telegramUserId).toList();
    }

    @Test
    @DisplayName("Unknown people are not found by Telegram id, member id or username")
    void unknown() {
        assertThat(members.findByTelegramId(42)).isEmpty();
        assertThat(members.findById(1)).isEmpty();
        assertThat(members.findByUsername("@nobody")).isEmpty();
        assertThat(members.isUnreachable(42)).isFalse();
        assertThat(members.countRegistered()).isZero();
    }

    @Test
    @DisplayName("First contact creates an unregistered, unverified, reachable member with an empty profile")
    void firstContact() {
        Member created = members.recordContact(42, "Ada", Optional.of("ada_l"), "cy");

        assertThat(created.telegramUserId()).isEqualTo(42);
        assertThat(created.firstName()).isEqualTo("Ada");
        assertThat(created.username()).contains("ada_l");
        assertThat(created.language()).isEqualTo("cy");
        assertThat(created.profile()).isEqualTo(Profile.empty());
        assertThat(created.isRegistered()).isFalse();
        assertThat(created.verification()).isEqualTo(Verification.UNVERIFIED);
        assertThat(created.unreachableAt()).isEmpty();
        assertThat(created.createdAt()).isEqualTo(START);
        assertThat(members.findById(created.id())).contains(created);
        assertThat(members.countRegistered()).isZero();
    }

    @Test
    @DisplayName("A contact with the same name and username changes nothing, not even the update time")
    void sameContactChangesNothing() {
        Member first = members.recordContact(42, "Ada", Optional.of("ada"), "en");
        clock.advance(Duration.ofMinutes(10));

        Member again = members.recordContact(42, "Ada", Optional.of("ada"), "cy");

        assertThat(again).isEqualTo(first);
    }

    @Test
    @DisplayName("A contact with a new name refreshes it, and a username Telegram no longer reports is cleared")
    void contactRefreshes() {
        members.recordContact(42, "Ada", Optional.of("ada"), "en");
        clock.advance(Duration.ofMinutes(10));

        Member again = members.recordContact(42, "Ada L.", Optional.empty(), "en");

        assertThat(again.firstName()).isEqualTo("Ada L.");
        assertThat(again.username()).isEmpty();
        assertThat(again.updatedAt()).isEqualTo(START.plus(Duration.ofMinutes(10)));
        assertThat(again.createdAt()).isEqualTo(START);
        assertThat(members.findByUsername("ada")).isEmpty();
    }

    @Test
    @DisplayName("A username is found with or without @, whatever its case")
    void byUsername() {
        Member ada = members.recordContact(42, "Ada", Optional.of("Ada_L"), "en");
        members.recordContact(43, "Bo", Optional.empty(), "en");

        assertThat(members.findByUsername("ada_l")).contains(ada);
        assertThat(members.findByUsername("@ADA_L")).contains(ada);
        assertThat(members.findByUsername("ada")).isEmpty();
        assertThat(members.findByUsername("")).isEmpty();
    }

    @Test
    @DisplayName("A username given up and taken by someone else belongs to its new holder only")
    void usernameTakenOver() {
        members.recordContact(42, "Ada", Optional.of("rhian"), "en");
        clock.advance(Duration.ofDays(30));
        Member newHolder = members.recordContact(43, "Rhian", Optional.of("Rhian"), "cy");

        assertThat(members.findByUsername("@rhian")).contains(newHolder);
        assertThat(members.findByTelegramId(42).orElseThrow().username()).isEmpty();
    }

    @Test
    @DisplayName("Reporting one's own username again keeps it, and another member's username is left alone")
    void ownUsernameKept() {
        members.recordContact(42, "Ada", Optional.of("ada"), "en");
        members.recordContact(43, "Bo", Optional.of("bo"), "en");

        members.recordContact(42, "Ada", Optional.of("ada"), "en");

        assertThat(members.findByTelegramId(42).orElseThrow().username()).contains("ada");
        assertThat(members.findByTelegramId(43).orElseThrow().username()).contains("bo");
    }

    @Test
    @DisplayName("Where older records still share a username, the most recently updated member is found, not an error")
    void sharedUsernameFromOlderRecords() {
        members.recordContact(42, "Ada", Optional.of("rhian"), "en");
        clock.advance(Duration.ofDays(30));
        members.recordContact(43, "Rhian", Optional.empty(), "cy");
        store.database().jdbi().useHandle(h -> h.execute("UPDATE members SET username = 'rhian', updated_at = ? "
                + "WHERE telegram_user_id = 43", clock.instant().toEpochMilli()));

        assertThat(members.findByUsername("rhian")).hasValueSatisfying(m -> assertThat(m.telegramUserId()).isEqualTo(43));
    }

    @Test
    @DisplayName("The language can be changed; changing it for someone unknown is an error")
    void language() {
        members.recordContact(42, "Ada", Optional.empty(), "en");

        assertThat(members.setLanguage(42, "cy").language()).isEqualTo("cy");
        assertThatThrownBy(() -> members.setLanguage(99, "cy")).isInstanceOf(StoreException.class)
                .hasMessageContaining("99");
        assertThat(members.findByTelegramId(99)).isEmpty();
    }

    @Test
    @DisplayName("The first complete profile registers the member; later saves, even incomplete, keep that date")
    void registration() {
        long oldham = organisation("Oldham Council");
        members.recordContact(42, "Ada", Optional.empty(), "en");
        clock.advance(Duration.ofMinutes(5));
        Member registered = members.saveProfile(42, complete(oldham));
        clock.advance(Duration.ofDays(3));

        Member changed = members.saveProfile(42, typed("Llanfair Community Council"));
        Member emptied = members.saveProfile(42, Profile.empty());

        assertThat(registered.registeredAt()).contains(START.plus(Duration.ofMinutes(5)));
        assertThat(changed.registeredAt()).isEqualTo(registered.registeredAt());
        assertThat(changed.organisationId()).isEmpty();
        assertThat(changed.organisationOther()).contains("Llanfair Community Council");
        assertThat(emptied.profile()).isEqualTo(Profile.empty());
        assertThat(emptied.registeredAt()).isEqualTo(registered.registeredAt());
        assertThat(members.countRegistered()).isEqualTo(1);
    }

    @Test
    @DisplayName("Saving a profile for someone who never wrote is an error and creates nobody")
    void profileOfUnknown() {
        assertThatThrownBy(() -> members.saveProfile(99, typed("X"))).isInstanceOf(StoreException.class);
        assertThat(members.findByTelegramId(99)).isEmpty();
    }

    @Test
    @DisplayName("Unreachable is marked once, with the first time, and cleared when the person writes again")
    void unreachable() {
        members.recordContact(42, "Ada", Optional.empty(), "en");
        members.markUnreachable(42);
        clock.advance(Duration.ofHours(1));
        members.markUnreachable(42);
        members.markUnreachable(99);

        assertThat(members.isUnreachable(42)).isTrue();
        assertThat(members.findByTelegramId(42).orElseThrow().unreachableAt()).contains(START);
        assertThat(members.isUnreachable(99)).isFalse();
        assertThat(members.findByTelegramId(99)).isEmpty();

        Member back = members.recordContact(42, "Ada", Optional.empty(), "en");

        assertThat(back.unreachableAt()).isEmpty();
        assertThat(members.isUnreachable(42)).isFalse();
    }

    @Test
    @DisplayName("Staff see the registered members waiting for verification, oldest registration first")
    void pendingVerification() {
        members.recordContact(1, "Unregistered", Optional.empty(), "en");
        members.setVerification(1, Verification.PENDING, Optional.empty());
        registered(2, "Second", Optional.empty());
        clock.advance(Duration.ofMinutes(1));
        registered(3, "Third", Optional.empty());
        clock.advance(Duration.ofMinutes(1));
        registered(4, "Verified", Optional.empty());
        members.setVerification(3, Verification.PENDING, Optional.empty());
        members.setVerification(2, Verification.PENDING, Optional.empty());
        members.setVerification(4, Verification.VERIFIED, Optional.empty());

        assertThat(telegramIds(members.pendingVerification())).containsExactly(2L, 3L);

        members.setVerification(2, Verification.REJECTED, Optional.of(4L));
        assertThat(telegramIds(members.pendingVerification())).containsExactly(3L);
        assertThat(members.findByTelegramId(2).orElseThrow().verification()).isEqualTo(Verification.REJECTED);
    }

    @Test
    @DisplayName("An organisation's members are the registered ones who chose it from the list")
    void ofOrganisation() {
        long oldham = organisation("Oldham Council");
        long other = organisation("Sunderland City Council");
        members.recordContact(1, "A", Optional.empty(), "en");
        members.saveProfile(1, complete(oldham));
        members.recordContact(2, "B", Optional.empty(), "en");
        members.saveProfile(2, new Profile(Optional.of(oldham), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()));
        members.recordContact(3, "C", Optional.empty(), "en");
        members.saveProfile(3, complete(other));
        registered(4, "D", Optional.empty());

        assertThat(telegramIds(members.ofOrganisation(oldham))).containsExactly(1L);
        assertThat(members.ofOrganisation(999)).isEmpty();
    }

    @Test
    @DisplayName("Searching registered members matches name or username, ignores case, sorts by name and stops at the limit")
    void searchRegistered() {
        registered(1, "Rhian", Optional.of("rhi_w"));
        registered(2, "Bethan", Optional.empty());
        registered(3, "Aled", Optional.of("RHIwatcher"));
        members.recordContact(4, "Rhodri", Optional.empty(), "en");

        assertThat(telegramIds(members.searchRegistered("RHI", 10))).containsExactly(3L, 1L);
        assertThat(telegramIds(members.searchRegistered("  rhi ", 1))).containsExactly(3L);
        assertThat(telegramIds(members.searchRegistered("rhod", 10))).isEmpty();
        assertThat(telegramIds(members.searchRegistered("", 10))).containsExactly(3L, 2L, 1L);
    }

    @Test
    @DisplayName("Search words are taken literally: % and _ are not wildcards")
    void searchIsLiteral() {
        registered(1, "Rhian", Optional.of("rhi_w"));
        registered(2, "Bethan", Optional.of("bethw"));

        assertThat(members.searchRegistered("%", 10)).isEmpty();
        assertThat(telegramIds(members.searchRegistered("t_a", 10))).isEmpty();
        assertThat(telegramIds(members.searchRegistered("i_w", 10))).containsExactly(1L);
    }
}
