package org.ccin.store.organisations;

import java.util.Optional;

/**
 * A council or partner body of the network.
 *
 * @param networkMember false once staff mark that it has left the network
 */
public record Organisation(long id, String name, Optional<String> categoryCode, Optional<String> regionCode,
                           boolean networkMember) {
}
