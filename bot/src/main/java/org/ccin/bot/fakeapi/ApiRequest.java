package org.ccin.bot.fakeapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One HTTP call as parsed, before it is answered.
 *
 * @param problem why the body could not be read, when it could not
 */
record ApiRequest(String token, String method, ObjectNode params, List<ApiCall.Upload> uploads, Instant time,
                  Optional<String> problem) {
}
