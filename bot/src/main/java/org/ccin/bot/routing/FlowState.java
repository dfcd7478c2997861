package org.ccin.bot.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Optional;
import org.ccin.store.conversations.Conversation;
import org.ccin.store.conversations.ConversationRepository;

/**
 * The state of one conversation flow, always a record, saved and read through the conversation store as JSON: the
 * one way every flow keeps what the person has answered so far. A state that cannot be read (written by an older
 * version, or the row of another flow) reads as empty, and the flow starts again rather than failing.
 *
 * @param <S> the flow's state record
 */
public final class FlowState<S extends Record> {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final ConversationRepository conversations;
    private final String flow;
    private final Class<S> type;

    public FlowState(ConversationRepository conversations, String flow, Class<S> type) {
        this.conversations = conversations;
        this.flow = flow;
        this.type = type;
    }

    public String flow() {
        return flow;
    }

    /** Starts or moves the person's conversation in this chat to {@code step}, with {@code state}. */
    public Conversation save(Context context, String step, S state) {
        return save(context.incoming().chatId(), context.userId(), step, state);
    }

    public Conversation save(long chatId, long userId, String step, S state) {
        try {
            return conversations.save(chatId, userId, flow, step, JSON.writeValueAsString(state));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the state of " + flow, e);
        }
    }

    /** The person's conversation in this chat, when it is of this flow. */
    public Optional<Conversation> current(Context context) {
        return conversations.find(context.incoming().chatId(), context.userId()).filter(c -> c.flow().equals(flow));
    }

    /** The state of a conversation of this flow; empty when it is another flow's or cannot be read. */
    public Optional<S> read(Conversation conversation) {
        if (!conversation.flow().equals(flow)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(JSON.readValue(conversation.state(), type));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** Ends the person's conversation in this chat, when it is of this flow. */
    public void end(Context context) {
        if (current(context).isPresent()) {
            conversations.delete(context.incoming().chatId(), context.userId());
        }
    }
}
