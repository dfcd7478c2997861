package org.ccin.bot.fakeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Optional;

/** sendMessage, sendDocument, sendPhoto, copyMessage, forwardMessage. */
final class SendMethods implements MethodRegistry.Group {
    private final World world;
    private final MessagePosting posting;

    SendMethods(World world) {
        this.world = world;
        this.posting = new MessagePosting(world);
    }

    @Override
    public void registerInto(MethodRegistry registry) {
        registry.add("sendMessage", this::sendMessage);
        registry.add("sendDocument", params -> sendFile(params, "document"));
        registry.add("sendPhoto", params -> sendFile(params, "photo"));
        registry.add("copyMessage", this::copyMessage);
        registry.add("forwardMessage", this::forwardMessage);
    }

    private JsonNode sendMessage(Params params) {
        synchronized (world) {
            ChatState chat = writableChat(params);
            FormattedText text = MessagePosting.checkedText(params, "text", "entities",
                    MessagePosting.MAX_TEXT_LENGTH, "message is too long");
            if (text.isBlank()) {
                throw ApiError.badRequest("message text is empty");
            }
            return posting.post(params, chat, message -> MessagePosting.putText(message, "text", "entities", text))
                    .json();
        }
    }

    private JsonNode sendFile(Params params, String field) {
        synchronized (world) {
            ChatState chat = writableChat(params);
            FormattedText caption = MessagePosting.checkedText(params, "caption", "caption_entities",
                    MessagePosting.MAX_CAPTION_LENGTH, "message caption is too long");
            ObjectNode file = inputFile(params, field);
            return posting.post(params, chat, message -> {
                if (field.equals("photo")) {
                    message.putArray("photo").add(file);
                } else {
                    message.set(field, file);
                }
                if (!caption.isBlank()) {
                    MessagePosting.putText(message, "caption", "caption_entities", caption);
                }
            }).json();
        }
    }

    private JsonNode copyMessage(Params params) {
        synchronized (world) {
            FakeMessage original = sourceMessage(params, "message to copy not found");
            ChatState chat = writableChat(params);
            FakeMessage copy = posting.post(params, chat, message -> copyContent(original.json(), message, params));
            return Json.object().put("message_id", copy.messageId());
        }
    }

    private JsonNode forwardMessage(Params params) {
        synchronized (world) {
            FakeMessage original = sourceMessage(params, "message to forward not found");
            ChatState chat = writableChat(params);
            return posting.post(params, chat, message -> {
                ObjectNode origin = message.putObject("forward_origin").put("type", "user")
                        .put("date", original.view().path("date").asLong());
                origin.set("sender_user", original.view().path("from").deepCopy());
                copyContent(original.json(), message, Params.none());
            }).json();
        }
    }

    private ChatState writableChat(Params params) {
        ChatState chat = world.resolveChat(params);
        world.checkBotCanWrite(chat);
        return chat;
    }

    private FakeMessage sourceMessage(Params params, String notFound) {
        String fromChat = params.text("from_chat_id").orElseThrow(() -> ApiError.badRequest("chat_id is empty"));
        ChatState source = world.resolveChat(Params.of("chat_id", fromChat));
        int messageId = params.requireInt("message_id", "message identifier is not specified");
        return source.message(messageId).orElseThrow(() -> ApiError.badRequest(notFound));
    }

    /** The content of a message, with the caption replaced when the copy gives a new one. */
    private static void copyContent(ObjectNode from, ObjectNode to, Params params) {
        for (String field : new String[] {"text", "entities", "document", "photo", "caption", "caption_entities"}) {
            if (from.has(field)) {
                to.set(field, from.get(field));
            }
        }
        params.text("caption").ifPresent(caption -> {
            to.put("caption", caption);
            to.remove("caption_entities");
        });
    }

    /** The file of a send: uploaded in the request, a URL, or the file_id of a file sent before. */
    private ObjectNode inputFile(Params params, String field) {
        Optional<ApiCall.Upload> upload = params.upload(field);
        if (upload.isPresent()) {
            return world.storeFile(describe(field, upload.get().fileName(), upload.get().size()));
        }
        String value = params.text(field).orElseThrow(
                () -> ApiError.badRequest("there is no " + field + " in the request"));
        if (value.startsWith("http://") || value.startsWith("https://")) {
            String name = value.substring(value.lastIndexOf('/') + 1);
            return world.storeFile(describe(field, name.isEmpty() ? "file" : name, 0));
        }
        return world.file(value).orElseThrow(() -> ApiError.badRequest("wrong file identifier/HTTP URL specified"));
    }

    private static ObjectNode describe(String field, String fileName, long size) {
        if (field.equals("photo")) {
            // Telegram does not keep a photo's name: it recompresses it
            return Json.object().put("width", 1280).put("height", 960).put("file_size", size);
        }
        return Json.object().put("file_name", fileName).put("mime_type", mimeType(fileName)).put("file_size", size);
    }

    private static String mimeType(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".pdf")) {
            return "application/pdf";
        }
        if (lower.endsWith(".csv")) {
            return "text/csv";
        }
        if (lower.endsWith(".txt")) {
            return "text/plain";
        }
        if (lower.endsWith(".png")) {
            return "image/png";
        }
        if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        return "application/octet-stream";
    }
}
