package org.ccin.store.search;

import java.util.Optional;

/** A term (often an acronym such as "CWB") and what it stands for ("community wealth building"). */
public record Synonym(String term, String expansion, Optional<Long> addedBy) {
}
