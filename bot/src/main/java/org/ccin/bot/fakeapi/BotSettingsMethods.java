package org.ccin.bot.fakeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** getMe, set/get/deleteMyCommands, set/getChatMenuButton. */
final class BotSettingsMethods implements MethodRegistry.Group {
    private static final Pattern COMMAND = Pattern.compile("[a-z0-9_]{1,32}");

    private final World world;
    private final BotSettings settings;

    BotSettingsMethods(World world, BotSettings settings) {
        this.world = world;
        this.settings = settings;
    }

    @Override
    public void registerInto(MethodRegistry registry) {
        registry.add("getMe", params -> world.bot().toGetMeJson());
        registry.add("setMyCommands", this::setMyCommands);
        registry.add("getMyCommands", this::getMyCommands);
        registry.add("deleteMyCommands", this::deleteMyCommands);
        registry.add("setChatMenuButton", this::setChatMenuButton);
        registry.add("getChatMenuButton", params -> settings.menuButton(params.longValue("chat_id")));
    }

    private JsonNode setMyCommands(Params params) {
        JsonNode given = params.json("commands").filter(JsonNode::isArray)
                .orElseThrow(() -> ApiError.badRequest("parameter \"commands\" is required"));
        if (given.size() > 100) {
            throw ApiError.badRequest("BOT_COMMANDS_TOO_MUCH");
        }
        List<BotCommandEntry> commands = new ArrayList<>();
        for (JsonNode command : given) {
            String name = command.path("command").asText("");
            String description = command.path("description").asText("");
            if (!COMMAND.matcher(name).matches()) {
                throw ApiError.badRequest("BOT_COMMAND_INVALID");
            }
            if (description.isBlank() || description.codePointCount(0, description.length()) > 256) {
                throw ApiError.badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
            }
            commands.add(new BotCommandEntry(name, description));
        }
        settings.setCommands(key(params), commands);
        return BooleanNode.TRUE;
    }

    private JsonNode getMyCommands(Params params) {
        ArrayNode commands = Json.array();
        settings.commands(key(params)).forEach(command -> commands.addObject()
                .put("command", command.command()).put("description", command.description()));
        return commands;
    }

    private JsonNode deleteMyCommands(Params params) {
        settings.deleteCommands(key(params));
        return BooleanNode.TRUE;
    }

    private JsonNode setChatMenuButton(Params params) {
        JsonNode button = params.json("menu_button").filter(JsonNode::isObject)
                .orElse(Json.object().put("type", "default"));
        if (params.has("chat_id")) {
            synchronized (world) {
                ChatState chat = world.resolveChat(params);
                if (chat.kind() != ChatKind.PRIVATE) {
                    throw ApiError.badRequest("chat menu button can be changed only in private chats");
                }
            }
        }
        settings.setMenuButton(params.longValue("chat_id"), button);
        return BooleanNode.TRUE;
    }

    private static String key(Params params) {
        return BotSettings.key(params.json("scope"), params.text("language_code").orElse(""));
    }
}
