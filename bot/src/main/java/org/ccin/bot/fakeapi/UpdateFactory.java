package org.ccin.bot.fakeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the updates a test injects, shaped as Telegram sends them, and changes the world as the event implies
 * (a user's message is stored with the chat's next id; a join request becomes pending; a member's status changes).
 * Mistakes in the test (an unknown chat, a button that is not there) fail loudly.
 */
final class UpdateFactory {
    /** Telegram marks every "/command" (optionally "@botname") that starts a word as a bot_command entity. */
    private static final Pattern COMMAND = Pattern.compile("(?<![^\\s])/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]{3,32})?");

    private final World world;

    UpdateFactory(World world) {
        this.world = world;
    }

    ObjectNode privateMessage(FakeUser from, String text, OptionalInt replyTo) {
        synchronized (world) {
            ChatState chat = world.openPrivateChat(from);
            ObjectNode message = world.messageFrame(chat, from.id());
            putUserText(message, text);
            replyTo.ifPresent(id -> message.set("reply_to_message", requireMessage(chat, id).json()));
            return update("message", world.store(chat, message).json());
        }
    }

    /** A private message written with formatting in the app: its HTML becomes text and entities, as Telegram sends. */
    ObjectNode formattedMessage(FakeUser from, String html) {
        synchronized (world) {
            ChatState chat = world.openPrivateChat(from);
            ObjectNode message = world.messageFrame(chat, from.id());
            FormattedText text = FormattedText.parseHtml(html);
            message.put("text", text.text());
            if (!text.entities().isEmpty()) {
                message.set("entities", text.entities());
            }
            return update("message", world.store(chat, message).json());
        }
    }

    /** A message the user posted in a chat by choosing a result of the bot's inline mode ("via @bot"). */
    ObjectNode viaBotMessage(FakeUser from, long chatId, FormattedText text) {
        synchronized (world) {
            ChatState chat;
            if (chatId == from.id()) {
                chat = world.openPrivateChat(from);
            } else {
                chat = postableGroup(chatId);
                joinIfAbsent(chat, from);
            }
            ObjectNode message = world.messageFrame(chat, from.id());
            message.set("via_bot", world.userJson(world.bot().id()));
            message.put("text", text.text());
            if (!text.entities().isEmpty()) {
                message.set("entities", text.entities());
            }
            return update("message", world.store(chat, message).json());
        }
    }

    /** A private photo or document, with a caption written with formatting (HTML, may be empty). */
    ObjectNode fileMessage(FakeUser from, String field, String fileName, String captionHtml) {
        synchronized (world) {
            ChatState chat = world.openPrivateChat(from);
            ObjectNode message = world.messageFrame(chat, from.id());
            if (field.equals("photo")) {
                message.putArray("photo").add(world.storeFile(Json.object().put("width", 1280).put("height", 960)
                        .put("file_size", 1000)));
            } else {
                message.set("document", world.storeFile(Json.object().put("file_name", fileName)
                        .put("mime_type", "application/pdf").put("file_size", 1000)));
            }
            FormattedText caption = FormattedText.parseHtml(captionHtml);
            if (!caption.isBlank()) {
                message.put("caption", caption.text());
                if (!caption.entities().isEmpty()) {
                    message.set("caption_entities", caption.entities());
                }
            }
            return update("message", world.store(chat, message).json());
        }
    }

    ObjectNode groupMessage(FakeUser from, long chatId, String text, OptionalInt threadId, OptionalInt replyTo) {
        synchronized (world) {
            ChatState chat = postableGroup(chatId);
            joinIfAbsent(chat, from);
            ObjectNode message = world.messageFrame(chat, from.id());
            threadId.ifPresent(id -> message.put("message_thread_id", id).put("is_topic_message", chat.forum()));
            putUserText(message, text);
            replyTo.ifPresent(id -> message.set("reply_to_message", requireMessage(chat, id).json()));
            return update("message", world.store(chat, message).json());
        }
    }

    ObjectNode editedMessage(FakeUser from, long chatId, int messageId, String newText) {
        synchronized (world) {
            ChatState chat = world.requireChat(chatId);
            FakeMessage old = requireMessage(chat, messageId);
            if (old.fromId() != from.id()) {
                throw new IllegalArgumentException("message " + messageId + " in chat " + chatId + " is not "
                        + from.firstName() + "'s to edit");
            }
            ObjectNode edited = old.json();
            edited.remove(List.of("text", "entities"));
            putUserText(edited, newText);
            edited.put("edit_date", world.now());
            FakeMessage stored = new FakeMessage(edited);
            chat.putMessage(stored);
            return update("edited_message", stored.json());
        }
    }

    /** A tap on the inline button with this text, on a message the bot sent. */
    ObjectNode buttonTap(FakeUser from, long chatId, int messageId, String buttonText) {
        synchronized (world) {
            FakeMessage message = world.requireChat(chatId).message(messageId).orElseThrow(() -> new AssertionError(
                    "no message " + messageId + " in chat " + chatId + " to tap '" + buttonText + "' on"));
            return callback(from, chatId, messageId, message.callbackData(buttonText));
        }
    }

    /** A callback query with any data, as a modified client could send. */
    ObjectNode callback(FakeUser from, long chatId, int messageId, String data) {
        synchronized (world) {
            ChatState chat = world.requireChat(chatId);
            world.registerUser(from);
            // a message Telegram no longer has arrives as an InaccessibleMessage: its date is 0
            ObjectNode message = chat.message(messageId).map(FakeMessage::json).orElseGet(() -> {
                ObjectNode inaccessible = Json.object();
                inaccessible.set("chat", world.chatJson(chat));
                return inaccessible.put("message_id", messageId).put("date", 0);
            });
            ObjectNode query = Json.object().put("id", world.openCallbackQuery());
            query.set("from", world.userJson(from.id()));
            query.set("message", message);
            query.put("chat_instance", chatInstance(chatId)).put("data", data);
            return update("callback_query", query);
        }
    }

    ObjectNode inlineQuery(FakeUser from, String queryText) {
        synchronized (world) {
            world.registerUser(from);
            ObjectNode query = Json.object().put("id", world.openInlineQuery());
            query.set("from", world.userJson(from.id()));
            query.put("query", queryText).put("offset", "").put("chat_type", "sender");
            return update("inline_query", query);
        }
    }

    ObjectNode newChatMembers(long chatId, FakeUser addedBy, List<FakeUser> members) {
        synchronized (world) {
            ChatState chat = postableGroup(chatId);
            joinIfAbsent(chat, addedBy);
            ObjectNode message = world.messageFrame(chat, addedBy.id());
            ArrayNode newMembers = message.putArray("new_chat_members");
            for (FakeUser member : members) {
                world.registerUser(member);
                chat.setMember(Membership.of(member.id(), MemberStatus.MEMBER));
                chat.pendingJoinRequests().remove(member.id());
                newMembers.add(world.userJson(member.id()));
            }
            return update("message", world.store(chat, message).json());
        }
    }

    /** The service message Telegram posts when a join request was approved: the user joined by themselves. */
    ObjectNode approvedJoin(long chatId, long userId) {
        synchronized (world) {
            ChatState chat = postableGroup(chatId);
            ObjectNode message = world.messageFrame(chat, userId);
            message.putArray("new_chat_members").add(world.userJson(userId));
            return update("message", world.store(chat, message).json());
        }
    }

    ObjectNode leftChatMember(long chatId, FakeUser user) {
        synchronized (world) {
            ChatState chat = postableGroup(chatId);
            world.registerUser(user);
            chat.setMember(Membership.of(user.id(), MemberStatus.LEFT));
            ObjectNode message = world.messageFrame(chat, user.id());
            message.set("left_chat_member", world.userJson(user.id()));
            return update("message", world.store(chat, message).json());
        }
    }

    /** A request to join, pending until the bot approves or declines it; the bot may write to the user meanwhile. */
    ObjectNode joinRequest(FakeUser user, long chatId, Optional<String> inviteLink) {
        synchronized (world) {
            ChatState chat = postableGroup(chatId);
            world.registerUser(user).markReachable();
            chat.pendingJoinRequests().put(user.id(), inviteLink.orElse(""));
            ObjectNode request = Json.object();
            request.set("chat", world.chatJson(chat));
            request.set("from", world.userJson(user.id()));
            request.put("user_chat_id", user.id()).put("date", world.now());
            inviteLink.ifPresent(link -> request.set("invite_link", inviteLinkJson(chat, link)));
            return update("chat_join_request", request);
        }
    }

    ObjectNode chatMember(long chatId, FakeUser actor, FakeUser user, MemberStatus newStatus) {
        synchronized (world) {
            ChatState chat = world.requireGroup(chatId);
            world.registerUser(actor);
            world.registerUser(user);
            Membership old = world.membership(chat, user.id());
            Membership changed = newStatus == MemberStatus.ADMINISTRATOR
                    ? Membership.admin(user.id(), AdminRights.of(AdminRights.Right.INVITE_USERS))
                    : Membership.of(user.id(), newStatus);
            chat.setMember(changed);
            return update("chat_member", memberChange(chat, actor, old, changed));
        }
    }

    /** The bot's own standing changed: added to or removed from a group, or blocked/unblocked in private. */
    ObjectNode myChatMember(long chatId, FakeUser actor, MemberStatus newStatus) {
        synchronized (world) {
            world.registerUser(actor);
            long botId = world.bot().id();
            ChatState chat = chatId == actor.id() ? world.openPrivateChat(actor) : world.requireGroup(chatId);
            Membership old;
            Membership changed = newStatus == MemberStatus.ADMINISTRATOR
                    ? Membership.admin(botId, AdminRights.all()) : Membership.of(botId, newStatus);
            if (chat.kind() == ChatKind.PRIVATE) {
                UserState user = world.requireUser(actor.id());
                old = Membership.of(botId, user.blockedBot() ? MemberStatus.KICKED : MemberStatus.MEMBER);
                user.blockedBot(newStatus == MemberStatus.KICKED);
            } else {
                old = world.botMembership(chat);
                chat.setMember(changed);
            }
            return update("my_chat_member", memberChange(chat, actor, old, changed));
        }
    }

    /**
     * A basic group upgraded to a supergroup: the members move over, the old id answers "upgraded", and the two
     * service messages Telegram sends (one in each chat) are returned in order.
     */
    List<ObjectNode> migration(long groupId, long supergroupId, FakeUser actor) {
        synchronized (world) {
            ChatState group = world.requireChat(groupId);
            if (group.kind() != ChatKind.GROUP || group.migratedTo() != 0) {
                throw new IllegalArgumentException("chat " + groupId + " is not a basic group that can be upgraded");
            }
            world.registerUser(actor);
            ChatState supergroup = world.addGroup(supergroupId, ChatKind.SUPERGROUP, group.title(), false);
            group.members().forEach(supergroup::setMember);
            ObjectNode leaving = world.messageFrame(group, actor.id()).put("migrate_to_chat_id", supergroupId);
            ObjectNode leavingUpdate = update("message", world.store(group, leaving).json());
            ObjectNode arriving = world.messageFrame(supergroup, actor.id()).put("migrate_from_chat_id", groupId);
            ObjectNode arrivingUpdate = update("message", world.store(supergroup, arriving).json());
            group.migrateTo(supergroupId);
            return List.of(leavingUpdate, arrivingUpdate);
        }
    }

    private ObjectNode memberChange(ChatState chat, FakeUser actor, Membership old, Membership changed) {
        ObjectNode change = Json.object();
        change.set("chat", world.chatJson(chat));
        change.set("from", world.userJson(actor.id()));
        change.put("date", world.now());
        change.set("old_chat_member", ApiObjects.member(world, old));
        change.set("new_chat_member", ApiObjects.member(world, changed));
        return change;
    }

    private JsonNode inviteLinkJson(ChatState chat, String link) {
        InviteLink known = chat.inviteLinks().get(link);
        if (known == null) {
            // a link some human admin made: Telegram still sends the link object
            known = new InviteLink(link, chat.id(), "", true, 0, 0, false);
        } else if (known.revoked()) {
            throw new IllegalArgumentException("invite link " + link + " was revoked: nobody can use it");
        }
        return ApiObjects.inviteLink(world, known);
    }

    private ChatState postableGroup(long chatId) {
        ChatState chat = world.requireGroup(chatId);
        if (chat.migratedTo() != 0) {
            throw new IllegalArgumentException("group " + chatId + " was upgraded to " + chat.migratedTo());
        }
        return chat;
    }

    private void joinIfAbsent(ChatState chat, FakeUser user) {
        world.registerUser(user);
        MemberStatus status = world.membership(chat, user.id()).status();
        if (status == MemberStatus.KICKED) {
            throw new IllegalArgumentException(user.firstName() + " is banned from chat " + chat.id());
        }
        if (!status.isInChat()) {
            chat.setMember(Membership.of(user.id(), MemberStatus.MEMBER));
        }
    }

    private static FakeMessage requireMessage(ChatState chat, int messageId) {
        return chat.message(messageId).orElseThrow(() -> new IllegalArgumentException(
                "no message " + messageId + " in chat " + chat.id()));
    }

    private static void putUserText(ObjectNode message, String text) {
        message.put("text", text);
        Matcher command = COMMAND.matcher(text);
        ArrayNode entities = Json.array();
        while (command.find()) {
            entities.addObject().put("type", "bot_command").put("offset", command.start())
                    .put("length", command.end() - command.start());
        }
        if (!entities.isEmpty()) {
            message.set("entities", entities);
        }
    }

    private String chatInstance(long chatId) {
        return Long.toUnsignedString(chatId * 1_000_003L ^ world.bot().id());
    }

    private static ObjectNode update(String type, JsonNode payload) {
        ObjectNode update = Json.object();
        update.set(type, payload);
        return update;
    }
}
