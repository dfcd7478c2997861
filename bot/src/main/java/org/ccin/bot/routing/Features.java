package org.ccin.bot.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ccin.bot.access.RoleSource;
import org.ccin.bot.delivery.DeliveryListener;
import org.ccin.bot.web.WebRoutes;
import org.ccin.scheduler.Routine;

/**
 * What each feature contributes to the router, collected by the composition root. A button prefix and a flow name
 * each belong to one feature: a second claim is refused at start, naming both features (as {@link CommandRegistry}
 * refuses two commands of one name), since the router would otherwise send one feature's taps or conversations to
 * the other's code without a word. Not thread-safe: filled once at start.
 */
public final class Features {
    private final List<Command> commands = new ArrayList<>();
    private CommandRegistry registry;
    /** The feature whose contributions come now, named when two claim the same thing. */
    private String adding = "the bot";
    private final Map<String, Claimed<CallbackAction>> callbacks = new LinkedHashMap<>();
    private final Map<String, Claimed<ConversationFlow>> flows = new LinkedHashMap<>();
    private final List<TextHandler> textHandlers = new ArrayList<>();
    private final List<EventHandler> eventHandlers = new ArrayList<>();
    private final List<RoleSource> roleSources = new ArrayList<>();
    private final List<Routine> routines = new ArrayList<>();
    private final List<WebRoutes> webRoutes = new ArrayList<>();
    private final Map<String, DeliveryListener> deliveryListeners = new LinkedHashMap<>();
    private final List<StartLink> startLinks = new ArrayList<>();
    private final List<RegistrationListener> registrationListeners = new ArrayList<>();
    private final List<StaffPage> staffPages = new ArrayList<>();
    private final List<Runnable> startTasks = new ArrayList<>();

    /** A contribution and the feature that added it. */
    private record Claimed<T>(T value, String feature) {
    }

    /** Names the feature whose contributions follow (its class's simple name, e.g. "NewslettersFeature"). */
    public Features adding(String feature) {
        this.adding = feature;
        return this;
    }

    public Features command(Command command) {
        if (registry != null) {
            throw new IllegalStateException("/" + command.name() + " comes too late: the commands are complete");
        }
        commands.add(command);
        return this;
    }

    /**
     * Every feature's commands by name, in the order they were added (the order of /help). Built at the first call,
     * once every feature is in; /help asks for it when it runs, so it needs no registry at construction.
     */
    public synchronized CommandRegistry registry() {
        if (registry == null) {
            registry = new CommandRegistry(commands);
        }
        return registry;
    }

    /**
     * @throws IllegalStateException when another action (of any feature) already routes the buttons of that prefix
     */
    public Features callback(CallbackAction action) {
        claim(callbacks, action.feature(), action, "the buttons \"" + action.feature() + ":…\"");
        return this;
    }

    /** @throws IllegalStateException when another flow (of any feature) already has that name */
    public Features flow(ConversationFlow flow) {
        claim(flows, flow.flow(), flow, "the conversation flow \"" + flow.flow() + "\"");
        return this;
    }

    private <T> void claim(Map<String, Claimed<T>> claims, String key, T value, String what) {
        Claimed<T> before = claims.putIfAbsent(key, new Claimed<>(value, adding));
        if (before != null) {
            throw new IllegalStateException(before.feature().equals(adding)
                    ? adding + " adds " + what + " twice"
                    : "two features claim " + what + ": " + before.feature() + " and " + adding);
        }
    }

    public Features text(TextHandler handler) {
        textHandlers.add(handler);
        return this;
    }

    public Features event(EventHandler handler) {
        eventHandlers.add(handler);
        return this;
    }

    public Features roles(RoleSource source) {
        roleSources.add(source);
        return this;
    }

    /** Scheduled work (Quartz runs it). */
    public Features routine(Routine routine) {
        routines.add(routine);
        return this;
    }

    /** Pages and endpoints of the web server. */
    public Features web(WebRoutes routes) {
        webRoutes.add(routes);
        return this;
    }

    /** Told how each outbox message of this kind ended. */
    public Features delivery(String kind, DeliveryListener listener) {
        deliveryListeners.put(kind, listener);
        return this;
    }

    /** A deep link opened through /start. */
    public Features startLink(StartLink link) {
        startLinks.add(link);
        return this;
    }

    /** Told when someone finishes registering. */
    public Features onRegistered(RegistrationListener listener) {
        registrationListeners.add(listener);
        return this;
    }

    /** A page linked from the dashboard's header, so that a feature's staff page needs no edit of the dashboard. */
    public Features staffPage(StaffPage page) {
        staffPages.add(page);
        return this;
    }

    /**
     * Done once the bot has started (Telegram reached, updates coming in), e.g. publishing the command menu, which
     * needs every feature's commands. A task must not block: calls to Telegram go through the Sender.
     */
    public Features atStart(Runnable task) {
        startTasks.add(task);
        return this;
    }

    public List<Runnable> startTasks() {
        return List.copyOf(startTasks);
    }

    /** Every feature's staff pages, in the order they were added; asked for when a page is drawn. */
    public List<StaffPage> staffPages() {
        return List.copyOf(staffPages);
    }

    public List<RegistrationListener> registrationListeners() {
        return List.copyOf(registrationListeners);
    }

    public List<StartLink> startLinks() {
        return List.copyOf(startLinks);
    }

    public List<Routine> routines() {
        return List.copyOf(routines);
    }

    public List<WebRoutes> webRoutes() {
        return List.copyOf(webRoutes);
    }

    public Map<String, DeliveryListener> deliveryListeners() {
        return Map.copyOf(deliveryListeners);
    }

    public List<Command> commands() {
        return List.copyOf(commands);
    }

    /** Each button prefix with the one action that routes it. */
    public Map<String, CallbackAction> callbacks() {
        Map<String, CallbackAction> byPrefix = new LinkedHashMap<>();
        callbacks.forEach((prefix, claimed) -> byPrefix.put(prefix, claimed.value()));
        return Map.copyOf(byPrefix);
    }

    /** Each flow by its name. */
    public Map<String, ConversationFlow> flows() {
        Map<String, ConversationFlow> byName = new LinkedHashMap<>();
        flows.forEach((name, claimed) -> byName.put(name, claimed.value()));
        return Map.copyOf(byName);
    }

    public List<TextHandler> textHandlers() {
        return List.copyOf(textHandlers);
    }

    public List<EventHandler> eventHandlers() {
        return List.copyOf(eventHandlers);
    }

    public List<RoleSource> roleSources() {
        return List.copyOf(roleSources);
    }
}
