package org.ccin.bot.routing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The commands of every feature, by name, in the order they were registered (the order of /help). */
public final class CommandRegistry {
    private final Map<String, Command> commands = new LinkedHashMap<>();

    public CommandRegistry(Collection<? extends Command> all) {
        for (Command command : all) {
            if (commands.putIfAbsent(command.name(), command) != null) {
                throw new IllegalArgumentException("two commands named /" + command.name());
            }
        }
    }

    public Optional<Command> find(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    public List<Command> all() {
        return new ArrayList<>(commands.values());
    }
}
