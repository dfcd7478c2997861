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
 * What each feature contributes to the router, collected by the composition root. Not thread-safe: filled once
 * at start.
 */
public final class Features {
    private final List<Command> commands = new ArrayList<>();
    private CommandRegistry registry;
    private final List<CallbackAction> callbacks = new ArrayList<>();
    private final List<ConversationFlow> flows = new ArrayList<>();
    private final List<TextHandler> textHandlers = new ArrayList<>();
    private final List<EventHandler> eventHandlers = new ArrayList<>();
    private final List<RoleSource> roleSources = new ArrayList<>();
    private final List<Routine> routines = new ArrayList<>();
    private final List<WebRoutes> webRoutes = new ArrayList<>();
    private final Map<String, DeliveryListener> deliveryListeners = new LinkedHashMap<>();
    private final List<StartLink> startLinks = new ArrayList<>();
    private final List<RegistrationListener> registrationListeners = new ArrayList<>();
    private final List<StaffPage> staffPages = new ArrayList<>();

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

    public Features callback(CallbackAction action) {
        callbacks.add(action);
        return this;
    }

    public Features flow(ConversationFlow flow) {
        flows.add(flow);
        return this;
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

    public List<CallbackAction> callbacks() {
        return List.copyOf(callbacks);
    }

    public List<ConversationFlow> flows() {
        return List.copyOf(flows);
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
