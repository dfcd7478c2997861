package org.ccin.store.groups;

import java.time.Instant;
import java.util.Optional;

/**
 * A version of the rules of engagement: the network's (no group) or a group's additions.
 *
 * @param graceUntil members must accept it before this time
 */
public record RulesVersion(long id, Optional<Long> groupId, int version, String textEn, String textCy, boolean published,
                           Optional<Instant> publishedAt, Optional<Instant> graceUntil) {

    public String text(String language) {
        return "cy".equals(language) && !textCy.isBlank() ? textCy : textEn;
    }
}
