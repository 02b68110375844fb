package dev.leadport.exports;

import dev.leadport.shared.events.OperationEvent;
import dev.leadport.shared.events.OperationType;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Test listener that keeps every operation event, from whichever thread published it. */
@Component
public class RecordedOperations {

    private final List<OperationEvent> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(OperationEvent event) {
        events.add(event);
    }

    public List<OperationEvent> of(OperationType type, String actor) {
        return events.stream()
                .filter(e -> e.type() == type && e.actorUsername().equals(actor))
                .toList();
    }

    public List<OperationEvent> byId(String operationId) {
        return events.stream().filter(e -> e.operationId().equals(operationId)).toList();
    }
}
