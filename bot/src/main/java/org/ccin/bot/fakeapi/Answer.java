package org.ccin.bot.fakeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What the fake answers to one call: the HTTP status and the Bot API envelope. */
record Answer(int status, ObjectNode body) {

    static Answer ok(JsonNode result) {
        ObjectNode body = Json.object().put("ok", true);
        body.set("result", result);
        return new Answer(200, body);
    }

    static Answer error(ApiError error) {
        return new Answer(error.status(), error.toBody());
    }

    boolean isOk() {
        return status == 200;
    }
}
