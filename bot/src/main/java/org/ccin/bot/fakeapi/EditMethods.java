package org.ccin.bot.fakeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** editMessageText, editMessageCaption, editMessageReplyMarkup, deleteMessage. */
final class EditMethods implements MethodRegistry.Group {
    private static final String NOT_MODIFIED = "message is not modified: specified new message content and reply "
            + "markup are exactly the same as a current content and reply markup of the message";

    private final World world;

    EditMethods(World world) {
        this.world = world;
    }

    @Override
    public void registerInto(MethodRegistry registry) {
        registry.add("editMessageText", params -> edit(params, "text", "entities"));
        registry.add("editMessageCaption", params -> edit(params, "caption", "caption_entities"));
        registry.add("editMessageReplyMarkup", params -> edit(params, "", ""));
        registry.add("deleteMessage", this::deleteMessage);
    }

    /**
     * One edit of the bot's message; {@code field} is "text", "caption", or "" for the keyboard only. As in
     * Telegram, an edit without {@code reply_markup} removes the inline keyboard.
     */
    private JsonNode edit(Params params, String field, String entitiesField) {
        Optional<FormattedText> content = field.isEmpty() ? Optional.empty() : Optional.of(newContent(params, field,
                entitiesField));
        Optional<JsonNode> markup = params.json("reply_markup");
        markup.ifPresent(Keyboard::validate);
        if (params.has("inline_message_id")) {
            return BooleanNode.TRUE; // messages sent via inline mode are not kept; Telegram answers true
        }
        synchronized (world) {
            ChatState chat = world.resolveChat(params);
            world.checkBotCanWrite(chat);
            int messageId = params.requireInt("message_id", "message identifier is not specified");
            FakeMessage current = chat.message(messageId)
                    .orElseThrow(() -> ApiError.badRequest("message to edit not found"));
            if (!current.fromBot()) {
                throw ApiError.badRequest("message can't be edited");
            }
            ObjectNode edited = current.json();
            content.ifPresent(text -> replaceContent(edited, field, entitiesField, text));
            edited.remove("reply_markup");
            markup.filter(m -> m.has("inline_keyboard")).ifPresent(m -> edited.set("reply_markup", m));
            if (edited.equals(current.view())) {
                throw ApiError.badRequest(NOT_MODIFIED);
            }
            edited.put("edit_date", world.now());
            FakeMessage stored = new FakeMessage(edited);
            chat.putMessage(stored);
            return stored.json();
        }
    }

    private static FormattedText newContent(Params params, String field, String entitiesField) {
        boolean isText = field.equals("text");
        FormattedText text = MessagePosting.checkedText(params, field, entitiesField,
                isText ? MessagePosting.MAX_TEXT_LENGTH : MessagePosting.MAX_CAPTION_LENGTH,
                isText ? "message is too long" : "message caption is too long");
        if (isText && text.isBlank()) {
            throw ApiError.badRequest("message text is empty");
        }
        return text;
    }

    private static void replaceContent(ObjectNode message, String field, String entitiesField, FormattedText text) {
        boolean isText = field.equals("text");
        if (isText && !message.has("text")) {
            throw ApiError.badRequest("there is no text in the message to edit");
        }
        if (!isText && !message.has("document") && !message.has("photo")) {
            throw ApiError.badRequest("there is no caption in the message to edit");
        }
        message.remove(field);
        message.remove(entitiesField);
        if (!text.isBlank()) {
            MessagePosting.putText(message, field, entitiesField, text);
        }
    }

    private JsonNode deleteMessage(Params params) {
        synchronized (world) {
            ChatState chat = world.resolveChat(params);
            if (chat.kind().isGroup()) {
                world.checkBotPresent(chat);
            }
            int messageId = params.requireInt("message_id", "message identifier is not specified");
            FakeMessage message = chat.message(messageId)
                    .orElseThrow(() -> ApiError.badRequest("message to delete not found"));
            boolean othersMessageInGroup = chat.kind().isGroup() && message.fromId() != world.bot().id();
            if (othersMessageInGroup && !world.botMembership(chat).can(AdminRights.Right.DELETE_MESSAGES)) {
                throw ApiError.badRequest("message can't be deleted");
            }
            chat.removeMessage(messageId);
            return BooleanNode.TRUE;
        }
    }
}
