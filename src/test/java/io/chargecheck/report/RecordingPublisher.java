package io.chargecheck.report;

import io.cucumber.plugin.event.Event;
import io.cucumber.plugin.event.EventHandler;
import io.cucumber.plugin.event.EventPublisher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stands in for Cucumber's event bus: hands each published event to the handlers registered for its type. */
final class RecordingPublisher implements EventPublisher {

    private final Map<Class<?>, List<EventHandler<?>>> handlers = new LinkedHashMap<>();

    @Override
    public <T> void registerHandlerFor(Class<T> eventType, EventHandler<T> handler) {
        handlers.computeIfAbsent(eventType, t -> new ArrayList<>()).add(handler);
    }

    @Override
    public <T> void removeHandlerFor(Class<T> eventType, EventHandler<T> handler) {
        handlers.getOrDefault(eventType, new ArrayList<>()).remove(handler);
    }

    @SuppressWarnings("unchecked")
    <T extends Event> void publish(T event) {
        handlers.getOrDefault(event.getClass(), List.of())
                .forEach(handler -> ((EventHandler<T>) handler).receive(event));
    }
}
